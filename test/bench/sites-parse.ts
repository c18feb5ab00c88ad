/**
 * Benchmark of the site adapters (docs/performance.md): an entity page with 200 penalty rows read from
 * the rendered DOM, and the same 200 penalties read from 40 DataTables JSON pages. The DOM is happy-dom here; the
 * real browser's figure is in the extension's benchmark.
 */
import { SITES, siteById, type CompleteRead, type ParseSuccess } from '#core';
import { documentParser } from '../support/dom.ts';
import { median, report, timed, type BenchResult } from './report.ts';

const URL_PAGE = new URL('https://www.gsxt.gov.cn/%7BBENCH0001-1558624663369%7D');
const ROWS = 200;
const HEADERS = ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期', '详情'];

function day(i: number): string {
  return `${2021 + Math.floor(i / 100)}年${String((i % 12) + 1).padStart(2, '0')}月${String((i % 27) + 1).padStart(2, '0')}日`;
}

function page(): string {
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `<tr><td>${i + 1}</td><td>示市监罚〔2023〕${i + 1}号</td><td>销售超过保质期的食品</td>
    <td>罚款人民币${(i % 9) + 1}000元，没收违法所得<span>${i}</span>元</td><td>示例市市场监督管理局</td><td>${day(i)}</td><td>${day(i + 1)}</td><td><a>详情</a></td></tr>`,
  );
  return `<html><body><div class="nameBox"><h1>示例市基准测试贸易有限公司</h1><span>统一社会信用代码：91330100MA2B3C4D5N</span>
    <span>法定代表人：王某某</span><span>登记机关：示例市市场监督管理局</span><span>成立日期：2015年03月18日</span></div>
    <h3>行政处罚信息</h3><table><thead><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>
    <div class="pager">共 ${ROWS} 条</div><h3>列入经营异常名录信息</h3><p>暂无列入经营异常名录信息</p></body></html>`;
}

function jsonPages(): string[] {
  return Array.from({ length: ROWS / 5 }, (_, p) =>
    JSON.stringify({
      draw: p + 1,
      recordsTotal: ROWS,
      totalPage: ROWS / 5,
      data: Array.from({ length: 5 }, (_, k) => {
        const i = p * 5 + k;
        return {
          penDecNo: `示市监罚〔2023〕${i + 1}号`,
          illegActType: '销售超过保质期的食品',
          penContent: `罚款人民币${(i % 9) + 1}000元`,
          penAuth_CN: '示例市市场监督管理局',
          penDecIssDate: Date.UTC(2023, 0, 1 + i) - 8 * 3600_000,
          publicDate: Date.UTC(2023, 0, 8 + i) - 8 * 3600_000,
        };
      }),
    }),
  );
}

export async function benchSitesParse(): Promise<BenchResult> {
  const adapter = SITES.find((s) => s.id === 'gsxt-gov-cn');
  if (!adapter) throw new Error('no gsxt adapter');
  const html = page();
  const parse = documentParser(URL_PAGE.href);
  const runs = 15;
  const domLoad: number[] = [];
  const domRead: number[] = [];
  let dom: ParseSuccess | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const doc = await parse(html);
    domLoad.push(performance.now() - start);
    domRead.push(
      timed(() => {
        const result = adapter.parse(doc, URL_PAGE, '2026-11-30T00:00:00.000Z');
        if (!result.ok || result.record.penalties.length !== ROWS) throw new Error('bench page not read');
        dom = result;
      }),
    );
  }
  const bodies = jsonPages();
  const jsonRead: number[] = [];
  for (let i = 0; i < runs; i++) {
    jsonRead.push(
      timed(() => {
        const pages = bodies.map((b) => JSON.parse(b) as { recordsTotal: number; data: Array<Record<string, unknown>> });
        const merged = (siteById('gsxt-gov-cn').completeRead as CompleteRead).merge(dom as ParseSuccess, [{ kind: 'penalties', pages }]);
        if (!merged.ok || merged.completeness.penalties.read !== ROWS) throw new Error('bench JSON not read');
      }),
    );
  }
  const ms = (values: number[]) => `${median(values).toFixed(1)} ms`;
  return report(`sites: gsxt entity page with ${ROWS} penalty rows (median of ${runs})`, [
    ['HTML → DOM (happy-dom)', ms(domLoad)],
    ['DOM path: adapter.parse', ms(domRead)],
    ['JSON path: 40 pages → record', ms(jsonRead)],
  ]);
}
