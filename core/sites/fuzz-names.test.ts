/**
 * Fuzzing gsxt pages where wrong names and false banners come from (fast-check, seeded), over 2,000+ mutated pages of
 * the simulated site and of the real/layout fixtures: record tables with 名称/种类/登记机关 header rows and data rows
 * inserted in the basic information, header rows moved or duplicated, the name cell emptied while a heading
 * (#gsh2 with its 注册号 and banner) names the entity, section titles / menus / tabs / annual-report notices that use
 * 列入经营异常名录 wording, and true banners. Properties: the right name or ok:false, never another name; no banner
 * the page does not show; every true banner read.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { savedFromUrl } from './saved-page.ts';
import { closeAll, documentParser } from '../../test/support/dom.ts';
import { FIXTURE_DIR, OBSERVED_AT, fixturePages } from '../../test/support/fixtures.ts';
import type { Banner } from '../schemas/record.ts';
import { adapter as gsxt } from './gsxt-gov-cn.ts';
import { ParseResult } from './site.ts';

afterAll(closeAll);

const pages = fixturePages().filter((p) => (p.expected as { ok?: boolean }).ok === true);

function check(result: ParseResult): void {
  const valid = ParseResult.safeParse(result);
  if (!valid.success) throw new Error(`not a valid ParseResult: ${valid.error.message}`);
}

interface NamedPage {
  label: string;
  html: string;
  url: URL;
  name: string;
}

/** The gsxt pages whose entity is known: the simulated site's baselines and the real/layout pages' truths. */
function namedPages(): NamedPage[] {
  const sim = pages
    .filter((p) => p.site === 'gsxt-gov-cn')
    .map((p) => ({
      label: p.name,
      html: p.html,
      url: p.url,
      name: (p.expected as { record: { entity: { name: string } } }).record.entity.name,
    }));
  const truths = ['real', 'layouts'].flatMap((group) => {
    const dir = `${FIXTURE_DIR}gsxt-gov-cn/${group}/`;
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.truth.json'))
      .sort()
      .flatMap((f) => {
        const truth = JSON.parse(readFileSync(dir + f, 'utf8')) as { pageKind: string; url: string | null; entity?: { name: string } };
        const htmlFile = dir + f.replace(/\.truth\.json$/, '.html');
        if (truth.pageKind !== 'entity' || !truth.entity || !existsSync(htmlFile)) return [];
        const html = readFileSync(htmlFile, 'utf8');
        const url = truth.url ? new URL(truth.url) : (savedFromUrl(html) ?? new URL('file:///page.html'));
        return [{ label: `${group}/${f.replace(/\.truth\.json$/, '')}`, html, url, name: truth.entity.name }];
      });
  });
  return [...sim, ...truths];
}

const NAMED = namedPages();
const NAME_RUNS = Math.ceil(2100 / Math.max(NAMED.length, 1));
const tally = { pages: 0, wrongNames: 0 };

const RECORD_TABLES = [
  '<table><tr><th>序号</th><th>登记编号</th><th>名称</th><th>种类</th><th>登记机关</th><th>被担保债权数额</th><th>状态</th><th>公示日期</th><th>详情</th></tr><tr><td>1</td><td>330106202300012</td><td>数控机床</td><td>机器设备</td><td>示例市市场监督管理局</td><td>200万元</td><td>有效</td><td>2023年03月02日</td><td>详情</td></tr></table>',
  '<table><tr><td>序号</td><td>知识产权登记证号</td><td>名称</td><td>种类</td><td>出质人名称</td><td>质权人名称</td><td>状态</td></tr><tr><td>1</td><td>2023330000123</td><td>某某牌</td><td>商标</td><td>示例某某有限公司</td><td>示例银行示例支行</td><td>有效</td></tr></table>',
  '<table><tr><td>注册号/统一社会信用代码</td><td>名称</td><td>登记机关</td></tr><tr><td>91330106MA2C4H7K0K</td><td>示例市另一家有限公司分公司</td><td>示例市滨江区市场监督管理局</td></tr></table>',
  '<table><thead><tr><th>名称</th><th>种类</th><th>登记机关</th><th>状态</th></tr></thead><tbody></tbody></table>',
];

const DECOYS = [
  '<div class="classify">列入经营异常名录信息</div>',
  '<div class="menu"><span>基础信息</span><span>列入经营异常名录信息</span><span>列入严重违法失信企业名单（黑名单）信息</span></div>',
  '<ul class="tabs"><li>经营异常名录</li><li>严重违法失信企业名单</li></ul>',
  '<div class="search-tabs"><a>列入经营异常名录</a><a>列入严重违法失信企业名单（黑名单）</a></div>',
  '<p class="notice">未按时年报的企业，自7月1日起将按规定列入经营异常名录。</p>',
  '<p>企业被列入经营异常名录满三年的，列入严重违法失信企业名单。</p>',
  '<div><span>该企业未被列入经营异常名录</span></div>',
  '<div style="display:none"><p>该企业被列入工商部门经营异常名录</p></div>',
];

const TRUE_BANNERS: ReadonlyArray<[string, Banner[]]> = [
  ['该企业已列入经营异常名录', [{ list: 'abnormal', text: '该企业已列入经营异常名录' }]],
  [
    '“该企业被列入经营异常名录和黑名单”',
    [
      { list: 'abnormal', text: '该企业被列入经营异常名录和黑名单' },
      { list: 'serious', text: '该企业被列入经营异常名录和黑名单' },
    ],
  ],
  ['该企业已列入严重违法失信企业名单（黑名单）', [{ list: 'serious', text: '该企业已列入严重违法失信企业名单（黑名单）' }]],
  ['该个体工商户已标记为经营异常状态', [{ list: 'abnormal', kind: 'MARK', text: '该个体工商户已标记为经营异常状态' }]],
];

