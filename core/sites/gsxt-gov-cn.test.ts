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
      name: '示例市测试贸易有限公司',
      uscc: '91330100MA2B3C4D5N',
      legalRepresentative: '王某某',
      registrationAuthority: '示例市市场监督管理局',
      establishedOn: '2015-03-18',
    });
  });

  it('reads dl/dt/dd basic info with 经营者 and 注册日期 (个体工商户)', () => {
    const { record } = ok(`<h1>示例市某某便利店</h1><div class="overview">
      <dl><dt>统一社会信用代码：</dt><dd>92330106MA2KQ7L853</dd></dl><dl><dt>名称：</dt><dd>示例市某某便利店</dd></dl>
      <dl><dt>经营者：</dt><dd>李某某</dd></dl><dl><dt>注册日期：</dt><dd>2016年1月5日</dd></dl><dl><dt>登记状态：</dt><dd>存续</dd></dl></div>`);
    expect(record.entity).toMatchObject({
      uscc: '92330106MA2KQ7L853',
      legalRepresentative: '李某某',
      establishedOn: '2016-01-05',
      status: '存续',
    });
  });

  it('reads the 2026 yyzz table with padded labels and a <b> label', () => {
    const { record } =
      ok(`<h1>示例市测试贸易有限公司</h1><div class="yyzz-all"><div class="top"><b>统一社会信用代码：</b>91330100MA2B3C4D5N</div>
      <table class="yyzz-table"><tr><td>法定代表人&emsp;：</td><td>王某某</td><td>成&thinsp;立&thinsp;日&thinsp;期：</td><td>2023年11月02日</td></tr>
      <tr><td>登&emsp;记&emsp;机&emsp;关：</td><td>示例市市场监督管理局</td><td>营业期限：</td><td>自 2023年11月02日 至 长期</td></tr></table></div>`);
    expect(record.entity).toMatchObject({
      uscc: '91330100MA2B3C4D5N',
      legalRepresentative: '王某某',
      establishedOn: '2023-11-02',
      registrationAuthority: '示例市市场监督管理局',
    });
  });

  it('ignores hidden obfuscation inside a value', () => {
    const { record } = ok(
      `<h1>示例市测试贸易有限公司</h1><p>统一社会信用代码：<span>9133</span><span style="display:none">XXXX</span><span>0100MA2B3C4D5N</span></p>`,
    );
    expect(record.entity.uscc).toBe('91330100MA2B3C4D5N');
  });
});

