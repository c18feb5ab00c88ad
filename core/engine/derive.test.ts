import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityRecord, PenaltyType } from '../schemas/record.ts';
import { deriveAbnormalReason, deriveAggravated, deriveFacts, deriveIsSamr, deriveSeriousRoute, deriveTypes } from './derive.ts';

const sorted = (types: readonly PenaltyType[]): PenaltyType[] => [...types].sort();

describe('deriveTypes', () => {
  it('a fine and confiscated gains: exactly FINE and CONFISCATE_GAINS', () => {
    expect(deriveTypes('罚款人民币5万元，没收违法所得3200元')).toEqual(['FINE', 'CONFISCATE_GAINS']);
  });

  it('吊销营业执照 is REVOKE_BUSINESS_LICENSE only, not REVOKE_LICENSE', () => {
    expect(deriveTypes('吊销营业执照')).toEqual(['REVOKE_BUSINESS_LICENSE']);
    expect(deriveTypes('吊销其营业执照')).toEqual(['REVOKE_BUSINESS_LICENSE']);
  });

  it('吊销 a licence or certificate is REVOKE_LICENSE', () => {
    expect(deriveTypes('吊销食品经营许可证')).toEqual(['REVOKE_LICENSE']);
    expect(deriveTypes('吊销《药品经营许可证》')).toEqual(['REVOKE_LICENSE']);
    expect(deriveTypes('吊销其特种设备作业人员资格')).toEqual(['REVOKE_LICENSE']);
  });

  it('single sanctions', () => {
    expect(deriveTypes('警告')).toEqual(['WARNING']);
    expect(deriveTypes('责令停产停业')).toEqual(['ORDER_SUSPENSION']);
    expect(deriveTypes('责令停业整顿')).toEqual(['ORDER_SUSPENSION']);
    expect(deriveTypes('通报批评')).toEqual(['CIRCULATED_CRITICISM']);
    expect(deriveTypes('暂扣许可证件')).toEqual(['SUSPEND_LICENSE']);
    expect(deriveTypes('降低资质等级')).toEqual(['DOWNGRADE_QUALIFICATION']);
    expect(deriveTypes('限制开展生产经营活动')).toEqual(['RESTRICT_OPERATIONS']);
    expect(deriveTypes('责令关闭')).toEqual(['ORDER_CLOSURE']);
    expect(deriveTypes('五年内不得从事食品生产经营管理工作')).toEqual(['RESTRICT_EMPLOYMENT']);
    expect(deriveTypes('行政拘留十日')).toEqual(['DETENTION']);
    expect(deriveTypes('没收全部违法所得')).toEqual(['CONFISCATE_GAINS']);
  });

  it('没收违法生产的食品，并处罚款 is CONFISCATE_PROPERTY and FINE (and not confiscated gains)', () => {
    expect(sorted(deriveTypes('没收违法生产的食品，并处罚款'))).toEqual(['CONFISCATE_PROPERTY', 'FINE']);
  });

  it('confiscated gains alone name no property', () => {
    expect(deriveTypes('没收违法所得')).toEqual(['CONFISCATE_GAINS']);
    expect(deriveTypes('没收违法所得3200元')).toEqual(['CONFISCATE_GAINS']);
  });

  it('a combined decision lists every sanction once, in the order of the pattern table', () => {
    expect(deriveTypes('警告，没收违法所得1000元，没收用于违法生产的工具，并处罚款2万元，吊销营业执照')).toEqual([
      'WARNING',
      'FINE',
      'CONFISCATE_GAINS',
      'CONFISCATE_PROPERTY',
      'REVOKE_BUSINESS_LICENSE',
    ]);
  });

  it('reads through full width, zero-width characters and padding', () => {
    expect(deriveTypes('罚\u200b款人民币５万元')).toEqual(['FINE']);
    expect(deriveTypes('\u3000警\u2060告\u3000')).toEqual(['WARNING']);
    expect(deriveTypes('没收违法所得３２００元，罚款')).toEqual(['FINE', 'CONFISCATE_GAINS']);
  });

  it('text without a sanction gives no type', () => {
    expect(deriveTypes('')).toEqual([]);
    expect(deriveTypes('责令改正')).toEqual([]);
    expect(deriveTypes('不予行政处罚')).toEqual([]);
  });

  it('property: never repeats a type and is unchanged by surrounding noise', () => {
    const pieces = fc.constantFrom(
      '罚款5万元',
      '警告',
      '没收违法所得',
      '吊销营业执照',
      '吊销食品经营许可证',
      '责令停产停业',
      '，',
      '。',
      '并处',
      ' ',
      '\u200b',
      '\u3000',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const types = deriveTypes(text);
        expect(new Set(types).size).toBe(types.length);
        expect(deriveTypes(`\u3000${text}\u200b `)).toEqual(types);
        if (text.includes('罚款')) expect(types).toContain('FINE');
        if (text.includes('警告')) expect(types).toContain('WARNING');
        if (!text.includes('吊销')) expect(types.some((t) => t.startsWith('REVOKE'))).toBe(false);
      }),
    );
  });
});

