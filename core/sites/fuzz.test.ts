/**
 * Fuzzing the adapters with mutated saved pages (fast-check, seeded): nodes deleted, duplicated, shuffled, junk in
 * cells, documents cut short. `parse` must never throw and must return a contract-valid record or `ok: false`.
 * And mutations outside the record sections (navigation, scripts, footers, unrelated tables) must leave the
 * record exactly as it was — so a blanket "anything odd → ok:false" cannot pass.
 * Names and banners are fuzzed in fuzz-names.test.ts (a file of its own: the two run side by side on 2 cores).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, documentParser } from '../../test/support/dom.ts';
import { OBSERVED_AT, fixturePages, type FixturePage } from '../../test/support/fixtures.ts';
import { labelForm } from '../lib/text.ts';
import { sectionOfHeaders } from './gsxt-sections.ts';
import { siteFor } from './index.ts';
import { ParseResult, type SiteAdapter } from './site.ts';

afterAll(closeAll);

const pages = fixturePages().filter((p) => (p.expected as { ok?: boolean }).ok === true);
const ANYWHERE_RUNS = Math.ceil(1200 / Math.max(pages.length, 1));
const OUTSIDE_RUNS = Math.ceil(800 / Math.max(pages.length, 1));

const JUNK = [
  '',
  '—',
  '<b>x</b>',
  '2024-13-45',
  '共 999 条',
  '暂无数据',
  'ＡＢＣ１２３',
  '\u200b\u200b',
  '&nbsp;',
  '统一社会信用代码：',
  '罚款',
];

type Op = 'delete' | 'duplicate' | 'shuffle' | 'junk' | 'table';
const OPS: Op[] = ['delete', 'duplicate', 'shuffle', 'junk', 'table'];

/** An unrelated table with a column set close to the record sections'. */
const UNRELATED_TABLE =
  '<table><tr><th>序号</th><th>变更事项</th><th>变更前内容</th><th>变更后内容</th><th>变更日期</th></tr><tr><td>1</td><td>住所</td><td>甲</td><td>乙</td><td>2024-01-01</td></tr></table>';

function mutate(doc: Document, target: Element, op: Op, pick: number, junk: string): void {
  switch (op) {
    case 'delete':
      target.remove();
      break;
    case 'duplicate':
      target.after(target.cloneNode(true));
      break;
    case 'shuffle': {
      const children = Array.from(target.children);
      const shift = children.length ? pick % children.length : 0;
      for (const child of [...children.slice(shift), ...children.slice(0, shift)]) target.append(child);
      break;
    }
    case 'junk': {
      const cell = target.querySelector('td') ?? target;
      cell.append(doc.createTextNode(junk));
      break;
    }
    case 'table': {
      const holder = doc.createElement('div');
      holder.innerHTML = UNRELATED_TABLE;
      target.after(holder);
      break;
    }
  }
}

const ENTITY_LABELS = /统一社会信用代码|注册号|法定代表人|经营者|负责人|投资人|登记机关|成立日期|注册日期|登记状态|名称/;

/**
 * Elements outside the record sections: scripts, styles, navigation, menus, footers, and tables that are not a
 * record section (by their headers), hold no basic-information label and no value of the record.
 */
function outsideElements(doc: Document, adapter: SiteAdapter, url: URL): Element[] {
  const record = (adapter.parse(doc, url, OBSERVED_AT) as Extract<ParseResult, { ok: true }>).record;
  const values = [
    record.entity.name,
    record.entity.uscc ?? '',
    ...record.penalties.map((p) => p.decisionNo),
    ...record.abnormalListings.map((a) => a.reasonText ?? ''),
    ...record.seriousListings.map((s) => s.reasonText ?? ''),
  ].filter((t) => t.length >= 4);
  return Array.from(doc.querySelectorAll('script, style, nav, footer, [role="navigation"], [role="button"], table')).filter((el) => {
    if (el.tagName !== 'TABLE') return true;
    const text = el.textContent ?? '';
    const headers = Array.from(el.querySelectorAll('th')).map((th) => labelForm(th.textContent ?? ''));
    return sectionOfHeaders(headers) === null && !ENTITY_LABELS.test(text) && !values.some((v) => text.includes(v));
  });
}

function check(result: ParseResult): void {
  const valid = ParseResult.safeParse(result);
  if (!valid.success) throw new Error(`not a valid ParseResult: ${valid.error.message}`);
}

describe.each(pages.map((p) => [`${p.site}/${p.name}`, p] as const))('fuzz %s', (_, page: FixturePage) => {
  const adapter = siteFor(page.url) as SiteAdapter;
  const parseHtml = documentParser(page.url.href);

  it(`never throws on ${ANYWHERE_RUNS} pages mutated anywhere or cut short`, async () => {
    const size = (await parseHtml(page.html)).querySelectorAll('*').length;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: size - 1 }),
        fc.constantFrom(...OPS, 'truncate' as const),
        fc.nat(),
        fc.constantFrom(...JUNK),
        async (index, op, pick, junk) => {
          let doc: Document;
          if (op === 'truncate') doc = await parseHtml(page.html.slice(0, Math.floor(((pick % 1000) / 1000) * page.html.length)));
          else {
            doc = await parseHtml(page.html);
            const target = doc.querySelectorAll('*')[index];
            if (target && target.tagName !== 'HTML' && target.tagName !== 'BODY' && target.tagName !== 'HEAD')
              mutate(doc, target, op, pick, junk);
          }
          check(adapter.parse(doc, page.url, OBSERVED_AT));
        },
      ),
      { numRuns: ANYWHERE_RUNS, seed: 20231 },
    );
  });

  it(`keeps the record unchanged on ${OUTSIDE_RUNS} pages mutated outside the record sections`, async () => {
    const outsideCount = outsideElements(await parseHtml(page.html), adapter, page.url).length;
    expect(outsideCount).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: outsideCount - 1 }),
        fc.constantFrom(...OPS),
        fc.nat(),
        fc.constantFrom(...JUNK),
        async (index, op, pick, junk) => {
          const doc = await parseHtml(page.html);
          const target = outsideElements(doc, adapter, page.url)[index];
          if (target) mutate(doc, target, op, pick, junk);
          // The record, not the reader's description of the page (a mutated menu may name another layout).
          expect({ ...adapter.parse(doc, page.url, OBSERVED_AT), reader: undefined }).toEqual({
            ...(page.expected as object),
            reader: undefined,
          });
        },
      ),
      { numRuns: OUTSIDE_RUNS, seed: 20232 },
    );
  });
});