describe('gsxt: penalty tables by header', () => {
  const rows = [
    [
      '1',
      '示市监罚〔2024〕12号',
      '销售超过保质期的食品',
      '罚款人民币2万元',
      '示例市市场监督管理局',
      '2024年01月19日',
      '2024年01月26日',
      '详情',
    ],
    ['2', '示市监罚〔2023〕88号', '虚假宣传', '警告', '示例市市场监督管理局', '2023-05-30', '2023-06-05', '详情'],
  ];
  const HEADERS = ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期', '详情'];

  it('maps every column by its header', () => {
    const { record, completeness } = ok(HEADER_2017 + penaltyTable(HEADERS, rows, '<div class="pager">共 2 条</div>'));
    expect(record.penalties[0]).toEqual({
      id: 'P1',
      decisionNo: '示市监罚〔2024〕12号',
      decisionDate: '2024-01-19',
      publicityDate: '2024-01-26',
      authority: '示例市市场监督管理局',
      content: '罚款人民币2万元',
      violationText: '销售超过保质期的食品',
    });
    expect(completeness.penalties).toEqual({ read: 2, total: 2, from: 'dom' });
  });

  it('maps columns in another order the same way', () => {
    const order = [7, 5, 3, 1, 0, 2, 6, 4];
    const shuffled = ok(
      HEADER_2017 +
        penaltyTable(
          order.map((i) => HEADERS[i]!),
          rows.map((r) => order.map((i) => r[i]!)),
        ),
    );
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
    expect(record.abnormalListings).toEqual([
      {
        id: 'A1',
        listedDate: '2022-07-01',
        kind: 'MARK',
        reasonText: '未按规定报送年度报告',
        authority: '示例市某区市场监督管理局',
        removedDate: '2023-03-02',
        removalReasonText: '已补报年度报告',
      },
    ]);
  });

  it('reads the old provincial abnormal columns with one authority column', () => {
    const body = `<table><tr><th>序号</th><th>列入经营异常名录原因</th><th>列入日期</th><th>移出经营异常名录原因</th><th>移出日期</th><th>作出决定机关</th></tr>
      <tr><td>1</td><td>通过登记的住所无法联系</td><td>2020-05-06</td><td></td><td></td><td>某市工商行政管理局</td></tr></table>`;
    expect(ok(HEADER_2017 + body).record.abnormalListings).toEqual([
      { id: 'A1', listedDate: '2020-05-06', reasonText: '通过登记的住所无法联系', authority: '某市工商行政管理局' },
    ]);
  });

  it.each(['列入严重违法失信企业名单（黑名单）原因', '列入严重违法失信名单（黑名单）原因', '列入严重违法企业名单原因'])(
    'reads the serious list with reason column %s',
    (reason) => {
      const body = `<table><tr><th>序号</th><th>类别</th><th>${reason}</th><th>列入日期</th><th>作出决定机关（列入）</th><th>移出原因</th><th>移出日期</th><th>作出决定机关（移出）</th></tr>
      <tr><td>1</td><td>严重违法</td><td>因受到吊销许可证件的较重行政处罚</td><td>2023年02月01日</td><td>示例市市场监督管理局</td><td></td><td></td><td></td></tr></table>`;
      expect(ok(HEADER_2017 + body).record.seriousListings).toEqual([
        { id: 'S1', listedDate: '2023-02-01', reasonText: '因受到吊销许可证件的较重行政处罚', authority: '示例市市场监督管理局' },
      ]);
    },
  );

  it('says 0 when the page says there are none, null when it says nothing', () => {
    const { completeness } = ok(`${HEADER_2017}<div>行政处罚信息</div><p>暂无行政处罚信息</p><p>暂无列入严重违法失信名单信息</p>`);
    expect(completeness.penalties.total).toBe(0);
    expect(completeness.serious.total).toBe(0);
    expect(completeness.abnormal.total).toBeNull();
  });
});

