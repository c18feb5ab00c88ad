/**
 * The readings docs/rules.md spells out for each rule and the settings of its §3, beyond the 25 cases of
 * spec-cases.test.ts; and the explanations (findings) that staff act on: every flag raised has a finding naming its
 * rule, article and records.
 */
import { describe, expect, it } from 'vitest';
import { assessRecord } from '../engine/assess.ts';
import { Assessment } from '../schemas/assessment.ts';
import { RuleSettings, type RuleSettingsInput } from '../schemas/settings.ts';
import type { EntityRecord } from '../schemas/record.ts';
import { penalties, penalty, record } from '../test-support/records.ts';

function run(r: EntityRecord, asOf: string, settings: RuleSettingsInput = {}): Assessment {
  return Assessment.parse(assessRecord(r, { asOf, settings: RuleSettings.parse(settings) }));
}

const heavyFood = (date: string, id: string) =>
  penalty(date, { id, types: ['ORDER_SUSPENSION'], violationText: '生产经营添加非食用物质的食品' });

describe('R5 looks back 3 years and skips penalties already behind a listing', () => {
  it('an old heavy penalty is no candidate and does not make shouldBeListed true', () => {
    const a = run(record({ penalties: [heavyFood('2020-01-10', 'OLD')] }), '2024-06-30');
    expect(a.penalties[0]?.seriousListCandidate).toBe(false);
    expect(a.seriousList.shouldBeListed).toBe(false);
  });

  it('a recent heavy penalty → candidate and 应列未列, with a finding for each', () => {
    const a = run(record({ penalties: [heavyFood('2024-01-10', 'NEW')] }), '2024-06-30');
    expect(a.seriousList).toMatchObject({ shouldBeListed: true, candidatePenaltyIds: ['NEW'] });
    const should = a.findings.find((f) => f.rule === 'r8-serious-list' && f.message.zh.startsWith('应列未列'));
    expect(should).toMatchObject({ level: 'alert', recordIds: ['NEW'], source: { article: '第二条' } });
    expect(a.findings.find((f) => f.rule === 'r5-serious-candidate')?.recordIds).toEqual(['NEW']);
  });

  it('the basis of a removed listing is no candidate again', () => {
    const r = record({
      penalties: [heavyFood('2023-01-10', 'B')],
      seriousListings: [{ id: 'S', listedDate: '2023-02-01', penaltyIds: ['B'], removedDate: '2024-03-01' }],
    });
    const a = run(r, '2024-06-30');
    expect(a.penalties[0]?.seriousListCandidate).toBe(false);
    expect(a.seriousList.shouldBeListed).toBe(false);
  });

  it('an active listing means nothing is 应列未列', () => {
    const r = record({
      penalties: [heavyFood('2024-01-10', 'N')],
      seriousListings: [{ id: 'S', listedDate: '2023-02-01', route: 'OTHER' }],
    });
    const a = run(r, '2024-06-30');
    expect(a.seriousList).toMatchObject({ active: true, shouldBeListed: false, candidatePenaltyIds: ['N'] });
  });

  it('a heavy penalty outside the six domains is a candidate only under Art. 10 conduct', () => {
    const plain = penalty('2024-01-10', { types: ['REVOKE_BUSINESS_LICENSE'], violationText: '违反道路运输管理规定' });
    const fraud = penalty('2024-01-10', { types: ['REVOKE_BUSINESS_LICENSE'], violationText: '提交虚假材料骗取公司登记' });
    const obstruct = penalty('2024-01-10', { types: ['REVOKE_BUSINESS_LICENSE'], violationText: '拒绝、阻碍监督检查' });
    expect(run(record({ penalties: [plain] }), '2024-06-30').penalties[0]?.seriousListCandidate).toBe(false);
    for (const p of [fraud, obstruct]) {
      const a = run(record({ penalties: [p] }), '2024-06-30');
      expect(a.penalties[0]?.seriousListCandidate).toBe(true);
    }
  });

  it('a heavy penalty of another authority is no candidate', () => {
    const p = penalty('2024-01-10', {
      types: ['REVOKE_LICENSE'],
      violationText: '生产不合格食品',
      authority: '某市卫生健康委员会',
      isSamr: undefined,
    });
    const a = run(record({ penalties: [p] }), '2024-06-30');
    expect(a.penalties[0]).toMatchObject({ isSamr: false, seriousListCandidate: false });
  });
});

