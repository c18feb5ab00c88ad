/**
 * The 25 worked cases (T1–T25) of the rules as docs/rules.md states them, table-driven, through the whole engine
 * (assessRecord), so that every surface's verdict is what the rules say.
 */
import { describe, expect, it } from 'vitest';
import { assessRecord } from '../engine/assess.ts';
import { running } from '../lib/dates.ts';
import { Assessment } from '../schemas/assessment.ts';
import { RuleSettings, type RuleSettingsInput } from '../schemas/settings.ts';
import type { EntityRecord, PenaltyInput } from '../schemas/record.ts';
import { penalties, penalty, record } from '../test-support/records.ts';

function run(r: EntityRecord, asOf: string, settings: RuleSettingsInput = {}): Assessment {
  const result = assessRecord(r, { asOf, settings: RuleSettings.parse(settings) });
  return Assessment.parse(result); // the output always honours its own contract
}

const TEN_IN_WINDOW = [
  '2022-01-10',
  '2022-04-10',
  '2022-08-10',
  '2022-12-10',
  '2023-03-10',
  '2023-06-10',
  '2023-09-10',
  '2023-12-10',
  '2024-03-10',
  '2024-06-01',
];
const NINE_IN_2023 = [
  '2023-01-10',
  '2023-02-10',
  '2023-03-10',
  '2023-04-10',
  '2023-05-10',
  '2023-06-10',
  '2023-07-10',
  '2023-08-10',
  '2023-09-10',
];

describe('R4 repeat offender (T1–T9)', () => {
  it.each([
    { id: 'T1', dates: TEN_IN_WINDOW, flag: true, count: 10 },
    { id: 'T2', dates: TEN_IN_WINDOW.slice(0, 9), flag: false, count: 9 },
    { id: 'T3', dates: [...NINE_IN_2023, '2021-06-30'], flag: true, count: 10 },
    { id: 'T4', dates: [...NINE_IN_2023, '2021-06-29'], flag: false, count: 9 },
  ])('$id: $count penalties counted → flag $flag', ({ dates, flag, count }) => {
    const a = run(record({ penalties: penalties(dates) }), '2024-06-30');
    expect(a.repeatOffender.flag).toBe(flag);
    expect(a.repeatOffender.count).toBe(count);
  });

  it('T4: the penalty of 2021-06-29 is excluded as outside-window', () => {
    const old = penalty('2021-06-29', { id: 'OLD' });
    const a = run(record({ penalties: [...penalties(NINE_IN_2023), old] }), '2024-06-30');
    expect(a.repeatOffender.excluded).toEqual([{ id: 'OLD', reason: 'outside-window' }]);
  });

  it('T5: two repaired before D are excluded → 9, not a repeat offender', () => {
    const ps = penalties([...TEN_IN_WINDOW, '2024-05-10']);
    ps[0] = { ...ps[0]!, id: 'R1', repairApprovedDate: '2024-03-01' };
    ps[1] = { ...ps[1]!, id: 'R2', repairApprovedDate: '2024-03-01' };
    const a = run(record({ penalties: ps }), '2024-06-30');
    expect(a.repeatOffender).toMatchObject({ flag: false, count: 9 });
    expect(a.repeatOffender.excluded).toEqual([
      { id: 'R1', reason: 'repaired' },
      { id: 'R2', reason: 'repaired' },
    ]);
  });

  it('T6: a repair approved after D does not remove the penalty', () => {
    const ps = penalties(TEN_IN_WINDOW);
    ps[3] = { ...ps[3]!, repairApprovedDate: '2024-07-05' };
    const a = run(record({ penalties: ps }), '2024-06-30');
    expect(a.repeatOffender).toMatchObject({ flag: true, count: 10, excluded: [] });
  });

  it.each(['REVOKED', 'CONFIRMED_ILLEGAL', 'VOID'] as const)('T7: a %s decision is excluded as revoked', (status) => {
    const ps = penalties(TEN_IN_WINDOW);
    ps[5] = { ...ps[5]!, id: 'X', status };
    const a = run(record({ penalties: ps }), '2024-06-30');
    expect(a.repeatOffender).toMatchObject({ flag: false, count: 9, excluded: [{ id: 'X', reason: 'revoked' }] });
  });

  it('T7: a CHANGED decision still counts', () => {
    const ps = penalties(TEN_IN_WINDOW);
    ps[5] = { ...ps[5]!, status: 'CHANGED' };
    expect(run(record({ penalties: ps }), '2024-06-30').repeatOffender).toMatchObject({ flag: true, count: 10 });
  });

  it('T8: two rows of one decision count once', () => {
    const ps = penalties(TEN_IN_WINDOW);
    ps[9] = { ...ps[9]!, id: 'DUP', decisionNo: ps[8]!.decisionNo, types: ['CONFISCATE_GAINS'] };
    const a = run(record({ penalties: ps }), '2024-06-30');
    expect(a.repeatOffender).toMatchObject({ flag: false, count: 9, excluded: [{ id: 'DUP', reason: 'duplicate-decision' }] });
  });

  it('T9: leap days — 2021-02-28 has left the window on 2024-02-29; 2020-02-29 is in it on 2023-02-28', () => {
    expect(running('2021-02-28', 3, 'y', '2024-02-29')).toBe(false);
    expect(running('2020-02-29', 3, 'y', '2023-02-28')).toBe(true);
    const first = run(record({ penalties: [penalty('2021-02-28', { id: 'A' })] }), '2024-02-29');
    expect(first.repeatOffender.excluded).toEqual([{ id: 'A', reason: 'outside-window' }]);
    const second = run(record({ penalties: [penalty('2020-02-29', { id: 'B' })] }), '2023-02-28');
    expect(second.repeatOffender.counted).toEqual(['B']);
  });
});

