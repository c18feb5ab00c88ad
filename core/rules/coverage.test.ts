/**
 * Honest verdicts (docs/rules.md "Coverage", "Banners", "Entity kind"): a section the page did not let us read is
 * unknown on every field about it, a banner is an active listing of unknown date, 个体工商户 marks never escalate,
 * cooperatives are not escalated automatically, and a count under the threshold on a partial page is "at least".
 */
import { describe, expect, it } from 'vitest';
import { assessRecord } from '../engine/assess.ts';
import { Assessment } from '../schemas/assessment.ts';
import type { EntityRecord, RecordCompleteness } from '../schemas/record.ts';
import { penalties, penalty, record } from '../test-support/records.ts';

const AS_OF = '2024-06-30';
const UNREAD = { read: 0, total: null, from: 'dom' } as const;
const NONE_STATED = { read: 0, total: 0, from: 'dom' } as const;

function run(r: EntityRecord): Assessment {
  return Assessment.parse(assessRecord(r, { asOf: AS_OF }));
}

function withCompleteness(r: EntityRecord, completeness: RecordCompleteness, extra: Partial<EntityRecord> = {}): EntityRecord {
  return { ...r, completeness, ...extra };
}

const heavyFood = (date: string, id: string) =>
  penalty(date, { id, types: ['ORDER_SUSPENSION'], violationText: '生产经营添加非食用物质的食品' });

describe('coverage', () => {
  it('a record without completeness was read whole, as before', () => {
    const a = run(record({ penalties: penalties(['2024-01-01', '2024-02-01']) }));
    expect(a.coverage).toEqual({
      penalties: { state: 'complete', read: 2, total: 2 },
      abnormal: { state: 'complete', read: 0, total: 0 },
      serious: { state: 'complete', read: 0, total: 0 },
    });
    expect(a.abnormalList.status).toBe('NONE');
    expect(a.seriousList.status).toBe('NOT_LISTED');
    expect(a.repeatOffender).toMatchObject({ status: 'NOT_FLAGGED', atLeast: false });
  });

  it('sections not loaded are unknown: no NONE, no NOT_LISTED, no certain "no", no 应列未列', () => {
    const r = withCompleteness(record({ penalties: [heavyFood('2024-01-10', 'H')] }), {
      penalties: { read: 1, total: 1 },
      abnormal: UNREAD,
      serious: UNREAD,
    });
    const a = run(r);
    expect(a.coverage.abnormal).toEqual({ state: 'unknown', read: 0, total: null });
    expect(a.abnormalList).toMatchObject({ status: 'UNKNOWN', active: false });
    expect(a.seriousList).toMatchObject({ status: 'UNKNOWN', active: false, shouldBeListed: false, candidatePenaltyIds: ['H'] });
    const serious = a.findings.filter((f) => f.rule === 'r8-serious-list');
    expect(serious.map((f) => f.message.zh).join()).not.toContain('应列未列');
    expect(serious.find((f) => f.recordIds.includes('H'))?.message.zh).toContain('是否已列入未知');
    expect(a.findings.find((f) => f.rule === 'r7-abnormal-list')?.message.zh).toContain('是否列入未知');
  });

  it('an explicit empty state (a stated 0) is complete: NONE and NOT_LISTED, and 应列未列 may follow', () => {
    const r = withCompleteness(record({ penalties: [heavyFood('2024-01-10', 'H')] }), {
      penalties: { read: 1, total: 1 },
      abnormal: NONE_STATED,
      serious: NONE_STATED,
    });
    const a = run(r);
    expect(a.abnormalList.status).toBe('NONE');
    expect(a.seriousList).toMatchObject({ status: 'NOT_LISTED', shouldBeListed: true });
  });

  it('partial coverage: an active row stands; only removed rows read is unknown, not NONE', () => {
    const removed = { id: 'A1', listedDate: '2022-01-01', removedDate: '2022-06-01', reasonText: '未按规定报送年度报告' };
    const active = { id: 'A2', listedDate: '2024-01-01', reasonText: '未按规定报送年度报告' };
    const partial = { read: 1, total: 2 };
    expect(run(withCompleteness(record({ abnormalListings: [active] }), { abnormal: partial })).abnormalList.status).toBe('ACTIVE');
    expect(run(withCompleteness(record({ abnormalListings: [removed] }), { abnormal: partial })).abnormalList.status).toBe('UNKNOWN');
    const expired = { id: 'S1', listedDate: '2019-01-01', reasonText: '提供虚假材料' };
    expect(run(withCompleteness(record({ seriousListings: [expired] }), { serious: partial })).seriousList.status).toBe('UNKNOWN');
    expect(run(withCompleteness(record({ seriousListings: [expired] }), { serious: { read: 1, total: 1 } })).seriousList.status).toBe(
      'NOT_LISTED',
    );
  });

  it('rows with no stated total are partial: some were read, not known to be all', () => {
    const a = run(withCompleteness(record({ penalties: penalties(['2024-01-01']) }), { penalties: { read: 1, total: null } }));
    expect(a.coverage.penalties.state).toBe('partial');
  });
});

