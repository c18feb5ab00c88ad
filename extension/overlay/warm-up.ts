/**
 * The content script starts at document_start, while the page is still arriving and the main thread mostly waits
 * for the network. It uses that time to run the page reader and the rules once on a small page and record of its
 * own (invented, never shown, never stored), so that at DOMContentLoaded the first reading of the real page runs
 * code the engine has already compiled: on a cold start, assessing 200 penalties took 40–60 ms, warm a few.
 */
import { assessRecord, type EntityRecord, type IsoDate, type SiteAdapter } from '#core';

const VIOLATIONS = ['销售超过保质期的食品', '未按规定明码标价', '发布虚假广告', '销售不合格产品', '价格欺诈', '虚假宣传', '未依法进行排污登记'];
const CONTENTS = ['罚款人民币5,000元', '警告', '没收违法所得人民币860元，罚款人民币12,000元', '责令停产停业三个月'];
const ROWS = 24;

function row(i: number): [string, string, string, string, string] {
  const year = 2020 + (i % 7);
  return [`示市监处罚〔${year}〕${100 + i}号`, VIOLATIONS[i % VIOLATIONS.length] ?? '', CONTENTS[i % CONTENTS.length] ?? '',
    '示例市市场监督管理局', `${year}-0${1 + (i % 9)}-1${i % 10}`];
}

/** A gsxt-like entity page of our own: a label pair and a penalty table with its count. */
export const WARM_UP_PAGE = `<div><h1>示例热身有限公司</h1><table><tr><td>统一社会信用代码：</td><td>91330100MA2B3C4D5N</td></tr>
<tr><td>法定代表人：</td><td>某某</td></tr></table><div>行政处罚信息</div><table><tr><th>序号</th><th>决定书文号</th>
<th>违法行为类型</th><th>行政处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th></tr>
${Array.from({ length: ROWS }, (_, i) => `<tr><td>${i + 1}</td>${row(i).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}
</table><div>共 ${ROWS} 条</div></div>`;

export const WARM_UP_RECORD: EntityRecord = {
  entity: { name: '示例热身有限公司', uscc: '91330100MA2B3C4D5N' },
  penalties: Array.from({ length: ROWS }, (_, i) => {
    const [decisionNo, violationText, content, authority, decisionDate] = row(i);
    return { id: `P${i + 1}`, decisionNo, violationText, content, authority, decisionDate };
  }),
  abnormalListings: [{ id: 'A1', listedDate: '2024-03-01', reasonText: '通过登记的住所或者经营场所无法联系' }],
  seriousListings: [],
};

/** Reads and assesses the warm-up page once; any failure is irrelevant (nothing depends on it) and ignored. */
export function warmUp(doc: Document, site: SiteAdapter, url: URL, asOf: IsoDate): void {
  try {
    const page = new (doc.defaultView?.DOMParser ?? DOMParser)().parseFromString(WARM_UP_PAGE, 'text/html');
    site.parse(page, url, '2026-01-01T00:00:00.000Z');
    assessRecord(WARM_UP_RECORD, { asOf });
  } catch {
    // Warming up is an optimisation only.
  }
}
