/**
 * The command line on saved pages: parse (exit 0 / 3), assess of a page, a folder of pages in JSON and CSV with
 * one row per entity, unreadable files reported by name without stopping the run.
 */
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assessment, ParseResult } from '#core';
import { main } from './main.ts';
import type { Io } from './io.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-pages-'));
const URL_A = 'https://www.gsxt.gov.cn/%7BAAAA0001-1558624663369%7D';

function savedPage(url: string, name: string, uscc: string, penalties: number): string {
  const rows = Array.from(
    { length: penalties },
    (_, i) =>
      `<tr><td>${i + 1}</td><td>示市监罚〔2024〕${i + 1}号</td><td>销售超过保质期的食品</td><td>罚款人民币2000元</td><td>示例市市场监督管理局</td><td>2024-0${(i % 5) + 1}-1${i % 9}</td><td></td></tr>`,
  ).join('');
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n<html><body><h1>${name}</h1><p>统一社会信用代码：${uscc}</p>
    <h3>行政处罚信息</h3><table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>行政处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th><th>公示日期</th></tr>${rows}</table>
    <div>共 ${penalties} 条</div><p>暂无列入严重违法失信名单信息</p></body></html>`;
}

function write(name: string, content: string, mtime?: Date): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  if (mtime) utimesSync(file, mtime, mtime);
  return file;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), now: () => Date.UTC(2024, 5, 30, 4), errIsTerminal: false };
  return { code: await main(args, io), stdout, stderr };
}

const pageA = write('a.html', savedPage(URL_A, '示例市甲贸易有限公司', '91330100MA2B3C4D5N', 11));

describe('creditlens parse', () => {
  it('prints the ParseResult of a saved page, taking the URL from the saved-from line', async () => {
    const r = await run(['parse', pageA]);
    expect(r.code).toBe(0);
    const result = ParseResult.parse(JSON.parse(r.stdout));
    if (!result.ok) throw new Error(result.detail);
    expect(result.record.source?.url).toBe(URL_A);
    expect(result.completeness.penalties).toEqual({ read: 11, total: 11, from: 'dom' });
  });

  it('exits 3 with the reason for a page it does not understand', async () => {
    const search = write(
      'search.html',
      '<!-- saved from url=(0049)https://www.gsxt.gov.cn/corp-query-search-1.html -->\n<p>共 3 条信息</p>',
    );
    const r = await run(['parse', search]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reason: 'unsupported-page' });
  });

  it('--url overrides, and a bad --url is bad input (2)', async () => {
    const r = await run(['parse', pageA, '--url', 'https://zj.gsxt.gov.cn/%7BBBBB-1558624663369%7D']);
    expect(JSON.parse(r.stdout).record.source.url).toBe('https://zj.gsxt.gov.cn/%7BBBBB-1558624663369%7D');
    expect((await run(['parse', pageA, '--url', 'not a url'])).code).toBe(2);
  });
});

describe('creditlens assess on pages', () => {
  it('parses, then assesses a saved page', async () => {
    const r = await run(['assess', pageA, '--as-of', '2024-06-30']);
    expect(r.code).toBe(0);
    expect(Assessment.parse(JSON.parse(r.stdout)).repeatOffender).toMatchObject({ flag: true, count: 11 });
  });

  it('a page it does not understand is bad input for assess: exit 2, nothing on stdout', async () => {
    const empty = write('empty.html', `<!-- saved from url=(0055)${URL_A.slice(0, 55)} -->\n<html><body></body></html>`);
    const r = await run(['assess', empty, '--as-of', '2024-06-30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('page not understood');
  });

  it('checks a folder: one row per entity (latest observation), unreadable files reported, run not stopped', async () => {
    const folder = mkdtempSync(join(dir, 'evidence-'));
    const older = savedPage(URL_A, '示例市甲贸易有限公司', '91330100MA2B3C4D5N', 3);
    writeFileSync(join(folder, '1-old.html'), older);
    utimesSync(join(folder, '1-old.html'), new Date('2024-01-01'), new Date('2024-01-01'));
    writeFileSync(join(folder, '2-new.html'), savedPage(URL_A, '示例市甲贸易有限公司', '91330100MA2B3C4D5N', 12));
    writeFileSync(
      join(folder, '3-other.html'),
      savedPage('https://zj.gsxt.gov.cn/%7BCCCC-1558624663369%7D', '示例市乙商行', '92330106MA2KQ7L853', 1),
    );
    writeFileSync(join(folder, '4-broken.json'), '{"entity": ');
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const json = await run(['assess', folder, '--as-of', '2024-06-30']);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ file: string; assessment: Assessment }>;
    expect(rows.map((r) => r.file)).toEqual(['2-new.html', '3-other.html']);
    expect(rows[0]?.assessment.repeatOffender.count).toBe(12);
    expect(json.stderr).toContain('4-broken.json: invalid JSON');
    expect(json.stderr).toContain('4 个文件 files, 2 个主体 entities, 1 个无法读取 unreadable');

    const csv = await run(['assess', folder, '--as-of', '2024-06-30', '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFF主体名称,统一社会信用代码,严重违法失信名单')).toBe(true);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    // The page says 暂无 for the serious list and has no abnormal section at all: that one is unknown, not 未列入.
    expect(lines[1]).toContain(
      '示例市甲贸易有限公司,91330100MA2B3C4D5N,未列入,未知（页面未载入）,12,是,,已读取 12/12,已读取 0（页面未显示总数）,已读取 0/0',
    );
  });

  it('writes names and file names from pages formula-safe: nothing a spreadsheet would run', async () => {
    const folder = mkdtempSync(join(dir, 'formula-'));
    const names = ['=HYPERLINK("http://127.0.0.1/x","点我")', '+1+2示例', '-3+4示例', '@SUM(A1)示例'];
    names.forEach((name, i) => {
      const uscc = ['91330100MA2B3C4D5N', '91110000101623741K', '91510100MA6CR73R54', '91110116MA002GA801'][i] ?? '';
      writeFileSync(
        join(folder, `${['=', '+', '-', '@'][i]}page${i}.html`),
        savedPage(`https://www.gsxt.gov.cn/%7BF${i}-1558624663369%7D`, name, uscc, 1),
      );
    });
    const csv = await run(['assess', folder, '--as-of', '2024-06-30', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      // Every cell of the row, unquoted: none starts with a formula character.
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"",""点我"")"`);
    expect(csv.stdout).toContain("'=page0.html");
  });

  it('never says 未列入 or 否 of a section the page did not load, in JSON or CSV', async () => {
    const folder = mkdtempSync(join(dir, 'unknown-'));
    // Only the basic information: no penalty, abnormal or serious section on the page at all.
    writeFileSync(
      join(folder, 'basic.html'),
      `<!-- saved from url=(0053)https://www.gsxt.gov.cn/%7BDDDD0001-1558624663369%7D -->
      <html><body><h1>示例市丙科技有限公司</h1><p>统一社会信用代码：91330100MA2B3C4D5N</p><h3>行政处罚信息</h3></body></html>`,
    );
    const json = await run(['assess', join(folder, 'basic.html'), '--as-of', '2024-06-30']);
    expect(json.code).toBe(0);
    const a = Assessment.parse(JSON.parse(json.stdout));
    expect(a.coverage.penalties.state).toBe('unknown');
    expect(a.abnormalList.status).toBe('UNKNOWN');
    expect(a.seriousList.status).toBe('UNKNOWN');
    expect(a.seriousList.shouldBeListed).toBe(false);
    expect(a.repeatOffender).toMatchObject({ status: 'UNKNOWN', atLeast: true, flag: false });
    const csv = await run(['assess', folder, '--as-of', '2024-06-30', '--format', 'csv']);
    const [header, row] = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const cells = Object.fromEntries((header ?? '').split(',').map((h, i) => [h, (row ?? '').split(',')[i]]));
    expect(cells).toMatchObject({
      严重违法失信名单: '未知（页面未载入）',
      经营异常名录: '未知（页面未载入）',
      '近三年行政处罚(件)': '未知（页面未载入）',
      '屡禁不止、屡罚不改': '未知（页面未载入）',
      行政处罚读取: '已读取 0（页面未显示总数）',
    });
    expect(row).not.toMatch(/未列入|否|false|NONE/);
  });
});