describe('gsxt: names, banners and kinds (honest verdicts)', () => {
  const MORTGAGE = `<table><tr><th>序号</th><th>登记编号</th><th>名称</th><th>种类</th><th>登记机关</th><th>被担保债权数额</th><th>状态</th><th>公示日期</th><th>详情</th></tr>
    <tr><td>1</td><td>330106202300012</td><td>数控机床</td><td>机器设备</td><td>示例市市场监督管理局</td><td>200万元</td><td>有效</td><td>2023-03-02</td><td>详情</td></tr></table>`;

  it('never takes a record table\u2019s header row for the name, authority or status', () => {
    const { record } =
      ok(`${MORTGAGE}<table><tr><th>统一社会信用代码</th><td>91330100MA2B3C4D5N</td><th>名称</th><td>示例市测试贸易有限公司</td></tr>
      <tr><th>登记机关</th><td>示例市市场监督管理局</td><th>登记状态</th><td>存续</td></tr></table>`);
    expect(record.entity).toMatchObject({ name: '示例市测试贸易有限公司', registrationAuthority: '示例市市场监督管理局', status: '存续' });
  });

  it('takes the heading when the name cell is empty, without its 注册号 and banner', () => {
    const { record } =
      ok(`<h2 id="gsh2"> 示例市测试贸易有限公司 &nbsp; 注册号：330106000123452 &nbsp; “该企业已列入经营异常名录” </h2>${MORTGAGE}
      <table><tr><th>注册号</th><td>330106000123452</td><th>名称</th><td></td></tr></table>`);
    expect(record.entity.name).toBe('示例市测试贸易有限公司');
    expect(record.banners).toEqual([{ list: 'abnormal', text: '该企业已列入经营异常名录' }]);
  });

  it('is structure-changed when neither the name cell nor a heading names the entity', () => {
    expect(
      parsed(
        `<h2>基本信息</h2><h1>国家企业信用信息公示系统</h1>${MORTGAGE}<table><tr><th>统一社会信用代码</th><td>91330100MA2B3C4D5N</td><th>名称</th><td></td></tr></table>`,
      ),
    ).toMatchObject({ ok: false, reason: 'structure-changed' });
  });

  it('keeps legacy 注册号 (13 digits, cooperatives\u2019 …NA…) as regNo', () => {
    expect(ok('<h1>示例京华印刷厂</h1><p>注册号：1101051234567</p>').record.entity.regNo).toBe('1101051234567');
    expect(ok('<h1>示例县某某合作社</h1><p>注册号：330127NA000123X</p>').record.entity.regNo).toBe('330127NA000123X');
  });

  it.each([
    ['该企业已列入经营异常名录', [{ list: 'abnormal', text: '该企业已列入经营异常名录' }]],
    [
      '“该企业被列入经营异常名录和黑名单”',
      [
        { list: 'abnormal', text: '该企业被列入经营异常名录和黑名单' },
        { list: 'serious', text: '该企业被列入经营异常名录和黑名单' },
      ],
    ],
    ['该企业已列入严重违法失信企业名单（黑名单）', [{ list: 'serious', text: '该企业已列入严重违法失信企业名单（黑名单）' }]],
    ['该个体工商户标记为经营异常状态', [{ list: 'abnormal', kind: 'MARK', text: '该个体工商户标记为经营异常状态' }]],
    ['该企业已被载入经营异常名录', [{ list: 'abnormal', text: '该企业已被载入经营异常名录' }]],
  ])('reads the banner %s', (banner, expected) => {
    expect(ok(`${HEADER_2017}<span class="tip">${banner}</span>`).record.banners).toEqual(expected);
  });

  it.each([
    ['a section title', '<div class="classify">列入经营异常名录信息</div><div>列入严重违法失信企业名单（黑名单）信息</div>'],
    ['an annual-report notice', '<p>未按时年报的企业，将按规定列入经营异常名录。</p>'],
    ['a negation', '<span>该企业未被列入经营异常名录</span>'],
    ['a hidden box', '<div style="display:none"><p>该企业被列入工商部门经营异常名录</p></div>'],
    ['a search tab', '<div class="tabs"><a>列入经营异常名录</a><a>列入严重违法失信企业名单</a></div>'],
  ])('reads no banner from %s', (_, html) => {
    expect(ok(HEADER_2017 + html).record.banners).toBeUndefined();
  });

  it('sets the kind the page shows: 经营者/组成形式 individual, 成员出资总额 or the type cooperative', () => {
    expect(ok('<h1>示例区某某店</h1><p>注册号：330106600123457</p><p>经营者：林某某</p>').record.entity.kind).toBe('INDIVIDUAL');
    expect(ok('<h1>示例县某某合作社</h1><p>注册号：330127NA000123X</p><p>类型：农民专业合作社</p>').record.entity.kind).toBe('COOPERATIVE');
    expect(ok(HEADER_2017).record.entity.kind).toBeUndefined();
  });

  it('keeps the enterprise\u2019s own 暂无 out of the authority\u2019s totals', () => {
    const { completeness } = ok(
      `${HEADER_2017}<div>行政处罚信息</div><div class="tishi">以下信息由该企业提供，企业对其报送信息的真实性、合法性负责</div><div><p>暂无行政处罚信息</p></div>`,
    );
    expect(completeness.penalties.total).toBeNull();
  });

  it('finds the enterprise\u2019s own line in a tab not open (hidden), so its penalty table is not the authority\u2019s', () => {
    // The hidden tab shows no text of its own; the line inside it must still be found (the search enters hidden blocks).
    const { record } = ok(
      `${HEADER_2017}<div style="display:none"><div><span class="tishi">以下信息由该企业提供，企业对其报送信息的真实性、合法性负责</span><table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>处罚决定日期</th></tr><tr><td>1</td><td>示罚〔2023〕9号</td><td>虚假宣传</td><td>2023年01月02日</td></tr></table></div></div>`,
    );
    expect(record.penalties).toEqual([]);
  });

  it('reads the authority\u2019s 暂无 beside a 200-row record table it passes over', () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) =>
        `<tr><td>${i + 1}</td><td>示罚〔2023〕${i + 1}号</td><td>虚假宣传</td><td>罚款</td><td>示例市市场监督管理局</td><td>2023年01月02日</td></tr>`,
    );
    const { completeness, record } = ok(
      `${HEADER_2017}<div>行政处罚信息</div><table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th></tr>${rows.join('')}</table><div>列入经营异常名录信息</div><p>暂无列入经营异常名录信息</p>`,
    );
    expect(record.penalties).toHaveLength(200);
    expect(completeness.abnormal.total).toBe(0);
    expect(completeness.serious.total).toBeNull();
  });
});