describe('R8 serious list (T10–T14)', () => {
  it.each([
    { D: '2024-06-30', active: true },
    { D: '2024-07-01', active: true },
    { D: '2024-07-02', active: false },
  ])('T10: listed 2021-07-01, on $D active = $active', ({ D, active }) => {
    const a = run(record({ seriousListings: [{ id: 'S1', listedDate: '2021-07-01', route: 'OTHER' }] }), D);
    expect(a.seriousList.active).toBe(active);
    expect(a.seriousList.expiresOn).toBe(active ? '2024-07-01' : null);
  });

  it('T11: a longer 限制从业 keeps the listing active until it ends', () => {
    const r = record({ seriousListings: [{ id: 'S1', listedDate: '2021-07-01', restrictionEnd: '2026-01-01' }] });
    const a = run(r, '2024-08-01');
    expect(a.seriousList).toMatchObject({ active: true, expiresOn: '2026-01-01' });
  });

  const basis = penalty('2023-04-01', { id: 'B1', types: ['REVOKE_LICENSE'], obligationsFulfilled: true, harmEliminated: true });
  it.each([
    { D: '2024-05-01', eligible: false },
    { D: '2024-05-02', eligible: true },
  ])('T12: listed 2023-05-01, fulfilled; early removal on $D = $eligible', ({ D, eligible }) => {
    const r = record({
      penalties: [basis],
      seriousListings: [{ id: 'S1', listedDate: '2023-05-01', route: 'PENALTY', penaltyIds: ['B1'] }],
    });
    const a = run(r, D);
    expect(a.seriousList).toMatchObject({ active: true, earlyRemovalEligible: eligible, earlyRemovalFrom: '2024-05-02' });
    expect(a.findings.some((f) => f.rule === 'r8-serious-list' && f.level === 'info' && f.recordIds.includes('S1'))).toBe(eligible);
  });

  it('T13: a heavier penalty after listing blocks early removal, and the finding says so', () => {
    const b = penalty('2022-12-01', { id: 'B1', types: ['REVOKE_LICENSE'], obligationsFulfilled: true, harmEliminated: true });
    const later = penalty('2023-09-01', { id: 'L1', aggravatedFine: true });
    const r = record({ penalties: [b, later], seriousListings: [{ id: 'S1', listedDate: '2023-01-10', penaltyIds: ['B1'] }] });
    const a = run(r, '2024-06-30');
    expect(a.seriousList).toMatchObject({ active: true, earlyRemovalEligible: false });
    const active = a.findings.find((f) => f.rule === 'r8-serious-list' && f.recordIds.includes('S1'));
    expect(active?.message.zh).toContain('列入后又受到较重行政处罚');
    expect(active?.message.en).toContain('heavier penalty was imposed after listing');
  });

  it('T14: removed early in 2023 → inactive, no measures shown', () => {
    const r = record({ seriousListings: [{ id: 'S1', listedDate: '2022-01-01', removedDate: '2023-03-01' }] });
    const a = run(r, '2024-06-30');
    expect(a.seriousList).toMatchObject({ active: false, activeListingIds: [], expiresOn: null, earlyRemovalFrom: null });
    expect(a.findings.filter((f) => f.rule === 'r8-serious-list')).toEqual([]);
  });
});