describe('creditlens on pages saved from the simulated site', () => {
  const fixtures = new URL('../core/sites/fixtures/gsxt-gov-cn/', import.meta.url);

  it('refuses a 5 MB page of unclosed <div>s as not understood (3), before building a DOM', async () => {
    const file = write('nested.html', `<!-- saved from url=(0053)${URL_A} -->\n<html><body>${'<div>'.repeat(1_000_000)}</body></html>`);
    const r = await run(['parse', file]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reason: 'structure-changed', detail: expect.stringContaining('512') });
  });

  it('still reads an ordinary page padded to 3 MB with tens of thousands of elements, as it reads the page itself', async () => {
    const page = readFileSync(new URL('repeat-2017.html', fixtures), 'utf8');
    const padding = `<div class="footer-links">${'<p><a href="/x">示例链接</a><span>说明文字说明文字</span></p>'.repeat(42_000)}</div>`;
    const padded = write('padded.html', page.replace('</body>', `${padding}</body>`));
    expect(readFileSync(padded).length).toBeGreaterThan(3_000_000);
    const [plain, big] = [await run(['parse', new URL('repeat-2017.html', fixtures).pathname]), await run(['parse', padded])];
    expect(big.code).toBe(0);
    expect(JSON.parse(big.stdout).record.penalties).toEqual(JSON.parse(plain.stdout).record.penalties);
  });

  it('parse reads the repeat offender page: 5 of 23 penalties, from the rendered rows', async () => {
    const r = await run(['parse', new URL('repeat-2017.html', fixtures).pathname]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
  });

  it('assess of the folder gives one row per entity; the search page is reported as not an entity page', async () => {
    const r = await run(['assess', fixtures.pathname, '--as-of', '2026-11-30', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('search.html: page not understood (unsupported-page)');
    const rows = r.stdout.trim().split('\r\n').slice(1);
    // clean, listed (2026 and provincial pages: the same entity, once), repeat, individual
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.includes('示例市鲜味坊食品有限公司'))).toContain(',已列入,');
  });
});