describe('R4 under partial coverage says "at least", never a certain no', () => {
  it('below the threshold on a partial page: UNKNOWN, atLeast, with a finding saying 至少', () => {
    const r = withCompleteness(record({ penalties: penalties(Array.from({ length: 5 }, (_, i) => `2024-0${i + 1}-01`)) }), {
      penalties: { read: 5, total: 23 },
    });
    const a = run(r);
    expect(a.repeatOffender).toMatchObject({ flag: false, status: 'UNKNOWN', atLeast: true, count: 5 });
    const f = a.findings.find((x) => x.rule === 'r4-repeat-offender');
    expect(f?.message.zh).toContain('至少 5 次');
    expect(f?.message.zh).toContain('已读取 5/23 条');
  });

  it('at or over the threshold on a partial page: flagged, "at least N"', () => {
    const dates = Array.from({ length: 10 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`);
    const a = run(withCompleteness(record({ penalties: penalties(dates) }), { penalties: { read: 10, total: 40 } }));
    expect(a.repeatOffender).toMatchObject({ flag: true, status: 'FLAGGED', atLeast: true });
    expect(a.findings.find((x) => x.rule === 'r4-repeat-offender')?.message.zh).toContain('至少 10 次');
  });

  it('section not loaded at all: UNKNOWN with count 0 as a floor', () => {
    const a = run(withCompleteness(record({}), { penalties: UNREAD }));
    expect(a.repeatOffender).toMatchObject({ flag: false, status: 'UNKNOWN', atLeast: true, count: 0 });
  });
});

describe('banners: the page says the entity is listed', () => {
  const unread = { penalties: UNREAD, abnormal: UNREAD, serious: UNREAD };

  it('该企业被列入经营异常名录和黑名单 with no section read: ACTIVE and LISTED, dates unknown, the banner cited', () => {
    const text = '该企业被列入经营异常名录和黑名单';
    const r = withCompleteness(record({}), unread, {
      banners: [
        { list: 'abnormal', text },
        { list: 'serious', text },
      ],
    });
    const a = run(r);
    expect(a.abnormalList).toMatchObject({ status: 'ACTIVE', active: true, activeListingIds: [], escalatesOn: null });
    expect(a.seriousList).toMatchObject({ status: 'LISTED', active: true, activeListingIds: [], expiresOn: null, earlyRemovalFrom: null });
    const cited = a.findings.filter((f) => f.message.zh.includes(text));
    expect(cited.map((f) => f.rule).sort()).toEqual(['r7-abnormal-list', 'r8-serious-list']);
    expect(cited.find((f) => f.rule === 'r7-abnormal-list')?.message.zh).toContain('无法判断');
    expect(cited.find((f) => f.rule === 'r8-serious-list')?.message.zh).toContain('无法判断');
    expect(a.seriousList.shouldBeListed).toBe(false);
  });

  it("a banner wins over a complete section that shows no active row (the site's own statement)", () => {
    const r = withCompleteness(
      record({}),
      { abnormal: NONE_STATED },
      { banners: [{ list: 'abnormal', text: '该企业已列入经营异常名录' }] },
    );
    expect(run(r).abnormalList.status).toBe('ACTIVE');
  });

  it('an active row with its dates is preferred to the banner, and escalation is computed from it', () => {
    const r = withCompleteness(
      record({ abnormalListings: [{ id: 'A1', listedDate: '2021-01-01', reasonText: '未按规定报送年度报告' }] }),
      { abnormal: { read: 1, total: 1 } },
      { banners: [{ list: 'abnormal', text: '该企业已列入经营异常名录' }] },
    );
    const a = run(r);
    expect(a.abnormalList).toMatchObject({ status: 'ESCALATE_TO_SERIOUS', escalatesOn: '2024-01-02' });
    expect(a.findings.some((f) => f.message.zh.includes('页面提示'))).toBe(false);
  });
});

describe('entity kind (个体工商户 marks, cooperatives)', () => {
  const old = { id: 'A1', listedDate: '2019-07-03', reasonText: '未按规定报送年度报告' };

  it('a 个体工商户 (USCC 92…) is MARKED, never escalated, never 应列未列, and the finding cites its own measures', () => {
    const r: EntityRecord = {
      ...record({ abnormalListings: [old] }),
      entity: { name: '示例县惠民日用百货店', uscc: '92330127MA2J6N1T7U' },
    };
    const a = run(r);
    expect(a.entityKind).toBe('INDIVIDUAL');
    expect(a.abnormalList).toMatchObject({ status: 'MARKED', active: true, escalatesOn: null });
    expect(a.seriousList.shouldBeListed).toBe(false);
    const f = a.findings.find((x) => x.rule === 'r7-abnormal-list');
    expect(f).toMatchObject({ level: 'warning', source: { title: '《个体工商户年度报告暂行办法》' } });
    expect(f?.message.zh).toContain('不因届满3年转入');
  });

  it('a 15-digit 注册号 whose sequence starts with 6–9 is an individual business; 0–5 an enterprise', () => {
    const individual: EntityRecord = { ...record({ abnormalListings: [old] }), entity: { name: '某店', regNo: '411391616090340' } };
    expect(run(individual).entityKind).toBe('INDIVIDUAL');
    const enterprise: EntityRecord = { ...record({ abnormalListings: [old] }), entity: { name: '某公司', regNo: '120224000057628' } };
    expect(run(enterprise)).toMatchObject({ entityKind: 'ENTERPRISE', abnormalList: { status: 'ESCALATE_TO_SERIOUS' } });
  });

  it('a page showing 经营者 (entity.kind) or a MARK row makes it an individual business', () => {
    const byPage: EntityRecord = { ...record({ abnormalListings: [old] }), entity: { name: '某店', kind: 'INDIVIDUAL' } };
    expect(run(byPage).abnormalList.status).toBe('MARKED');
    const byRow: EntityRecord = { ...record({ abnormalListings: [{ ...old, kind: 'MARK' }] }), entity: { name: '某店' } };
    expect(run(byRow)).toMatchObject({ entityKind: 'INDIVIDUAL', abnormalList: { status: 'MARKED' } });
  });

  it('a 农民专业合作社 (93…, or NA in its 注册号) is listed but not escalated automatically; the finding says to check', () => {
    for (const entity of [
      { name: '示例农机专业合作社', uscc: '93330100MA2B3C4D5N' },
      { name: '示例农机专业合作社', regNo: '411303NA000262X' },
    ]) {
      const a = run({ ...record({ abnormalListings: [old] }), entity });
      expect(a).toMatchObject({
        entityKind: 'COOPERATIVE',
        abnormalList: { status: 'ACTIVE', escalatesOn: null },
        seriousList: { shouldBeListed: false },
      });
      expect(a.findings.find((x) => x.rule === 'r7-abnormal-list')?.message.zh).toContain('不自动');
    }
  });

  it('kind unknown (no code, no telling field): treated as an enterprise, and the finding says so', () => {
    const a = run({ ...record({ abnormalListings: [old] }), entity: { name: '某单位' } });
    expect(a).toMatchObject({
      entityKind: 'UNKNOWN',
      abnormalList: { status: 'ESCALATE_TO_SERIOUS' },
      seriousList: { shouldBeListed: true },
    });
    expect(a.findings.find((x) => x.rule === 'r7-abnormal-list')?.message.zh).toContain('按企业处理');
  });
});

describe("a listing's basis found by decision number", () => {
  const heavy = (id: string, decisionNo: string) =>
    penalty('2024-01-10', { id, decisionNo, types: ['ORDER_SUSPENSION'], violationText: '生产经营添加非食用物质的食品' });

  it("a penalty whose number stands in the listing's reason (brackets, widths and spaces aside) is no candidate", () => {
    const r = record({
      penalties: [heavy('B', '示市监罚〔2024〕12号'), heavy('C', '示市监罚〔2024〕13号')],
      seriousListings: [
        { id: 'S1', listedDate: '2024-02-01', reasonText: '因示市监罚［２０２４］ 12号行政处罚决定，列入严重违法失信名单' },
      ],
    });
    const a = run({ ...r, completeness: { serious: { read: 1, total: 1 } } });
    expect(a.penalties.find((p) => p.id === 'B')?.seriousListCandidate).toBe(false);
    expect(a.penalties.find((p) => p.id === 'C')?.seriousListCandidate).toBe(true);
    expect(a.seriousList.status).toBe('LISTED');
  });

  it('a listing whose only basis (by number) was revoked falls with it; given penaltyIds win over the text', () => {
    const revoked = { ...heavy('B', '示市监罚（2024）12号'), status: 'REVOKED' as const };
    const listing = { id: 'S1', listedDate: '2024-02-01', reasonText: '依据示市监罚〔2024〕12号列入' };
    expect(run(record({ penalties: [revoked], seriousListings: [listing] })).seriousList.status).toBe('NOT_LISTED');
    const given = { ...listing, penaltyIds: [] };
    expect(run(record({ penalties: [revoked], seriousListings: [given] })).seriousList.status).toBe('LISTED');
  });
});