describe('deriveAggravated', () => {
  it('a 从重 fine is aggravated', () => {
    const text = '依法从重处罚，罚款人民币10万元';
    expect(deriveAggravated(text, deriveTypes(text))).toBe(true);
  });

  it('不予从重 is not aggravated', () => {
    const text = '不予从重处罚，罚款1万元';
    expect(deriveTypes(text)).toContain('FINE');
    expect(deriveAggravated(text, deriveTypes(text))).toBe(false);
    expect(deriveAggravated('未从重处罚，罚款1万元', ['FINE'])).toBe(false);
    expect(deriveAggravated('无从重情节，罚款1万元', ['FINE'])).toBe(false);
  });

  it('a fine without 从重 is not aggravated; 从轻 is not 从重', () => {
    expect(deriveAggravated('罚款人民币5万元', ['FINE'])).toBe(false);
    expect(deriveAggravated('从轻处罚，罚款人民币5千元', ['FINE'])).toBe(false);
  });

  it('only a fine can be aggravated', () => {
    const text = '从重处罚，警告';
    expect(deriveTypes(text)).toEqual(['WARNING']);
    expect(deriveAggravated(text, deriveTypes(text))).toBe(false);
    expect(deriveAggravated('从重处罚，罚款5万元', [])).toBe(false);
    expect(deriveAggravated('从重处罚，罚款5万元', ['FINE'])).toBe(true);
  });
});

describe('deriveIsSamr', () => {
  it.each([
    '某市市场监督管理局',
    '某县市场监管局',
    '某区工商行政管理局',
    '某市食品药品监督管理局',
    '某市质量技术监督局',
    '国家市场监督管理总局',
    '某市\u200b市场监督管理局',
    '某市 市场监督管理局 某分局',
  ])('%s → true', (authority) => {
    expect(deriveIsSamr(authority)).toBe(true);
  });

  it.each(['某市税务局', '某市公安局', '某市生态环境局', '某市应急管理局', ''])('%j → false', (authority) => {
    expect(deriveIsSamr(authority)).toBe(false);
  });
});

describe('deriveAbnormalReason', () => {
  it.each([
    ['未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告的', 'ANNUAL_REPORT'],
    ['个体工商户未按规定报送年度报告', 'ANNUAL_REPORT'],
    ['未按照规定报送年报', 'ANNUAL_REPORT'],
    ['通过登记的住所或者经营场所无法联系的', 'UNREACHABLE'],
    ['通过登记的经营场所无法取得联系的', 'UNREACHABLE'],
    ['公示企业信息隐瞒真实情况、弄虚作假的', 'FALSE_INFO'],
    ['未在市场监督管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息的', 'INSTANT_INFO'],
    ['未在工商行政管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息的', 'INSTANT_INFO'],
  ])('%s → %s', (text, reason) => {
    expect(deriveAbnormalReason(text)).toBe(reason);
  });

  it('a falsified annual report is FALSE_INFO (the cure is correcting it, not filing it)', () => {
    // 农民专业合作社 and 个体工商户 are listed for this; the text names the annual report but the reason is falsity.
    expect(deriveAbnormalReason('农民专业合作社年度报告公示信息隐瞒真实情况、弄虚作假的')).toBe('FALSE_INFO');
    expect(deriveAbnormalReason('年度报告隐瞒真实情况、弄虚作假的')).toBe('FALSE_INFO');
  });

  it('unknown or missing text → OTHER', () => {
    expect(deriveAbnormalReason('其他原因')).toBe('OTHER');
    expect(deriveAbnormalReason('')).toBe('OTHER');
    expect(deriveAbnormalReason(undefined)).toBe('OTHER');
  });
});

