/**
 * The gsxt adapter on small pages written for one point each: column sets and orders, split headers, the 个体户
 * and old provincial columns, basic info in every form, obfuscation, empty and loading sections, failures.
 * The saved-page fixtures with their baselines are checked in fixtures.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { adapter } from './gsxt-gov-cn.ts';
import type { ParseResult, ParseSuccess } from './site.ts';

afterAll(closeAll);

const URL_ENTITY = new URL('https://www.gsxt.gov.cn/%7BABCDEF0123-1558624663369%7D');
const AT = '2026-11-30T00:00:00.000Z';
const HEADER_2017 = `<div class="nameBox"><h1 class="fullName">示例市测试贸易有限公司</h1>
  <span class="regNum_inner">统一社会信用代码：<span>91330100MA2B3C4D5N</span></span>
  <span class="owner">法定代表人：王某某</span><span>登记机关：示例市市场监督管理局</span><span>成立日期：2015年03月18日</span></div>`;

function parsed(body: string, url = URL_ENTITY): ParseResult {
  return adapter.parse(htmlDocument(`<html><body>${body}</body></html>`, url.href), url, AT);
}

function ok(body: string): ParseSuccess {
  const result = parsed(body);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result;
}

const penaltyTable = (headers: string[], rows: string[][], extra = '') => `
  <h3>行政处罚信息</h3><table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
  <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>${extra}`;

describe('gsxt: entity basic information', () => {
  it('reads the 2017 header spans', () => {
    const { record } = ok(HEADER_2017);
    expect(record.entity).toEqual({
      name: '示例市测试贸易有限公司', uscc: '91330100MA2B3C4D5N', legalRepresentative: '王某某',
      registrationAuthority: '示例市市场监督管理局', establishedOn: '2015-03-18',
    });
  });

  it('reads dl/dt/dd basic info with 经营者 and 注册日期 (个体工商户)', () => {
    const { record } = ok(`<h1>示例市某某便利店</h1><div class="overview">
      <dl><dt>统一社会信用代码：</dt><dd>92330106MA2KQ7L853</dd></dl><dl><dt>名称：</dt><dd>示例市某某便利店</dd></dl>
      <dl><dt>经营者：</dt><dd>李某某</dd></dl><dl><dt>注册日期：</dt><dd>2016年1月5日</dd></dl><dl><dt>登记状态：</dt><dd>存续</dd></dl></div>`);
    expect(record.entity).toMatchObject({ uscc: '92330106MA2KQ7L853', legalRepresentative: '李某某', establishedOn: '2016-01-05', status: '存续' });
  });

  it('reads the 2026 yyzz table with padded labels and a <b> label', () => {
    const { record } = ok(`<h1>示例市测试贸易有限公司</h1><div class="yyzz-all"><div class="top"><b>统一社会信用代码：</b>91330100MA2B3C4D5N</div>
      <table class="yyzz-table"><tr><td>法定代表人&emsp;：</td><td>王某某</td><td>成&thinsp;立&thinsp;日&thinsp;期：</td><td>2023年11月02日</td></tr>
      <tr><td>登&emsp;记&emsp;机&emsp;关：</td><td>示例市市场监督管理局</td><td>营业期限：</td><td>自 2023年11月02日 至 长期</td></tr></table></div>`);
    expect(record.entity).toMatchObject({ uscc: '91330100MA2B3C4D5N', legalRepresentative: '王某某', establishedOn: '2023-11-02', registrationAuthority: '示例市市场监督管理局' });
  });

  it('ignores hidden obfuscation inside a value', () => {
    const { record } = ok(`<h1>示例市测试贸易有限公司</h1><p>统一社会信用代码：<span>9133</span><span style="display:none">XXXX</span><span>0100MA2B3C4D5N</span></p>`);
    expect(record.entity.uscc).toBe('91330100MA2B3C4D5N');
  });
});

describe('gsxt: penalty tables by header', () => {
  const rows = [
    ['1', '示市监罚〔2024〕12号', '销售超过保质期的食品', '罚款人民币2万元', '示例市市场监督管理局', '2024年01月19日', '2024年01月26日', '详情'],
    ['2', '示市监罚〔2023〕88号', '虚假宣传', '警告', '示例市市场监督管理局', '2023-05-30', '2023-06-05', '详情'],
  ];
  const HEADERS = ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期', '详情'];

  it('maps every column by its header', () => {
    const { record, completeness } = ok(HEADER_2017 + penaltyTable(HEADERS, rows, '<div class="pager">共 2 条</div>'));
    expect(record.penalties[0]).toEqual({
      id: 'P1', decisionNo: '示市监罚〔2024〕12号', decisionDate: '2024-01-19', publicityDate: '2024-01-26',
      authority: '示例市市场监督管理局', content: '罚款人民币2万元', violationText: '销售超过保质期的食品',
    });
    expect(completeness.penalties).toEqual({ read: 2, total: 2, from: 'dom' });
  });

  it('maps columns in another order the same way', () => {
    const order = [7, 5, 3, 1, 0, 2, 6, 4];
    const shuffled = ok(HEADER_2017 + penaltyTable(order.map((i) => HEADERS[i]!), rows.map((r) => order.map((i) => r[i]!))));
    const plain = ok(HEADER_2017 + penaltyTable(HEADERS, rows));
    expect(shuffled.record.penalties).toEqual(plain.record.penalties);
  });

  it('reads a header split from its body (specialfuckth)', () => {
    const body = `<h3>行政处罚信息</h3><div class="specialfuckth"><table><tr>${HEADERS.map((h) => `<th>${h}</th>`).join('')}</tr></table></div>
      <table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table><div>共 9 条 共2页</div>`;
    const { record, completeness } = ok(HEADER_2017 + body);
    expect(record.penalties).toHaveLength(2);
    expect(completeness.penalties).toEqual({ read: 2, total: 9, from: 'dom' });
  });

  it('takes the count from the section pager, never a neighbour section', () => {
    const abnormal = `<div><h3>列入经营异常名录信息</h3><table><tr><th>序号</th><th>列入经营异常名录原因</th><th>列入日期</th><th>作出决定机关(列入)</th><th>移出经营异常名录原因</th><th>移出日期</th><th>作出决定机关(移出)</th></tr>
      <tr><td>1</td><td>未按规定公示年度报告</td><td>2023-07-01</td><td>示例市市场监督管理局</td><td></td><td></td><td></td></tr></table><div>共 1 条</div></div>`;
    const { completeness } = ok(HEADER_2017 + `<div>${penaltyTable(HEADERS, rows)}</div>` + abnormal);
    expect(completeness.penalties.total).toBeNull();
    expect(completeness.abnormal).toEqual({ read: 1, total: 1, from: 'dom' });
  });

  it('leaves out a row without any date rather than guessing', () => {
    const old = ['序号', '违法行为类型', '行政处罚内容', '详情'];
    const { record, completeness } = ok(HEADER_2017 + penaltyTable(old, [['1', '无照经营', '罚款', '详情']], '<span>共 1 条</span>'));
    expect(record.penalties).toEqual([]);
    expect(completeness.penalties).toEqual({ read: 0, total: 1, from: 'dom' });
  });

  it('does not take the enterprise self-published penalties as the authority\u2019s', () => {
    const self = `<h3>企业自行公示的行政处罚信息</h3><table><tr>${['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期', '备注'].map((h) => `<th>${h}</th>`).join('')}</tr>
      <tr>${['1', '自报〔2024〕1号', '其他', '罚款', '某局', '2024-01-01', '2024-01-02', ''].map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
    const { record } = ok(HEADER_2017 + self + penaltyTable(HEADERS, rows));
    expect(record.penalties.map((p) => p.decisionNo)).toEqual(['示市监罚〔2024〕12号', '示市监罚〔2023〕88号']);
  });

  it('an unrelated table with dates (抽查检查) is not a record section', () => {
    const inspect = `<h3>抽查检查结果信息</h3><table><tr><th>序号</th><th>检查实施机关</th><th>类型</th><th>日期</th><th>结果</th></tr><tr><td>1</td><td>某局</td><td>抽查</td><td>2024-01-01</td><td>未发现问题</td></tr></table>`;
    const { record } = ok(HEADER_2017 + inspect);
    expect(record.penalties).toEqual([]);
  });
});

describe('gsxt: list sections', () => {
  it('reads the 个体工商户 abnormal columns (标记 / 恢复)', () => {
    const body = `<h3>经营异常信息</h3><table><tr><th>序号</th><th>标记经营异常状态原因</th><th>列入日期</th><th>作出决定机关(标记)</th><th>恢复正常记载状态原因</th><th>移出日期</th><th>作出决定机关(恢复)</th></tr>
      <tr><td>1</td><td>未按规定报送年度报告</td><td>2022年07月01日</td><td>示例市某区市场监督管理局</td><td>已补报年度报告</td><td>2023年03月02日</td><td>示例市某区市场监督管理局</td></tr></table>`;
    const { record } = ok(HEADER_2017 + body);
    expect(record.abnormalListings).toEqual([{
      id: 'A1', listedDate: '2022-07-01', kind: 'MARK', reasonText: '未按规定报送年度报告', authority: '示例市某区市场监督管理局',
      removedDate: '2023-03-02', removalReasonText: '已补报年度报告',
    }]);
  });

  it('reads the old provincial abnormal columns with one authority column', () => {
    const body = `<table><tr><th>序号</th><th>列入经营异常名录原因</th><th>列入日期</th><th>移出经营异常名录原因</th><th>移出日期</th><th>作出决定机关</th></tr>
      <tr><td>1</td><td>通过登记的住所无法联系</td><td>2020-05-06</td><td></td><td></td><td>某市工商行政管理局</td></tr></table>`;
    expect(ok(HEADER_2017 + body).record.abnormalListings).toEqual([{ id: 'A1', listedDate: '2020-05-06', reasonText: '通过登记的住所无法联系', authority: '某市工商行政管理局' }]);
  });

  it.each(['列入严重违法失信企业名单（黑名单）原因', '列入严重违法失信名单（黑名单）原因', '列入严重违法企业名单原因'])('reads the serious list with reason column %s', (reason) => {
    const body = `<table><tr><th>序号</th><th>类别</th><th>${reason}</th><th>列入日期</th><th>作出决定机关（列入）</th><th>移出原因</th><th>移出日期</th><th>作出决定机关（移出）</th></tr>
      <tr><td>1</td><td>严重违法</td><td>因受到吊销许可证件的较重行政处罚</td><td>2023年02月01日</td><td>示例市市场监督管理局</td><td></td><td></td><td></td></tr></table>`;
    expect(ok(HEADER_2017 + body).record.seriousListings).toEqual([{ id: 'S1', listedDate: '2023-02-01', reasonText: '因受到吊销许可证件的较重行政处罚', authority: '示例市市场监督管理局' }]);
  });

  it('says 0 when the page says there are none, null when it says nothing', () => {
    const { completeness } = ok(`${HEADER_2017}<div>行政处罚信息</div><p>暂无行政处罚信息</p><p>暂无列入严重违法失信名单信息</p>`);
    expect(completeness.penalties.total).toBe(0);
    expect(completeness.serious.total).toBe(0);
    expect(completeness.abnormal.total).toBeNull();
  });
});

describe('gsxt: pages it does not read', () => {
  it('a search page is unsupported-page', () => {
    const url = new URL('https://www.gsxt.gov.cn/corp-query-search-1.html');
    expect(parsed('<div>共 3 条信息</div><a href="/%7BX%7D">示例公司</a>', url)).toMatchObject({ ok: false, reason: 'unsupported-page' });
  });

  it('an entity page without content is empty', () => {
    expect(parsed('')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('an entity page whose labels are gone is structure-changed', () => {
    expect(parsed('<div>一些内容，但是没有任何可识别的标签或代码。</div>')).toMatchObject({ ok: false, reason: 'structure-changed' });
  });

  it('page text is never taken as markup: a script-looking name stays text', () => {
    const { record } = ok(HEADER_2017.replace('示例市测试贸易有限公司', '&lt;img src=x onerror=alert(1)&gt;示例公司'));
    expect(record.entity.name).toBe('<img src=x onerror=alert(1)>示例公司');
  });
});