describe('R7 abnormal list (T15–T16)', () => {
  it.each([
    { D: '2024-04-15', status: 'WARNING_60D' },
    { D: '2024-06-01', status: 'WARNING_60D' },
    { D: '2024-06-02', status: 'ESCALATE_TO_SERIOUS' },
  ])('T15: annual-report listing of 2021-06-01 on $D → $status', ({ D, status }) => {
    const a = run(record({ abnormalListings: [{ id: 'A1', listedDate: '2021-06-01', reason: 'ANNUAL_REPORT' }] }), D);
    expect(a.abnormalList).toMatchObject({ active: true, status, activeListingIds: ['A1'], escalatesOn: '2024-06-02' });
  });

  it('T16: removed after cure → inactive, no escalation', () => {
    const r = record({ abnormalListings: [{ id: 'A1', listedDate: '2021-06-01', reason: 'ANNUAL_REPORT', removedDate: '2022-03-01' }] });
    const a = run(r, '2024-06-30');
    expect(a.abnormalList).toEqual({ active: false, status: 'NONE', activeListingIds: [], escalatesOn: null });
    expect(a.seriousList.shouldBeListed).toBe(false);
  });
});

/** One penalty assessed on D. */
function one(p: PenaltyInput, asOf: string, settings: RuleSettingsInput = {}): Assessment['penalties'][number] {
  const a = run(record({ penalties: [p] }), asOf, settings);
  return a.penalties[0]!;
}