describe('gsxt: page kinds', () => {
  const kind = (href: string, body = '') => adapter.pageKind(new URL(href), htmlDocument(`<html><body>${body}</body></html>`, href));

  it.each([
    'http://hl.gsxt.gov.cn/company/detail.jspx?id=A1B2',
    'http://222.143.24.157/businessPublicity.jspx?id=5A1C&sourceType=1',
    'http://gsxt.gdgs.gov.cn/aiccips/GSpublicity/GSpublicityList.html?service=entInfo&entNo=ab12',
    'http://qyxy.baic.gov.cn/gjjbj/gjjQueryCreditAction!openEntInfo.dhtml?entId=20e3',
  ])('%s is an entity page by its URL, whatever counts its blocks state', (href) => {
    expect(kind(href, '<div>股东信息 共计2条信息</div>')).toBe('entity');
  });

  it('a page of unknown URL with a name, a code and section titles is an entity page despite 共计N条信息', () => {
    expect(kind('file:///tmp/x.html', `${HEADER_2017}<div>行政处罚信息</div><div>主要人员信息 共计2条信息</div>`)).toBe('entity');
  });

  it.each([
    ['https://www.gsxt.gov.cn/corp-query-search-1.html', ''],
    ['http://gsxt.hljaic.gov.cn/search.jspx', ''],
    [
      'file:///tmp/list.html',
      '<p>统一社会信用代码：91330100MA2B3C4D5N 列入经营异常名录信息</p><p>统一社会信用代码：91330106MA27QX8BXF</p>',
    ],
  ])('%s stays a search page', (href, body) => {
    expect(kind(href, body)).toBe('search');
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

describe('gsxt: a penalty table whose needed column was renamed is unknown, not read wrong', () => {
  const row = ['1', '示市监罚〔2023〕7号', '虚假宣传', '罚款', '示例市市场监督管理局', '2023年01月02日', '2023年01月09日'];
  const read = (headers: string[], rows = [row]) => ok(HEADER_2017 + penaltyTable(headers, rows, '<div>共 1 条</div>'));

  it('reads a table of known columns, and one with an unknown column that holds neither numbers nor dates', () => {
    const known = ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期'];
    expect(read(known).record.penalties).toHaveLength(1);
    const withRemark = read([...known, '处罚依据'], [[...row, '《广告法》第五十五条']]);
    expect(withRemark.completeness.penalties).toEqual({ read: 1, total: 1, from: 'dom' });
  });

  it('reads a table that has only a publicity date when no unknown column holds dates (dated by it, as before)', () => {
    const { record } = read(
      ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '公示日期'],
      [[...row.slice(0, 5), row[6] as string]],
    );
    expect(record.penalties[0]?.decisionDate).toBe('2023-01-09');
  });

  it.each([
    ['the decision numbers', ['序号', '处罚文书编号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期']],
    ['the decision dates', ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚作出时间', '公示日期']],
  ])('an unknown column holding %s: nothing read, total unknown', (_, headers) => {
    const { record, completeness } = read(headers);
    expect(record.penalties).toEqual([]);
    expect(completeness.penalties).toEqual({ read: 0, total: null, from: 'dom' });
  });
});