describe('R7: the entity takes its most advanced abnormal status', () => {
  it('ESCALATE beats ACTIVE; escalatesOn is that of the oldest active listing', () => {
    const r = record({
      abnormalListings: [
        { id: 'NEW', listedDate: '2024-01-01', reasonText: '通过登记的住所或者经营场所无法联系的' },
        { id: 'OLD', listedDate: '2020-05-01', reasonText: '未按规定期限公示年度报告' },
      ],
    });
    const a = run(r, '2024-06-30');
    expect(a.abnormalList).toEqual({
      active: true,
      status: 'ESCALATE_TO_SERIOUS',
      activeListingIds: ['NEW', 'OLD'],
      escalatesOn: '2023-05-02',
    });
    expect(a.seriousList.shouldBeListed).toBe(true);
    const should = a.findings.find((f) => f.message.zh.startsWith('应列未列'));
    expect(should).toMatchObject({ recordIds: ['OLD'], source: { article: '第十七条' } });
  });

  it('a listing dated after D is not active', () => {
    const a = run(record({ abnormalListings: [{ id: 'F', listedDate: '2025-01-01' }] }), '2024-06-30');
    expect(a.abnormalList.status).toBe('NONE');
  });
});

describe('R8: a listing falls with its revoked basis', () => {
  it('every basis penalty revoked → not active; the finding says why', () => {
    const b = heavyFood('2023-01-10', 'B');
    const r = record({
      penalties: [{ ...b, status: 'REVOKED' }],
      seriousListings: [{ id: 'S', listedDate: '2023-02-01', penaltyIds: ['B'] }],
    });
    const a = run(r, '2024-06-30');
    expect(a.seriousList.active).toBe(false);
    expect(a.findings.find((f) => f.rule === 'r8-serious-list')?.message.zh).toContain('撤销');
  });

  it('a basis penalty not in the record is not assumed revoked', () => {
    const r = record({ seriousListings: [{ id: 'S', listedDate: '2023-02-01', penaltyIds: ['UNKNOWN'] }] });
    expect(run(r, '2024-06-30').seriousList.active).toBe(true);
  });
});