describe('creditlens on pages from hosts that no longer exist, or without a URL: the page decides', () => {
  const body = `<html><body><h2 id="gsh2">示例市丁商贸有限公司 &nbsp; 注册号：330106000123452 &nbsp; “该企业已列入经营异常名录”</h2>
    <table><tr><th>注册号</th><td>330106000123452</td><th>名称</th><td>示例市丁商贸有限公司</td></tr></table>
    <div class="tabs"><span>行政处罚信息</span><span>经营异常信息</span><span>严重违法信息</span></div></body></html>`;
  const saved = (url: string) => `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${body}`;

  it.each([
    'http://qyxy.baic.gov.cn/gjjbj/gjjQueryCreditAction!openEntInfo.dhtml?entId=20e3',
    'http://gsxt.gdgs.gov.cn/aiccips/GSpublicity/GSpublicityList.html?service=entInfo&entNo=ab12',
    'http://www.gxqyxygs.gov.cn/businessPublicity.jspx?id=5A1C',
    'http://gsxt.hljaic.gov.cn/company/detail.jspx?id=A1B2',
    'http://1.2.3.4/businessPublicity.jspx?id=5A1C',
  ])('reads a page saved from %s (saved-from line and --url), site gsxt-gov-cn', async (url) => {
    for (const args of [[write('old-host.html', saved(url))], [write('old-host-bare.html', body), '--url', url]]) {
      const r = await run(['parse', ...args]);
      expect(r.code).toBe(0);
      const result = ParseResult.parse(JSON.parse(r.stdout));
      if (!result.ok) throw new Error(result.detail);
      expect(result.record.entity).toMatchObject({ name: '示例市丁商贸有限公司', regNo: '330106000123452' });
      expect(result.record.source).toMatchObject({ url, site: 'gsxt-gov-cn' });
    }
  });

  it('reads a page without any URL (no saved-from line, no --url) and assesses its banner with the sections unknown', async () => {
    const file = write('no-url.html', body);
    const r = await run(['assess', file, '--as-of', '2026-11-30']);
    expect(r.code).toBe(0);
    const a = Assessment.parse(JSON.parse(r.stdout));
    expect(a.abnormalList.status).toBe('ACTIVE');
    expect(a.seriousList.status).toBe('UNKNOWN');
    expect(a.coverage.penalties).toMatchObject({ state: 'unknown', read: 0, total: null });
  });
});
