// @vitest-environment happy-dom
/**
 * The ledger page against a real background (router + handlers over fake-indexeddb) and an in-memory team document of
 * 2,000 entities: only the rows in view are in the DOM; filters and search; bulk status written in one go; 只读
 * disables every write; invalid records listed with their problems; a row opens its latest snapshot and the page it
 * was seen on; the report preview shows exactly core's workReport and its XLSX reads back as the table; a clue list
 * with bad rows imports the good ones; the filtered ledger exports as CSV; charts say how many entities were never
 * seen here; a colleague's change is announced.
 */
import * as Y from 'yjs';
import { readSheet } from 'read-excel-file/node';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES_MAP, ensureTeamEntity, readTeamEntities, readTeamEntity, reportTable, updateTeamEntity, workReport } from '#core';
import { parseCsv } from './csv.ts';
import { openInPageImportWorker } from './import-worker-port.ts';
import { ledgerDoc } from '../../../test/support/extension/test-ledger.ts';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import { LedgerPage } from './LedgerPage.tsx';
import type { ReportUnitMemory } from './ReportPreview.tsx';
import { localBackground, NOW, REPEAT_OFFENDER, seed } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const N = 2_000;
let base: Uint8Array;
beforeAll(() => {
  base = Y.encodeStateAsUpdate(ledgerDoc(N));
}, 30_000);

async function mount(options: Parameters<typeof testTeam>[0] & { pollMs?: number; reportUnit?: ReportUnitMemory } = {}) {
  const team = testTeam(options);
  Y.applyUpdate(team.doc, base);
  const broken = new Y.Map<unknown>();
  broken.set('name', '坏记录');
  team.doc.getMap(ENTITIES_MAP).set('91330100MAXXXXXXXX', broken);
  const background = localBackground(team);
  const downloads: Array<{ name: string; file: Blob }> = [];
  const opened: string[] = [];
  let ids = 0;
  render(
    <LedgerPage
      transport={background.transport}
      openUrl={(url) => opened.push(url)}
      download={(name, file) => downloads.push({ name, file })}
      now={() => NOW}
      newId={() => `id${++ids}`}
      openImportWorker={openInPageImportWorker}
      pollMs={options.pollMs ?? 60_000}
      {...(options.reportUnit ? { reportUnit: options.reportUnit } : {})}
    />,
  );
  await screen.findByTestId('ledger-table', {}, { timeout: 10_000 });
  return { ...background, team, downloads, opened };
}

const count = () => screen.getByTestId('ledger-count').textContent;

/** 刷新, then until the list is read again. */
async function reloaded(): Promise<void> {
  fireEvent.click(screen.getByTestId('ledger-reload'));
  await screen.findByTestId('ledger-loading');
  await waitFor(() => expect(screen.queryByTestId('ledger-loading')).toBeNull(), { timeout: 10_000 });
}

