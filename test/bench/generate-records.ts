/**
 * Synthetic entity records for benchmarks: realistic field sizes and texts (Chinese content, legal bases,
 * list entries), deterministic from a seed so runs compare.
 */
import { addDays, type EntityRecordInput } from '#core';

/** mulberry32: a small deterministic generator. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIOLATIONS = [
  '销售超过保质期的食品',
  '发布虚假广告',
  '未按规定明码标价',
  '销售不合格产品',
  '使用未经定期检验的电梯',
  '经营无注册证的第二类医疗器械',
  '拒绝消费者七日无理由退货',
  '虚假宣传',
  '生产经营标签不符合规定的食品',
  '无照经营',
  '违反道路运输管理规定',
  '销售未经CCC认证的电线',
];
/**
 * 行政处罚内容 with a weight each: most market-regulation penalties are fines, with or without confiscation;
 * warnings and 通报批评 follow; the heavier penalties of Order 44 Art. 2 are a few per cent.
 */
const CONTENTS: ReadonlyArray<[string, number]> = [
  ['罚款人民币2000元', 30],
  ['罚款人民币5万元，没收违法所得3200元', 20],
  ['没收违法生产的食品，并处罚款人民币3万元', 10],
  ['警告，并处罚款人民币5000元', 15],
  ['警告', 10],
  ['通报批评', 5],
  ['责令停产停业，罚款人民币10万元', 3],
  ['从重处罚，罚款人民币20万元', 4],
  ['吊销食品经营许可证', 3],
];
const CONTENT_TOTAL = CONTENTS.reduce((sum, [, w]) => sum + w, 0);

function pickContent(rand: () => number): string {
  let r = rand() * CONTENT_TOTAL;
  for (const [content, weight] of CONTENTS) {
    r -= weight;
    if (r < 0) return content;
  }
  return CONTENTS[0]![0];
}

const BASES = [
  '《中华人民共和国食品安全法》第一百二十四条',
  '《中华人民共和国广告法》第五十五条',
  '《中华人民共和国产品质量法》第四十九条',
  '',
];
const AUTHORITIES = ['示例市市场监督管理局', '示例市某区市场监督管理局', '示例县市场监管局', '示例市生态环境局'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

export function syntheticRecord(i: number, rand: () => number, penaltiesPerRecord = 10): EntityRecordInput {
  const penalties = Array.from({ length: penaltiesPerRecord }, (_, j) => {
    const decisionDate = addDays('2020-01-01', Math.floor(rand() * 1800));
    const basis = pick(rand, BASES);
    return {
      id: `P${i}-${j}`,
      decisionNo: `示市监罚〔${decisionDate.slice(0, 4)}〕${1000 + j}号`,
      decisionDate,
      publicityDate: addDays(decisionDate, 7),
      authority: pick(rand, AUTHORITIES),
      content: pickContent(rand),
      violationText: pick(rand, VIOLATIONS),
      ...(basis ? { legalBasis: basis } : {}),
      ...(rand() < 0.3 ? { obligationsFulfilled: true, harmEliminated: true } : {}),
    };
  });
  const listed = rand() < 0.2;
  return {
    entity: {
      name: `示例市第${i}号商贸有限公司`,
      uscc: '91330100MA2B3C4D5N',
      legalRepresentative: '张某某',
      status: '存续（在营、开业、在册）',
      registrationAuthority: '示例市市场监督管理局',
      establishedOn: '2015-03-18',
    },
    penalties,
    abnormalListings: listed
      ? [
          {
            id: `A${i}`,
            listedDate: '2021-06-01',
            reasonText: '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告的',
            authority: '示例市市场监督管理局',
          },
        ]
      : [],
    seriousListings:
      rand() < 0.05 ? [{ id: `S${i}`, listedDate: '2023-02-01', reasonText: '受到较重行政处罚', penaltyIds: [`P${i}-0`] }] : [],
    source: { url: 'https://www.gsxt.gov.cn/%7BABC%7D', site: 'gsxt-gov-cn', observedAt: '2024-06-30T08:00:00.000Z' },
  };
}

/** n records as NDJSON lines (one JSON document per line). */
export function ndjsonLines(n: number, seed = 20231): string[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => JSON.stringify(syntheticRecord(i, rand)));
}