type NameOp = 'record-table' | 'move-header' | 'duplicate-header' | 'empty-name' | 'decoy' | 'banner';
const NAME_OPS: NameOp[] = ['record-table', 'move-header', 'duplicate-header', 'empty-name', 'decoy', 'banner'];

function element(doc: Document, html: string): Element {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  return holder.firstElementChild as Element;
}

/** Leaf elements showing exactly the name (the basic information's value cells, the heading). */
function nameHolders(doc: Document, name: string): Element[] {
  return Array.from(doc.querySelectorAll('body *')).filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() === name);
}

/** A place inside the basic information: an ancestor of the name's cell, before one of its children. */
function insertNearName(doc: Document, name: string, node: Element, a: number, b: number): void {
  const holder = nameHolders(doc, name)[0] ?? doc.body;
  const ancestors: Element[] = [];
  for (let el: Element | null = holder.parentElement; el && el !== doc.documentElement; el = el.parentElement) ancestors.push(el);
  const parent = ancestors[a % Math.max(ancestors.length, 1)] ?? doc.body;
  const children = Array.from(parent.children);
  const before = children[b % (children.length + 1)];
  if (before) before.before(node);
  else parent.append(node);
}

function headerRows(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('tr')).filter((tr) => {
    const cells = Array.from(tr.children);
    return cells.length >= 3 && (cells.every((c) => c.tagName === 'TH') || cells.some((c) => (c.textContent ?? '').trim() === '名称'));
  });
}

function mutateNames(doc: Document, page: NamedPage, op: NameOp, a: number, b: number): Banner[] | null {
  switch (op) {
    case 'record-table':
      insertNearName(doc, page.name, element(doc, RECORD_TABLES[a % RECORD_TABLES.length] as string), a, b);
      return null;
    case 'move-header':
    case 'duplicate-header': {
      insertNearName(doc, page.name, element(doc, RECORD_TABLES[b % RECORD_TABLES.length] as string), b, a);
      const rows = headerRows(doc);
      const row = rows[a % rows.length] as Element;
      const moved = op === 'move-header' ? row : (row.cloneNode(true) as Element);
      const targets = Array.from(doc.querySelectorAll('table, tbody, dl, div'));
      const target = targets[b % targets.length];
      if (target) target.prepend(moved);
      return null;
    }
    case 'empty-name': {
      for (const el of nameHolders(doc, page.name)) el.textContent = '';
      for (const el of Array.from(doc.querySelectorAll('[title]'))) if (el.getAttribute('title') === page.name) el.removeAttribute('title');
      const banner = b % 2 ? ' &nbsp; “该企业已列入经营异常名录”' : '';
      doc.body.prepend(element(doc, `<h2 id="gsh2">${page.name} &nbsp; 注册号：330106000123452${banner}</h2>`));
      if (a % 3 === 0) doc.body.prepend(element(doc, '<h2>基本信息</h2>'));
      return null;
    }
    case 'decoy': {
      const targets = Array.from(doc.querySelectorAll('body *'));
      const target = targets[b % targets.length];
      if (target) target.after(element(doc, DECOYS[a % DECOYS.length] as string));
      return null;
    }
    case 'banner': {
      const [sentence, banners] = TRUE_BANNERS[a % TRUE_BANNERS.length] as [string, Banner[]];
      const heading = doc.querySelector('h1, h2');
      const tip = element(doc, `<div class="tip">${sentence}</div>`);
      if (heading && b % 2) heading.after(tip);
      else doc.body.prepend(tip);
      return banners;
    }
  }
}

describe.each(NAMED.map((p) => [p.label, p] as const))('fuzz names and banners gsxt-gov-cn/%s', (_, page: NamedPage) => {
  const parseHtml = documentParser(page.url.protocol === 'file:' ? 'about:blank' : page.url.href);

  it(`never another name, no false banner, every true banner read, on ${NAME_RUNS} pages`, async () => {
    const base = gsxt.parse(await parseHtml(page.html), page.url, OBSERVED_AT);
    if (!base.ok) throw new Error(`${page.label}: ${base.detail}`);
    expect(base.record.entity.name).toBe(page.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAME_OPS), fc.nat(), fc.nat(), async (op, a, b) => {
        const doc = await parseHtml(page.html);
        const banners = mutateNames(doc, page, op, a, b);
        const result = gsxt.parse(doc, page.url, OBSERVED_AT);
        check(result);
        tally.pages++;
        if (!result.ok) return;
        if (result.record.entity.name !== page.name) tally.wrongNames++;
        expect(result.record.entity.name).toBe(page.name);
        if (op === 'decoy') expect(result.record.banners).toEqual(base.record.banners);
        if (banners) for (const banner of banners) expect(result.record.banners).toContainEqual(banner);
      }),
      { numRuns: NAME_RUNS, seed: 20233 },
    );
  });
});

describe('fuzz names: totals', () => {
  it('ran at least 2,000 mutated pages with no wrong name', () => {
    console.info(`name fuzz: ${tally.pages} mutated pages, ${tally.wrongNames} wrong names`);
    expect(tally.pages).toBeGreaterThanOrEqual(2000);
    expect(tally.wrongNames).toBe(0);
  });
});
