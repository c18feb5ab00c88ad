/** gsxt section JSON: declared URLs found by pattern, replies recognised by their fields, merged into the DOM read. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { adapter } from './gsxt-gov-cn.ts';
import { declaredUrls, readJsonReply, urlsForEntity, withJsonSections } from './gsxt-json.ts';

afterAll(closeAll);

const SCRIPT = `
  var shareholderUrl = "/corp-query-entprise-info-shareHolder-AB12.html";
  var punishmentDetailInfoUrl = "/corp-query-entprise-info-punishmentdetail-AB12.html";
  var insPunishmentinfoUrl = "/corp-query-entprise-info-insPunishmentinfo-AB12.html";
  var entBusExcepUrl = '/corp-query-entprise-info-entBusExcep-AB12.html';
  var IllInfoUrl = "/corp-query-entprise-info-illInfo-AB12.html";
  var anCheYearInfo = "[{}]";
  var someFutureSectionUrl = "/x-y-z.html";`;

describe('declaredUrls', () => {
  it('finds every declared section URL by pattern and guesses the three record sections', () => {
    const found = declaredUrls(SCRIPT);
    expect(found.map((d) => d.name)).toEqual([
      'shareholderUrl',
      'punishmentDetailInfoUrl',
      'insPunishmentinfoUrl',
      'entBusExcepUrl',
      'IllInfoUrl',
      'someFutureSectionUrl',
    ]);
    expect(Object.fromEntries(found.map((d) => [d.name, d.guess]))).toMatchObject({
      punishmentDetailInfoUrl: 'penalties',
      insPunishmentinfoUrl: null,
      entBusExcepUrl: 'abnormal',
      IllInfoUrl: 'serious',
      shareholderUrl: null,
    });
  });
});

describe('urlsForEntity', () => {
  const declared = declaredUrls(
    'var entBusExcepUrl = "/ent.html"; var indBusExcepUrl = "/ind.html"; var argBusExcepUrl = "/arg.html"; var argBranchBusExcepUrl = "/argb.html"; var punishmentDetailInfoUrl = "/pun.html";',
  );
  const abnormal = (uscc: string | undefined) =>
    urlsForEntity(declared, { uscc })
      .filter((d) => d.guess === 'abnormal')
      .map((d) => d.name);

  it.each([
    ['92330127MA2J6N1T7U', 'indBusExcepUrl'],
    ['93330100MA2B3C4D5N', 'argBusExcepUrl'],
    ['91330106MA27QX8BXF', 'entBusExcepUrl'],
    [undefined, 'entBusExcepUrl'],
  ])('asks the abnormal list of a %s entity at %s only, as the page does', (uscc, name) => {
    expect(abnormal(uscc)).toEqual([name]);
  });

  it.each([
    ['INDIVIDUAL', 'indBusExcepUrl'],
    ['COOPERATIVE', 'argBusExcepUrl'],
  ] as const)('without a code, goes by the kind the page shows (%s → %s)', (kind, name) => {
    expect(
      urlsForEntity(declared, { kind })
        .filter((d) => d.guess === 'abnormal')
        .map((d) => d.name),
    ).toEqual([name]);
  });

  it('keeps the other sections and a single abnormal URL as declared', () => {
    expect(urlsForEntity(declared, { uscc: '92330127MA2J6N1T7U' }).map((d) => d.name)).toContain('punishmentDetailInfoUrl');
    const one = declaredUrls('var indBusExcepUrl = "/ind.html";');
    expect(urlsForEntity(one, { uscc: '91330106MA27QX8BXF' })).toEqual(one);
  });
});

const penaltyRow = (i: number) => ({
  penDecNo: `<span>示市监罚</span>〔2024〕${i}号`,
  illegActType: '销售超过保质期的食品',
  penContent: '罚款人民币2000元',
  penAuth_CN: '示例市市场监督管理局',
  penDecIssDate: Date.UTC(2024, 0, i) - 8 * 3600_000,
  publicDate: Date.UTC(2024, 0, i + 7) - 8 * 3600_000,
});

describe('readJsonReply', () => {
  it('recognises a penalty page by its fields and strips the HTML in values', () => {
    const read = readJsonReply(JSON.stringify({ draw: 1, recordsTotal: 23, totalPage: 5, data: [penaltyRow(3)] }));
    expect(read).toMatchObject({ kind: 'page', section: 'penalties', page: { recordsTotal: 23 } });
  });

  it.each([
    ['abnormal', { speCause_CN: '未按规定公示年报', abntime: 1625068800000, decOrg_CN: '某局' }],
    ['serious', { serILLRea_CN: '受到较重行政处罚', abntime: 1675180800000, decOrg_CN: '某局', type: '1' }],
  ])('recognises a %s page', (section, row) => {
    expect(readJsonReply(JSON.stringify({ recordsTotal: 1, data: [row] }))).toMatchObject({ kind: 'page', section });
  });

  it.each([
    ['NGIDERRORCODE', JSON.stringify({ NGIDERRORCODE: 'E3' }), 'blocked'],
    ['a captcha page', '<html><body>请输入验证码</body></html>', 'invalid'],
    ['not JSON', 'Service Unavailable', 'invalid'],
    ['JSON of another shape', JSON.stringify({ data: 'x' }), 'invalid'],
  ])('says so for %s', (_, body, kind) => {
    expect(readJsonReply(body).kind).toBe(kind);
  });
});

describe('withJsonSections', () => {
  it('replaces the rendered 5 rows by the 23 of the JSON, total from recordsTotal', () => {
    const html = `<h1>示例市测试贸易有限公司</h1><p>统一社会信用代码：91330100MA2B3C4D5N</p><h3>行政处罚信息</h3>
      <table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>行政处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th><th>公示日期</th></tr>
      ${[1, 2, 3, 4, 5].map((i) => `<tr><td>${i}</td><td>示市监罚〔2024〕${i}号</td><td>x</td><td>罚款</td><td>某局</td><td>2024-01-0${i}</td><td></td></tr>`).join('')}</table><div>共 23 条</div>`;
    const url = new URL('https://www.gsxt.gov.cn/%7BAB12-1558624663369%7D');
    const dom = adapter.parse(htmlDocument(html, url.href), url, '2026-11-30T00:00:00.000Z');
    if (!dom.ok) throw new Error(dom.detail);
    expect(dom.completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
    const pages = [0, 1, 2, 3, 4].map((p) => ({
      recordsTotal: 23,
      data: Array.from({ length: p < 4 ? 5 : 3 }, (_, i) => penaltyRow(p * 5 + i + 1)),
    }));
    const merged = withJsonSections(dom, [{ kind: 'penalties', pages }]);
    if (!merged.ok) throw new Error(merged.detail);
    expect(merged.completeness.penalties).toEqual({ read: 23, total: 23, from: 'json' });
    expect(merged.record.penalties[22]).toEqual({
      id: 'P23',
      decisionNo: '示市监罚〔2024〕23号',
      decisionDate: '2024-01-23',
      publicityDate: '2024-01-30',
      authority: '示例市市场监督管理局',
      content: '罚款人民币2000元',
      violationText: '销售超过保质期的食品',
    });
    expect(merged.completeness.abnormal).toEqual(dom.completeness.abnormal);
    expect(merged.record.entity).toEqual(dom.record.entity);
    // A read that stopped after 3 rows does not replace the 5 the page shows.
    const stopped = withJsonSections(dom, [{ kind: 'penalties', pages: [{ recordsTotal: 23, data: [1, 2, 3].map(penaltyRow) }] }]);
    if (!stopped.ok) throw new Error(stopped.detail);
    expect(stopped.completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
    // Replies whose decision date (or number) field was renamed are not read, never dated by their publicity date.
    const renamed = pages.map((page) => ({
      ...page,
      data: page.data.map(({ penDecIssDate, ...row }) => ({ ...row, penDecIssDateNew: penDecIssDate })),
    }));
    const doubted = withJsonSections(dom, [{ kind: 'penalties', pages: renamed }]);
    if (!doubted.ok) throw new Error(doubted.detail);
    expect(doubted.completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
    expect(doubted.record.penalties).toEqual(dom.record.penalties);
  });

  it('takes a 个体工商户\u2019s abnormal rows from indBusExcepUrl as marks', () => {
    const html = `<h1>示例县某某便利店</h1><p>统一社会信用代码：92330127MA2J6N1T7U</p><p>经营者：王某某</p>`;
    const url = new URL('https://www.gsxt.gov.cn/%7BAB13-1558624663369%7D');
    const dom = adapter.parse(htmlDocument(html, url.href), url, '2026-11-30T00:00:00.000Z');
    if (!dom.ok) throw new Error(dom.detail);
    const row = { speCause_CN: '未按规定报送年度报告', abntime: Date.UTC(2023, 6, 10) - 8 * 3600_000, decOrg_CN: '某局' };
    const merged = withJsonSections(dom, [{ kind: 'abnormal', pages: [{ recordsTotal: 1, data: [row] }] }]);
    if (!merged.ok) throw new Error(merged.detail);
    expect(merged.record.entity.kind).toBe('INDIVIDUAL');
    expect(merged.record.abnormalListings).toEqual([
      { id: 'A1', listedDate: '2023-07-10', kind: 'MARK', reasonText: '未按规定报送年度报告', authority: '某局' },
    ]);
  });
});