describe('deriveSeriousRoute', () => {
  it.each([
    ['被列入经营异常名录届满3年仍未履行相关义务', 'ABNORMAL_3Y'],
    ['被列入经营异常名录届满三年仍未履行相关义务的', 'ABNORMAL_3Y'],
    ['列入经营异常名录满3年', 'ABNORMAL_3Y'],
    ['因受到较重行政处罚', 'PENALTY'],
    ['因违法行为受到吊销营业执照的行政处罚', 'PENALTY'],
    ['被处以从重罚款', 'PENALTY'],
    ['', 'OTHER'],
    ['提交虚假材料取得登记被撤销登记', 'OTHER'],
  ])('%j → %s', (text, route) => {
    expect(deriveSeriousRoute(text)).toBe(route);
  });

  it('missing text → OTHER', () => {
    expect(deriveSeriousRoute(undefined)).toBe('OTHER');
  });
});

describe('deriveFacts', () => {
  const record: EntityRecord = {
    entity: { name: '某公司' },
    penalties: [
      {
        id: 'p1',
        decisionNo: '某市监处罚〔2023〕 １ 号',
        decisionDate: '2023-03-01',
        authority: '某市市场监督管理局',
        content: '从重处罚，罚款人民币5万元',
      },
      {
        id: 'p2',
        decisionNo: 'X',
        decisionDate: '2023-03-01',
        publicityDate: '2023-03-05',
        authority: '某市税务局',
        content: '警告',
        isSamr: true,
        types: ['FINE'],
        aggravatedFine: false,
        status: 'CHANGED',
      },
    ],
    abnormalListings: [
      { id: 'a1', listedDate: '2021-06-01', reasonText: '通过登记的住所或者经营场所无法联系的' },
      { id: 'a2', listedDate: '2021-06-01', reasonText: '通过登记的住所或者经营场所无法联系的', reason: 'ANNUAL_REPORT' },
    ],
    seriousListings: [
      { id: 's1', listedDate: '2022-01-01', reasonText: '被列入经营异常名录届满3年仍未履行相关义务' },
      { id: 's2', listedDate: '2022-01-01', reasonText: '被列入经营异常名录届满3年仍未履行相关义务', route: 'PENALTY', penaltyIds: ['p1'] },
    ],
  };
  const facts = deriveFacts(record);

  it('derives what is missing and applies defaults', () => {
    const p1 = facts.penalties[0];
    expect(p1).toMatchObject({
      types: ['FINE'],
      aggravatedFine: true,
      isSamr: true,
      publicityStart: '2023-03-01',
      status: 'EFFECTIVE',
      effective: true,
      lowAmountFine: false,
      obligationsFulfilled: false,
      harmEliminated: false,
      decisionKey: '某市监处罚〔2023〕1号',
    });
    expect(facts.abnormal[0]?.reason).toBe('UNREACHABLE');
    expect(facts.serious[0]).toMatchObject({ route: 'ABNORMAL_3Y', penaltyIds: [] });
  });

  it('given values win over derived ones', () => {
    expect(facts.penalties[1]).toMatchObject({
      types: ['FINE'],
      aggravatedFine: false,
      isSamr: true,
      publicityStart: '2023-03-05',
      status: 'CHANGED',
      effective: true,
    });
    expect(facts.abnormal[1]?.reason).toBe('ANNUAL_REPORT');
    expect(facts.serious[1]).toMatchObject({ route: 'PENALTY', penaltyIds: ['p1'] });
  });
});

describe('derivation edge cases from review', () => {
  it('two licences revoked in one decision give both types', () => {
    expect(deriveTypes('吊销营业执照和食品经营许可证')).toEqual(['REVOKE_BUSINESS_LICENSE', 'REVOKE_LICENSE']);
  });

  it('a title-bracketed 《营业执照》 is still the business licence', () => {
    expect(deriveTypes('吊销《营业执照》')).toEqual(['REVOKE_BUSINESS_LICENSE']);
  });

  it.each(['某县工商局', '某市质监局', '某市食药监局', '深圳市市场和质量监督管理委员会', '某省药品监督管理局'])(
    'short or local authority name %s is market regulation',
    (name) => expect(deriveIsSamr(name)).toBe(true),
  );
});