describe('R1, R3, R5, R6 on single penalties (T17–T25)', () => {
  it('T17: revoked licence for non-food raw materials → HEAVY, FOOD, candidate under Art. 5, not repairable', () => {
    const p = penalty('2024-01-10', { types: ['REVOKE_LICENSE'], violationText: '用非食品原料生产食品' });
    const a = run(record({ penalties: [p] }), '2024-06-30');
    expect(a.penalties[0]).toMatchObject({ severity: 'HEAVY', domain: 'FOOD', seriousListCandidate: true, repair: 'NOT_REPAIRABLE' });
    const f = a.findings.find((x) => x.rule === 'r5-serious-candidate');
    expect(f?.source.article).toContain('第五条');
    expect(f?.message.zh).toContain('人工研判');
  });

  it('T18: an ordinary fine for expired food → GENERAL, FOOD, not a candidate', () => {
    expect(one(penalty('2024-01-10', { violationText: '销售超过保质期的食品' }), '2024-06-30')).toMatchObject({
      severity: 'GENERAL',
      domain: 'FOOD',
      seriousListCandidate: false,
    });
  });

  it.each([
    { id: 'T19', text: '发布保健食品虚假广告，宣称治疗功效', basis: undefined, domain: 'COMPETITION_ORDER', ambiguous: true },
    { id: 'T19', text: '发布保健食品虚假广告，宣称治疗功效', basis: '《食品安全法》第七十三条', domain: 'FOOD', ambiguous: false },
    { id: 'T22', text: '化妆品标签虚假宣传', basis: undefined, domain: 'COMPETITION_ORDER', ambiguous: true },
    { id: 'T22', text: '化妆品标签虚假宣传', basis: '《化妆品监督管理条例》', domain: 'DRUG_DEVICE_COSMETIC', ambiguous: false },
    { id: 'T23', text: '使用未经定期检验的电梯', basis: undefined, domain: 'QUALITY', ambiguous: false },
    { id: 'T23', text: '销售未经ＣＣＣ认证的电线', basis: undefined, domain: 'QUALITY', ambiguous: false },
    { id: 'T23', text: '检验检测机构出具不实报告', basis: undefined, domain: 'QUALITY', ambiguous: false },
    { id: 'T24', text: '经营未取得注册证的第二类医疗器械', basis: undefined, domain: 'DRUG_DEVICE_COSMETIC', ambiguous: false },
    { id: 'T24', text: '拒绝消费者七日无理由退货', basis: undefined, domain: 'CONSUMER', ambiguous: false },
    { id: 'T24', text: '未按规定明码标价', basis: undefined, domain: 'COMPETITION_ORDER', ambiguous: false },
    { id: 'T24', text: '无照经营', basis: undefined, domain: 'COMPETITION_ORDER', ambiguous: false },
    { id: 'T24', text: '违反道路运输管理规定', basis: undefined, domain: 'OTHER', ambiguous: false },
  ])('$id: "$text" (basis $basis) → $domain', ({ text, basis, domain, ambiguous }) => {
    const p = penalty('2024-01-10', { violationText: text, ...(basis ? { legalBasis: basis } : {}) });
    expect(one(p, '2024-06-30')).toMatchObject({ domain, domainAmbiguous: ambiguous });
  });

  it('T19/T22 with product-first keyword order: the product decides', () => {
    const settings = { domainKeywordOrder: 'product-first' } as const;
    expect(one(penalty('2024-01-10', { violationText: '发布保健食品虚假广告，宣称治疗功效' }), '2024-06-30', settings).domain).toBe('FOOD');
    expect(one(penalty('2024-01-10', { violationText: '化妆品标签虚假宣传' }), '2024-06-30', settings).domain).toBe('DRUG_DEVICE_COSMETIC');
  });

  it.each([
    { D: '2024-04-15', published: true },
    { D: '2024-04-16', published: false },
  ])('T20: 通报批评 published 2024-01-15, on $D published = $published, repair not applicable', ({ D, published }) => {
    const p = penalty('2024-01-10', { types: ['CIRCULATED_CRITICISM'], publicityDate: '2024-01-15' });
    expect(one(p, D)).toMatchObject({
      severity: 'LIGHT',
      published,
      publishedUntil: '2024-04-15',
      repair: 'NOT_APPLICABLE',
      repairFrom: null,
    });
  });

  const fulfilled = { obligationsFulfilled: true, harmEliminated: true, publicityDate: '2023-12-01' };
  it.each([
    { text: '虚假宣传', D: '2024-06-01', repair: 'NOT_YET', from: '2024-06-02' },
    { text: '虚假宣传', D: '2024-06-02', repair: 'ELIGIBLE', from: '2024-06-02' },
    { text: '生产经营标签不符合规定的食品', D: '2024-06-02', repair: 'NOT_YET', from: '2024-12-02' },
    { text: '生产经营标签不符合规定的食品', D: '2024-12-01', repair: 'NOT_YET', from: '2024-12-02' },
    { text: '生产经营标签不符合规定的食品', D: '2024-12-02', repair: 'ELIGIBLE', from: '2024-12-02' },
  ])('T21: "$text" on $D → $repair (from $from)', ({ text, D, repair, from }) => {
    const p = penalty('2023-11-20', { violationText: text, ...fulfilled });
    expect(one(p, D)).toMatchObject({ repair, repairFrom: from });
  });

  it('T21: the period complete but obligations open → NOT_ELIGIBLE', () => {
    const p = penalty('2023-11-20', { violationText: '虚假宣传', publicityDate: '2023-12-01', obligationsFulfilled: true });
    expect(one(p, '2024-06-02').repair).toBe('NOT_ELIGIBLE');
  });

  it('T25: a warning only is not published, but counts for R4 unless excludeWarningOnly', () => {
    const p = penalty('2024-03-01', { id: 'W', types: ['WARNING'] });
    const a = run(record({ penalties: [p] }), '2024-03-11');
    expect(a.penalties[0]).toMatchObject({ published: false, publishedUntil: null });
    expect(a.repeatOffender.counted).toEqual(['W']);
    const strict = run(record({ penalties: [p] }), '2024-03-11', { excludeWarningOnly: true });
    expect(strict.repeatOffender).toMatchObject({ count: 0, excluded: [{ id: 'W', reason: 'warning-only' }] });
  });
});