describe('the ledger table', () => {
  it('lists every valid record, keeping only the rows in view in the DOM, and the invalid one apart with its problems', async () => {
    await mount();
    expect(count()).toBe(`显示 ${N} 条，共 ${N} 条`);
    const shown = screen.getAllByTestId('ledger-row');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    const invalid = screen.getByTestId('ledger-invalid');
    expect(within(invalid).getByText('1 条记录无法读取（未显示、不参与统计）')).toBeTruthy();
    expect(within(invalid).getByTestId('ledger-invalid-row').textContent).toContain('91330100MAXXXXXXXX');

    const scroller = screen.getByTestId('ledger-scroll');
    const firstKey = shown[0]!.dataset.key;
    await act(async () => {
      scroller.scrollTop = 32 * 1_000;
      fireEvent.scroll(scroller);
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('ledger-row').some((row) => Number(row.getAttribute('aria-rowindex')) > 1_000)).toBe(true),
    );
    expect(screen.getAllByTestId('ledger-row').map((row) => row.dataset.key)).not.toContain(firstKey);
    expect(screen.getAllByTestId('ledger-row').length).toBeLessThan(60);
  });

  it('filters by status, assignee and tag and searches team notes', async () => {
    await mount();
    fireEvent.change(screen.getByTestId('ledger-filter-status'), { target: { value: 'verifying' } });
    await waitFor(() => expect(count()).toBe(`显示 ${Math.ceil((N - 1) / 6)} 条，共 ${N} 条`));
    fireEvent.change(screen.getByTestId('ledger-filter-assignee'), { target: { value: 'bob' } });
    // i % 6 === 1 and i % 4 === 1: i % 12 === 1.
    await waitFor(() => expect(count()).toBe(`显示 ${Math.ceil((N - 1) / 12)} 条，共 ${N} 条`));
    fireEvent.click(screen.getByTestId('ledger-filter-clear'));
    fireEvent.change(screen.getByTestId('ledger-search'), { target: { value: '过期原料 第26次' } });
    await waitFor(() => expect(count()).toBe(`显示 1 条，共 ${N} 条`));
    expect(screen.getByTestId('ledger-open').textContent).toBe('示例市第26号商贸有限公司');
    fireEvent.change(screen.getByTestId('ledger-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('ledger-filter-tag'), { target: { value: '冷链' } });
    await waitFor(() => expect(count()).toBe(`显示 ${Math.ceil(N / 11)} 条，共 ${N} 条`));
  });

  it('sets the status of every selected row in one message, stamped by the user', async () => {
    const { team, sent } = await mount();
    fireEvent.change(screen.getByTestId('ledger-search'), { target: { value: '过期原料' } });
    await waitFor(() => expect(count()).toBe(`显示 ${Math.ceil(N / 13)} 条，共 ${N} 条`));
    fireEvent.click(screen.getByTestId('ledger-select-all'));
    expect(screen.getByTestId('ledger-selected').textContent).toBe(`已选 ${Math.ceil(N / 13)} 条`);
    fireEvent.change(screen.getByTestId('ledger-bulk-status'), { target: { value: 'case-filed' } });
    fireEvent.click(screen.getByTestId('ledger-bulk-apply'));
    expect((await screen.findByTestId('ledger-outcome')).textContent).toBe(
      `已修改 ${Math.ceil(N / 13)} 条；0 条未修改（记录不存在或无法读取）`,
    );
    expect(sent.filter((m) => (m as { type: string }).type === 'ledger:bulk-status')).toHaveLength(1);
    const notes = readTeamEntities(team.doc).filter((r) => r.ok && r.value.notes.length > 0);
    expect(notes.every((r) => r.ok && r.value.status === 'case-filed' && r.value.updatedBy === 'alice')).toBe(true);
    await waitFor(() => expect(screen.getAllByTestId('ledger-status')[0]!.textContent).toBe('已立案'));
  });

  it('shows 只读 and disables bulk change and import for a readonly token, sending no write', async () => {
    const { sent } = await mount({ role: 'readonly' });
    expect(screen.getByTestId('team-readonly').textContent).toBe('只读');
    fireEvent.click(screen.getAllByTestId('ledger-select')[0]!);
    expect((screen.getByTestId('ledger-bulk-apply') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('ledger-bulk-status') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('ledger-tab-import'));
    expect((screen.getByTestId('import-file') as HTMLInputElement).disabled).toBe(true);
    expect(sent.filter((m) => /^ledger:(bulk|import)/.test((m as { type: string }).type))).toEqual([]);
  });

  it('opens a row: the team record, the latest snapshot as the popup shows it, and the page it was seen on', async () => {
    const { team, db, opened } = await mount();
    ensureTeamEntity(team.doc, { name: REPEAT_OFFENDER.entity.name, uscc: REPEAT_OFFENDER.entity.uscc }, { by: 'bob', at: NOW });
    await seed(db, REPEAT_OFFENDER, '2024-06-30T08:00:00.000Z', 'https://www.gsxt.gov.cn/seen-here.html');
    await reloaded();
    fireEvent.change(screen.getByTestId('ledger-search'), { target: { value: REPEAT_OFFENDER.entity.uscc! } });
    await waitFor(() => expect(count()).toBe(`显示 1 条，共 ${N + 1} 条`));
    expect(screen.getByTestId('ledger-row').textContent).toContain('2024-06-30');
    fireEvent.click(screen.getByTestId('ledger-open'));
    const detail = await screen.findByTestId('ledger-detail');
    const hit = await within(detail).findByTestId('lookup-hit');
    expect(within(hit).getByTestId('hit-repeat').textContent).toMatch(/^是/);
    fireEvent.click(within(hit).getByTestId('hit-open'));
    expect(opened).toEqual(['https://www.gsxt.gov.cn/seen-here.html']);

    fireEvent.change(screen.getByTestId('ledger-search'), { target: { value: '第5号商贸' } });
    await waitFor(() => expect(count()).toBe(`显示 1 条，共 ${N + 1} 条`));
    fireEvent.click(screen.getByTestId('ledger-open'));
    expect((await screen.findByTestId('ledger-no-snapshot')).textContent).toContain('本机没有该主体的快照');
  });

  it("announces a colleague's change and reloads on request", async () => {
    const { team } = await mount({ pollMs: 30 });
    updateTeamEntity(team.doc, '91330100MA00000003', { status: 'listed' }, { by: 'bob', at: NOW });
    expect((await screen.findByTestId('ledger-stale', {}, { timeout: 5_000 })).textContent).toContain('新的修改');
    await reloaded();
    expect(screen.queryByTestId('ledger-stale')).toBeNull();
  });
});

describe('the work report preview', () => {
  it('fills in the 填报单位 typed last time, and keeps each change for next time', async () => {
    const saved: string[] = [];
    await mount({ reportUnit: { initial: '示例市市场监督管理局', save: (unit) => saved.push(unit) } });
    fireEvent.click(screen.getByTestId('ledger-tab-report'));
    expect((screen.getByTestId('report-unit') as HTMLInputElement).value).toBe('示例市市场监督管理局');
    expect(screen.getByTestId('report-sheet').textContent).toContain('填报单位：示例市市场监督管理局');
    fireEvent.change(screen.getByTestId('report-unit'), { target: { value: '示例市市场监督管理局信用监管科' } });
    expect(saved).toEqual(['示例市市场监督管理局信用监管科']);
  });

  it("shows core's workReport for the period, and the XLSX and CSV carry the same table", async () => {
    const { team, downloads } = await mount();
    fireEvent.click(screen.getByTestId('ledger-tab-report'));
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-01-01' } });
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-06-30' } });
    fireEvent.change(screen.getByTestId('report-unit'), { target: { value: '示例市市场监督管理局' } });
    const report = workReport(readTeamEntities(team.doc), { from: '2026-01-01', to: '2026-06-30' });
    const table = reportTable(report, { unit: '示例市市场监督管理局' });
    const sheet = screen.getByTestId('report-sheet');
    expect(sheet.textContent).toContain('填报单位：示例市市场监督管理局');
    expect(sheet.textContent).toContain('时间：2026-01-01 至 2026-06-30');
    const shown = screen.getAllByTestId('report-row').map((tr) => [...tr.children].map((cell) => cell.textContent));
    expect(shown).toEqual(table.slice(4).map((row) => row.map(String)));
    expect(report.total.listed).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('report-xlsx'));
    fireEvent.click(screen.getByTestId('report-csv'));
    expect(downloads.map((d) => d.name)).toEqual([
      '经营主体严重违法失信行为专项治理行动工作情况表_2026-01-01_2026-06-30.xlsx',
      '经营主体严重违法失信行为专项治理行动工作情况表_2026-01-01_2026-06-30.csv',
    ]);
    const rows = await readSheet(Buffer.from(await downloads[0]!.file.arrayBuffer()));
    expect(rows.map((row) => row.filter((cell) => cell !== null))).toEqual(table);
    expect(parseCsv(await downloads[1]!.file.text())).toEqual(table.map((row) => row.map(String)));

    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-07-01' } });
    expect(screen.getByTestId('report-problem').textContent).toBe('起始日期晚于截止日期。');
    expect((screen.getByTestId('report-xlsx') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('import and export', () => {
  it('imports a clue list: the mapping guessed, bad rows listed with row and reason, the good rows written', async () => {
    const { team } = await mount();
    fireEvent.click(screen.getByTestId('ledger-tab-import'));
    const csv =
      '\uFEFF企业名称,统一社会信用代码,状态,所属领域,承办人,备注\r\n' +
      '示例市新线索食品有限公司,91330106MA27QX8BXF,核查中,食品安全,wang,群众举报\r\n' +
      ',91330100MA00000001,,,,\r\n' +
      '坏状态公司,,搁置,,,\r\n' +
      '某某商行,,线索,其他,,"备注, 含逗号"\r\n';
    const file = new File([csv], '线索清单.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    expect((await screen.findByTestId('import-file-info')).textContent).toBe('线索清单.csv：4 行数据（UTF-8）');
    expect((screen.getByTestId('import-map-name') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByTestId('import-map-note') as HTMLSelectElement).value).toBe('5');
    expect((screen.getByTestId('import-map-tags') as HTMLSelectElement).value).toBe('');
    expect((await screen.findByTestId('import-summary')).textContent).toBe('2 行可以导入，2 行有问题');
    expect(screen.getAllByTestId('import-bad-row').map((tr) => tr.textContent)).toEqual(['3主体名称为空', '4处理状态无法识别：“搁置”']);
    fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-outcome')).textContent).toBe('已导入 2 行；2 行有问题，未导入');
    expect(readTeamEntity(team.doc, '91330106MA27QX8BXF')).toMatchObject({
      ok: true,
      value: { status: 'verifying', domain: 'FOOD', assignee: 'wang', notes: [{ text: '群众举报' }] },
    });
    expect(readTeamEntity(team.doc, 'name:某某商行')).toMatchObject({
      ok: true,
      value: { status: 'clue', domain: 'OTHER', notes: [{ text: '备注, 含逗号' }] },
    });
    expect(readTeamEntity(team.doc, 'name:坏状态公司')).toBeNull();
  });

  it('states the limits before a file is picked, and refuses a list past the row limit whole, in Chinese, sending nothing', async () => {
    const { sent } = await mount();
    fireEvent.click(screen.getByTestId('ledger-tab-import'));
    expect(screen.getByTestId('import-limits').textContent).toContain('数据不超过 20,000 行（不含表头）');
    const csv = `主体名称,备注\n${'某公司,说明\n'.repeat(120_000)}`;
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([csv], '太多.csv', { type: 'text/csv' })] } });
    expect((await screen.findByTestId('import-outcome', {}, { timeout: 10_000 })).textContent).toBe(
      '未导入任何内容：文件有 120,000 行数据，超过每次导入的上限 20,000 行。请拆分后分批导入。',
    );
    expect(screen.queryByTestId('import-mapping')).toBeNull();
    expect(sent.filter((m) => (m as { type: string }).type === 'ledger:import')).toEqual([]);
  });

  it('cancels a file being read: nothing shown, nothing sent', async () => {
    const { sent } = await mount();
    fireEvent.click(screen.getByTestId('ledger-tab-import'));
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File(['主体名称\n甲公司\n'], '线索.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByTestId('import-cancel'));
    expect(screen.getByTestId('import-outcome').textContent).toBe('已取消，未导入任何内容。');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('import-file-info')).toBeNull();
    expect(sent.filter((m) => (m as { type: string }).type === 'ledger:import')).toEqual([]);
  });

  it('imports a list without a header from its first row, numbered from 1; ticking the header box takes the first row off', async () => {
    const { team } = await mount();
    fireEvent.click(screen.getByTestId('ledger-tab-import'));
    const csv = '示例市无表头食品有限公司,91330106MA27QX8BXF,核查中\r\n另一家无表头商行,,搁置\r\n第三家无表头商行,,线索\r\n';
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([csv], '无表头.csv', { type: 'text/csv' })] } });
    expect((await screen.findByTestId('import-file-info')).textContent).toBe('无表头.csv：3 行数据（UTF-8）');
    expect((screen.getByTestId('import-has-header') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('import-need-name')).toBeTruthy();
    fireEvent.change(screen.getByTestId('import-map-name'), { target: { value: '0' } });
    fireEvent.change(screen.getByTestId('import-map-uscc'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('import-map-status'), { target: { value: '2' } });
    expect((await screen.findByTestId('import-summary')).textContent).toBe('2 行可以导入，1 行有问题');
    expect(screen.getAllByTestId('import-bad-row').map((tr) => tr.textContent)).toEqual(['2处理状态无法识别：“搁置”']);

    fireEvent.click(screen.getByTestId('import-has-header'));
    expect(screen.getByTestId('import-file-info').textContent).toBe('无表头.csv：2 行数据（UTF-8）');
    await waitFor(() => expect(screen.getAllByTestId('import-bad-row').map((tr) => tr.textContent)).toEqual(['2处理状态无法识别：“搁置”']));
    fireEvent.click(screen.getByTestId('import-has-header'));
    await waitFor(() => expect(screen.getByTestId('import-summary').textContent).toBe('2 行可以导入，1 行有问题'));

    fireEvent.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-outcome')).textContent).toBe('已导入 2 行；1 行有问题，未导入');
    expect(readTeamEntity(team.doc, '91330106MA27QX8BXF')).toMatchObject({
      ok: true,
      value: { name: '示例市无表头食品有限公司', status: 'verifying' },
    });
    expect(readTeamEntity(team.doc, 'name:第三家无表头商行')).toMatchObject({ ok: true, value: { status: 'clue' } });
  });

  it('exports the filtered ledger as CSV that imports again, and as XLSX', async () => {
    const { downloads } = await mount();
    fireEvent.change(screen.getByTestId('ledger-filter-tag'), { target: { value: '冷链' } });
    fireEvent.change(screen.getByTestId('ledger-filter-status'), { target: { value: 'clue' } });
    // i % 11 === 0 and i % 6 === 0: i % 66 === 0.
    await waitFor(() => expect(count()).toBe(`显示 ${Math.ceil(N / 66)} 条，共 ${N} 条`));
    fireEvent.click(screen.getByTestId('ledger-export-csv'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    fireEvent.click(screen.getByTestId('ledger-export-xlsx'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]!.name).toBe('团队台账_2024-07-01.csv');
    const rows = parseCsv(await downloads[0]!.file.text());
    expect(rows[0]!.slice(0, 8)).toEqual(['主体名称', '统一社会信用代码', '法定代表人', '处理状态', '监管领域', '承办人', '标签', '备注']);
    expect(rows).toHaveLength(Math.ceil(N / 66) + 1);
    expect(rows.slice(1).every((row) => row[3] === '线索' && row[6]!.includes('冷链'))).toBe(true);
    const xlsx = await readSheet(Buffer.from(await downloads[1]!.file.arrayBuffer()));
    expect(xlsx.map((row) => row[1])).toEqual(rows.map((row) => row[1] || null));
  });
});

it('charts the filtered rows and says how many entities were never seen on this computer', async () => {
  const { db, team } = await mount();
  ensureTeamEntity(team.doc, { name: REPEAT_OFFENDER.entity.name, uscc: REPEAT_OFFENDER.entity.uscc }, { by: 'bob', at: NOW });
  await seed(db, REPEAT_OFFENDER, '2024-06-30T08:00:00.000Z');
  await reloaded();
  fireEvent.click(screen.getByTestId('ledger-tab-charts'));
  const penalties = REPEAT_OFFENDER.penalties.length;
  expect(screen.getByTestId('chart-coverage').textContent).toBe(
    `当前筛选 ${N + 1} 个主体，其中 1 个在本机查看过（共 ${penalties} 件行政处罚）；${N} 个从未在本机查看，没有处罚数据，未计入处罚图表。`,
  );
  const byDomain = [...screen.getByTestId('chart-domain-figures').querySelectorAll('td')].map((td) => Number(td.textContent));
  expect(byDomain.reduce((a, b) => a + b, 0)).toBe(penalties);
  const byStatus = [...screen.getByTestId('chart-status-figures').querySelectorAll('tr')].map((tr) => tr.textContent);
  expect(byStatus[0]).toBe(`线索${Math.ceil(N / 6)}`);
});