describe('R3 repair conditions', () => {
  const base = { violationText: '虚假宣传', publicityDate: '2023-01-01', obligationsFulfilled: true, harmEliminated: true };

  it('a later penalty of the same domain blocks repair; one of another domain does not', () => {
    const first = penalty('2023-01-01', { id: 'A', ...base });
    const sameKind = penalty('2023-09-01', { id: 'B', violationText: '发布虚假广告' });
    const otherKind = penalty('2023-09-01', { id: 'C', violationText: '销售过期食品' });
    expect(run(record({ penalties: [first, sameKind] }), '2024-06-30').penalties[0]?.repair).toBe('NOT_ELIGIBLE');
    expect(run(record({ penalties: [first, otherKind] }), '2024-06-30').penalties[0]?.repair).toBe('ELIGIBLE');
  });

  it('being on the abnormal list blocks repair', () => {
    const r = record({ penalties: [penalty('2023-01-01', base)], abnormalListings: [{ id: 'A', listedDate: '2024-01-01' }] });
    expect(run(r, '2024-06-30').penalties[0]?.repair).toBe('NOT_ELIGIBLE');
  });

  it.each([
    { text: '销售假药', field: 'DRUG', basis: undefined },
    { text: '使用未经检验的电梯', field: 'SPECIAL_EQUIPMENT', basis: undefined },
  ])('$field has the 1-year minimum (R3)', ({ text }) => {
    const p = penalty('2023-12-01', { violationText: text, publicityDate: '2023-12-01', obligationsFulfilled: true, harmEliminated: true });
    expect(run(record({ penalties: [p] }), '2024-06-30').penalties[0]).toMatchObject({ repair: 'NOT_YET', repairFrom: '2024-12-02' });
  });

  it('medical devices get the 1-year minimum only when the setting says so', () => {
    const p = penalty('2023-12-01', {
      violationText: '经营无注册证的医疗器械',
      publicityDate: '2023-12-01',
      obligationsFulfilled: true,
      harmEliminated: true,
    });
    expect(run(record({ penalties: [p] }), '2024-06-30').penalties[0]?.repairFrom).toBe('2024-06-02');
    const withDevices = run(record({ penalties: [p] }), '2024-06-30', {
      repair1yDomains: ['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'MEDICAL_DEVICE'],
    });
    expect(withDevices.penalties[0]?.repairFrom).toBe('2024-12-02');
  });

  it('an eligible repair gets an info finding', () => {
    const a = run(record({ penalties: [penalty('2023-01-01', { id: 'E', ...base })] }), '2024-06-30');
    expect(a.findings.find((f) => f.rule === 'r3-repair')).toMatchObject({ level: 'info', recordIds: ['E'] });
  });
});

describe('settings (docs/rules.md §3) change the verdict as documented', () => {
  it('boundaryInclusive=false ends the window the day before the anniversary', () => {
    const r = record({ penalties: [penalty('2021-06-30', { id: 'EDGE' })] });
    expect(run(r, '2024-06-30').repeatOffender.counted).toEqual(['EDGE']);
    expect(run(r, '2024-06-30', { boundaryInclusive: false }).repeatOffender.excluded).toEqual([{ id: 'EDGE', reason: 'outside-window' }]);
  });

  it('samrOnly leaves out other authorities', () => {
    const r = record({ penalties: [penalty('2024-01-01', { id: 'TAX', authority: '某市税务局', isSamr: undefined })] });
    expect(run(r, '2024-06-30').repeatOffender.count).toBe(1);
    expect(run(r, '2024-06-30', { samrOnly: true }).repeatOffender.excluded).toEqual([{ id: 'TAX', reason: 'not-samr' }]);
  });

  it('onlyStillPublished leaves out a lapsed 3-month penalty', () => {
    const r = record({ penalties: [penalty('2023-01-01', { id: 'L', types: ['CIRCULATED_CRITICISM'] })] });
    expect(run(r, '2024-06-30').repeatOffender.count).toBe(1);
    expect(run(r, '2024-06-30', { onlyStillPublished: true }).repeatOffender.excluded).toEqual([{ id: 'L', reason: 'not-published' }]);
  });

  it('the threshold is a setting', () => {
    const r = record({ penalties: penalties(['2024-01-01', '2024-02-01', '2024-03-01']) });
    expect(run(r, '2024-06-30').repeatOffender.flag).toBe(false);
    expect(run(r, '2024-06-30', { repeatOffenderThreshold: 3 }).repeatOffender.flag).toBe(true);
  });
});

describe('findings explain every flag', () => {
  const r = record({
    penalties: [
      ...penalties([
        '2022-01-10',
        '2022-03-10',
        '2022-05-10',
        '2022-07-10',
        '2022-09-10',
        '2022-11-10',
        '2023-01-10',
        '2023-03-10',
        '2023-05-10',
      ]),
      heavyFood('2024-01-10', 'H'),
      penalty('2024-02-01', { id: 'REV', status: 'VOID' }),
    ],
    abnormalListings: [{ id: 'A', listedDate: '2024-01-01', reasonText: '未按规定报送年度报告' }],
  });
  const a = run(r, '2024-06-30');

  it('raises the flags', () => {
    expect(a.repeatOffender).toMatchObject({ flag: true, count: 10 });
    expect(a.seriousList.shouldBeListed).toBe(true);
    expect(a.abnormalList.status).toBe('ACTIVE');
  });

  it('has one finding per flag, each with an article and its records, in both languages', () => {
    const byRule = (rule: string) => a.findings.filter((f) => f.rule === rule);
    expect(byRule('r4-repeat-offender')).toHaveLength(1);
    expect(byRule('r5-serious-candidate')).toHaveLength(1);
    expect(byRule('r7-abnormal-list')).toHaveLength(1);
    expect(byRule('r8-serious-list')).toHaveLength(1);
    for (const f of a.findings) {
      expect(f.source.article).toBeTruthy();
      expect(f.recordIds.length).toBeGreaterThan(0);
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en).toMatch(/[a-z]/);
    }
  });

  it('the repeat-offender finding names the excluded records and why, by decision number', () => {
    const f = a.findings.find((x) => x.rule === 'r4-repeat-offender');
    const revoked = r.penalties.find((p) => p.id === 'REV')?.decisionNo ?? '';
    expect(f?.level).toBe('alert');
    expect(f?.message.zh).toContain(`已撤销或确认违法、无效：${revoked}`);
    expect(f?.message.en).toContain(`revoked, illegal or void: ${revoked}`);
    expect(f?.recordIds).toHaveLength(10);
  });

  it('no finding shows an internal id: penalties by decision number, list entries by date', () => {
    for (const f of a.findings) expect(`${f.message.zh} ${f.message.en}`).not.toMatch(/\b(REV|H|A)\b|\bP\d+\b/);
    expect(a.findings.find((x) => x.rule === 'r7-abnormal-list')?.message.zh).toContain('2024-01-01 列入');
    const heavy = r.penalties.find((p) => p.id === 'H')?.decisionNo ?? '';
    expect(a.findings.find((x) => x.rule === 'r8-serious-list')?.message.zh).toContain(`应列未列：${heavy}`);
  });

  it('no repeat-offender finding below the threshold: the count is in the assessment itself', () => {
    const below = run(record({ penalties: penalties(['2024-01-01', '2024-02-01']) }), '2024-06-30');
    expect(below.repeatOffender.count).toBe(2);
    expect(below.findings.filter((f) => f.rule === 'r4-repeat-offender')).toEqual([]);
  });

  it('sorts alerts first', () => {
    const levels = a.findings.map((f) => f.level);
    expect([...levels].sort((x, y) => ['alert', 'warning', 'info'].indexOf(x) - ['alert', 'warning', 'info'].indexOf(y))).toEqual(levels);
  });
});
