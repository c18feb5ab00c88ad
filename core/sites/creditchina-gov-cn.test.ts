/** Credit China: records as label：value groups under their category, the code from the URL; API rows by key or label. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { adapter } from './creditchina-gov-cn.ts';
import { creditChinaItems, CreditChinaReply } from './creditchina-json.ts';

afterAll(closeAll);

const URL_DETAIL = new URL(
  'https://www.creditchina.gov.cn/xinyongxinxixiangqing/xyDetail.html?searchState=1&entityType=1&keyword=%E7%A4%BA%E4%BE%8B%E5%B8%82%E6%B5%8B%E8%AF%95%E8%B4%B8%E6%98%93%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8&uuid=u1&tyshxydm=91330100MA2B3C4D5N',
);
const AT = '2026-11-30T00:00:00.000Z';

const group = (pairs: Array<[string, string]>) =>
  `<div class="item">${pairs.map(([l, v]) => `<p><span class="label">${l}：</span><span class="value">${v}</span></p>`).join('')}</div>`;

describe('creditchina-gov-cn adapter', () => {
  const page = `<h2 class="company">示例市测试贸易有限公司</h2>
    <div class="cat"><h3>行政管理</h3>
      ${group([
        ['行政处罚决定书文号', '示市监罚〔2024〕12号'],
        ['处罚类别', '罚款'],
        ['处罚决定日期', '2024-01-19'],
        ['处罚机关', '示例市市场监督管理局'],
        ['违法行为类型', '销售超过保质期的食品'],
        ['处罚内容', '罚款人民币2万元'],
        ['处罚依据', '《中华人民共和国食品安全法》第一百二十四条'],
      ])}
      ${group([
        ['行政许可决定文书号', '示许〔2023〕1号'],
        ['许可内容', '食品经营'],
        ['许可决定日期', '2023-01-01'],
      ])}
      ${group([
        ['行政处罚决定书文号', '示市监罚〔2023〕88号'],
        ['处罚类别', '警告'],
        ['处罚决定日期', '2023/5/30'],
        ['处罚机关', '示例市市场监督管理局'],
      ])}
    </div>
    <div class="cat"><h3>经营异常</h3>${group([
      ['列入经营异常名录原因类型名称', '未按规定公示年度报告'],
      ['列入日期', '2023-07-01'],
      ['列入决定机关名称', '示例市市场监督管理局'],
    ])}</div>`;

  it('reads penalties (not licences), the abnormal entry, the code from the URL', () => {
    const result = adapter.parse(htmlDocument(page, URL_DETAIL.href), URL_DETAIL, AT);
    if (!result.ok) throw new Error(result.detail);
    expect(result.record.entity).toEqual({ name: '示例市测试贸易有限公司', uscc: '91330100MA2B3C4D5N' });
    expect(result.record.penalties).toEqual([
      {
        id: 'P1',
        decisionNo: '示市监罚〔2024〕12号',
        decisionDate: '2024-01-19',
        authority: '示例市市场监督管理局',
        content: '罚款人民币2万元',
        violationText: '销售超过保质期的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      },
      { id: 'P2', decisionNo: '示市监罚〔2023〕88号', decisionDate: '2023-05-30', authority: '示例市市场监督管理局', content: '警告' },
    ]);
    expect(result.record.abnormalListings).toEqual([
      { id: 'A1', listedDate: '2023-07-01', reasonText: '未按规定公示年度报告', authority: '示例市市场监督管理局' },
    ]);
    expect(result.record.source).toEqual({ url: URL_DETAIL.href, site: 'creditchina-gov-cn', observedAt: AT });
  });

  it('another page of the site is unsupported; an unrendered detail page is empty', () => {
    const home = new URL('https://www.creditchina.gov.cn/');
    expect(adapter.parse(htmlDocument('<p>首页</p>', home.href), home, AT)).toMatchObject({ ok: false, reason: 'unsupported-page' });
    expect(adapter.parse(htmlDocument('', URL_DETAIL.href), URL_DETAIL, AT)).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('creditChinaItems (API rows)', () => {
  it('reads penalty rows by key, licence rows not at all, unknown keys by their label', () => {
    const reply = CreditChinaReply.parse({
      status: 1,
      data: {
        total: 3,
        list: [
          {
            table_name: 'credit_xyzx_fr_xzcf_2026',
            sencesMap: {},
            entity: {
              cf_wsh: '示市监罚〔2024〕12号',
              cf_jdrq: '2024-01-19',
              cf_xzjg: '示例市市场监督管理局',
              cf_nr: '罚款人民币2万元',
              cf_wfxw: '销售超过保质期的食品',
              cf_yj: '《食品安全法》',
            },
          },
          { table_name: 'credit_xyzx_fr_xzxk_2026', sencesMap: {}, entity: { xk_wsh: '示许〔2023〕1号', xk_jdrq: '2023-01-01' } },
          {
            table_name: 'credit_xyzx_fr_xzcf_2026',
            sencesMap: { a1: '行政处罚决定书文号', a2: '处罚决定日期', a3: '处罚机关' },
            entity: { a1: '示市监罚〔2023〕88号', a2: '2023-05-30', a3: '某局' },
          },
        ],
      },
    });
    const items = creditChinaItems('行政管理', reply.data.list ?? []);
    expect(items.penalties.map((p) => p.decisionNo)).toEqual(['示市监罚〔2024〕12号', '示市监罚〔2023〕88号']);
    expect(items.penalties[0]).toMatchObject({ legalBasis: '《食品安全法》', violationText: '销售超过保质期的食品' });
  });

  it('reads the abnormal category', () => {
    const rows = [
      {
        table_name: 'credit_scjdglzj_jyyc',
        sencesMap: { lrrq: '列入日期', lryy: '列入经营异常名录原因类型名称' },
        entity: { lrrq: '2023-07-01', lryy: '未按规定公示年度报告' },
      },
    ];
    expect(creditChinaItems('经营异常', rows).abnormal).toEqual([{ id: '', listedDate: '2023-07-01', reasonText: '未按规定公示年度报告' }]);
  });
});

describe('CreditChinaReply (the API boundary)', () => {
  it.each([
    ['no data', { status: 1 }],
    ['a list that is not a list', { data: { list: 'x' } }],
    ['a row without entity', { data: { list: [{ table_name: 'credit_xyzx_fr_xzcf' }] } }],
    ['a captcha answer', { status: 40001, message: '请输入验证码' }],
  ])('rejects %s with a reason', (_, body) => {
    const parsed = CreditChinaReply.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.length).toBeGreaterThan(0);
  });
});

describe('creditchina-gov-cn: a penalty whose decision date is under a label the reader does not know', () => {
  it('is not read (never dated by its publicity date); the section stays unknown and the page report says why', () => {
    const page = `<h2 class="company">示例市测试贸易有限公司</h2><div class="cat"><h3>行政管理</h3>${group([
      ['行政处罚决定书文号', '示市监罚〔2024〕12号'],
      ['处罚类别', '罚款'],
      ['作出处罚时间', '2024-01-19'],
      ['公示日期', '2024-01-26'],
      ['处罚机关', '示例市市场监督管理局'],
    ])}</div><div class="cat"><h3>行政处罚</h3><p>暂无数据</p></div>`;
    const result = adapter.parse(htmlDocument(page, URL_DETAIL.href), URL_DETAIL, AT);
    if (!result.ok) throw new Error(result.detail);
    expect(result.record.penalties).toEqual([]);
    expect(result.completeness.penalties.total).toBeNull();
    expect(result.reader?.sections?.penalties.matched).toContain('not read: no decision date under a known label');
  });
});
