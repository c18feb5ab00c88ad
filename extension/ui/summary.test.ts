/** One summary for every surface: the window count, the statuses from the assessment's own coverage, and the badge. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, assessRecord, type Banner, type EntityRecord, type RecordCompleteness } from '#core';
import { abnormalVerdict, badgeOf, keyFacts, seriousVerdict, summarize, type SeriousView, type Summary } from './summary.ts';

const AS_OF = '2026-11-30';
const penalty = (id: string, decisionDate: string, content = '罚款人民币5,000元') => ({
  id,
  decisionNo: `示市监罚〔${decisionDate.slice(0, 4)}〕${id}号`,
  decisionDate,
  authority: '示例市市场监督管理局',
  content,
  violationText: '销售超过保质期的食品',
});
const record = (penalties: EntityRecord['penalties'], completeness?: RecordCompleteness, banners?: Banner[]): EntityRecord => ({
  entity: { name: '示例市测试食品有限公司', uscc: '91330100MA2B3C4D5N' },
  penalties,
  abnormalListings: [],
  seriousListings: [],
  ...(completeness ? { completeness } : {}),
  ...(banners ? { banners } : {}),
});
const summaryOf = (r: EntityRecord) => {
  const a = assessRecord(r, { asOf: AS_OF });
  return { a, s: summarize(r, a) };
};
/** Nothing of the section on the page: no row, no count. */
const NOT_LOADED = { read: 0, total: null, from: 'dom' } as const;
const CLEAN_WORDS = ['overlay_serious_none', 'overlay_abnormal_NONE', 'overlay_repeat_no'];

describe('summarize', () => {
  it('counts penalties decided in the window, the anniversary day inside it, and groups them by domain', () => {
    const { s } = summaryOf(record([penalty('1', '2023-11-30'), penalty('2', '2023-11-29'), penalty('3', '2026-01-05')]));
    expect(s.penaltiesInWindow).toEqual({ total: 2, windowYears: 3, byDomain: [{ domain: 'FOOD', count: 2 }], read: 'complete' });
    expect(s.serious).toEqual({ key: 'overlay_serious_none', subs: [], tone: 'ok' });
    expect(s.repeat).toEqual({ key: 'overlay_repeat_no', subs: [2, 10], tone: 'ok' });
  });

  it('follows the settings: a 1-year window and a threshold of 2', () => {
    const r = record([penalty('1', '2026-03-01'), penalty('2', '2026-06-01'), penalty('3', '2024-01-01')]);
    const settings = { ...DEFAULT_SETTINGS, repeatOffenderWindowYears: 1, repeatOffenderThreshold: 2 };
    const s = summarize(r, assessRecord(r, { asOf: AS_OF, settings }), settings);
    expect(s.penaltiesInWindow.total).toBe(2);
    expect(s.repeat).toEqual({ key: 'overlay_repeat_yes', subs: [2, 2], tone: 'alert' });
  });

  it('keeps each section\u2019s coverage on its own, never added up', () => {
    const { s } = summaryOf(
      record([penalty('1', '2026-03-01')], {
        penalties: { read: 5, total: 23, from: 'dom' },
        abnormal: { read: 0, total: 0, from: 'dom' },
        serious: NOT_LOADED,
      }),
    );
    expect(s.coverage).toEqual({
      penalties: { state: 'partial', read: 5, total: 23 },
      abnormal: { state: 'complete', read: 0, total: 0 },
      serious: { state: 'unknown', read: 0, total: null },
    });
  });

  it('says 未知（页面未载入） for every section of a page that showed none of them, never 未列入 or 否', () => {
    const { s } = summaryOf(record([], { penalties: NOT_LOADED, abnormal: NOT_LOADED, serious: NOT_LOADED }));
    expect(s.serious).toEqual({ key: 'status_unknown_unloaded', subs: [], tone: 'unknown' });
    expect(s.abnormal).toEqual({ key: 'status_unknown_unloaded', subs: [], tone: 'unknown' });
    expect(s.repeat).toEqual({ key: 'status_unknown_unloaded', subs: [], tone: 'unknown' });
    expect(s.penaltiesInWindow.read).toBe('unknown');
    for (const v of [s.serious, s.abnormal, s.repeat]) expect(CLEAN_WORDS).not.toContain(v.key);
  });

  it('says 未知（页面仅部分载入） and 至少 N when only part of a section was read', () => {
    const { s } = summaryOf(
      record([penalty('1', '2026-03-01'), penalty('2', '2026-04-01')], {
        penalties: { read: 2, total: 23, from: 'dom' },
        abnormal: { read: 0, total: 0, from: 'dom' },
        serious: { read: 0, total: 0, from: 'dom' },
      }),
    );
    expect(s.repeat).toEqual({ key: 'overlay_repeat_unknown_at_least', subs: [2, 10], tone: 'unknown' });
    expect(s.penaltiesInWindow).toMatchObject({ total: 2, read: 'partial' });
    expect(s.serious.key).toBe('overlay_serious_none');
  });

  it('says a listing the page only states in its banner is listed, dates unknown; a 个体工商户 mark is its own state', () => {
    const serious = summaryOf(record([], { serious: NOT_LOADED }, [{ list: 'serious', text: '该企业已被列入严重违法失信名单' }])).s;
    expect(serious.serious).toEqual({ key: 'overlay_serious_listed_banner', subs: [], tone: 'alert' });
    const marked = summaryOf({
      ...record([]),
      entity: { name: '示例县惠民日用百货店', uscc: '92330100MA2B3C4D5X', kind: 'INDIVIDUAL' },
      abnormalListings: [{ id: 'A1', listedDate: '2025-07-01', kind: 'MARK' }],
    }).s;
    expect(marked.abnormal).toEqual({ key: 'overlay_abnormal_MARKED', subs: [], tone: 'warning' });
  });
});

describe('badgeOf', () => {
  it('says should-be-listed before abnormal, and the count otherwise', () => {
    const heavy = summaryOf(record([penalty('1', '2026-03-01', '责令停产停业三个月')]));
    expect(badgeOf(heavy.a, heavy.s)).toEqual({ tone: 'serious', key: 'badge_due' });
    const light = summaryOf(record([penalty('1', '2026-03-01'), penalty('2', '2026-04-01')]));
    expect(badgeOf(light.a, light.s)).toEqual({ tone: 'count', count: 2, atLeast: false });
  });

  it('is unknown, never a count of 0, when a section was not read', () => {
    for (const unread of [{ penalties: NOT_LOADED }, { abnormal: NOT_LOADED }, { serious: NOT_LOADED }]) {
      const { a, s } = summaryOf(record([], unread));
      expect(badgeOf(a, s), JSON.stringify(unread)).toEqual({ tone: 'unknown' });
    }
  });

  it('is a lower bound when the penalty section was read in part', () => {
    const { a, s } = summaryOf(record([penalty('1', '2026-03-01')], { penalties: { read: 1, total: 9, from: 'dom' } }));
    expect(badgeOf(a, s)).toEqual({ tone: 'count', count: 1, atLeast: true });
  });

  it('still says 失信 when the page\u2019s banner says so, whatever else was not read', () => {
    const { a, s } = summaryOf(
      record([], { penalties: NOT_LOADED, abnormal: NOT_LOADED, serious: NOT_LOADED }, [
        { list: 'serious', text: '该企业已被列入严重违法失信名单' },
      ]),
    );
    expect(badgeOf(a, s)).toEqual({ tone: 'serious', key: 'badge_listed' });
  });
});

describe('keyFacts (the folded panel\u2019s tab)', () => {
  const fact = (v: { key: string; subs: unknown[]; tone: string }) => [v.key, ...v.subs, v.tone].join(' ');

  it('has a short word for every serious-list view, and 未知 for both unknown ones', () => {
    const views: Record<SeriousView, string> = {
      listed: 'tab_listed alert',
      'listed-banner': 'tab_listed alert',
      due: 'tab_due alert',
      none: 'tab_none ok',
      unknown: 'tab_unknown unknown',
      partial: 'tab_unknown unknown',
    };
    const { s } = summaryOf(record([]));
    for (const [view, word] of Object.entries(views)) {
      expect(fact(keyFacts({ ...s, serious: seriousVerdict(view as SeriousView) }).serious), view).toBe(word);
    }
  });

  it('has a short word for every abnormal state, 已标记 for a 个体工商户 mark', () => {
    const { a, s } = summaryOf(record([]));
    const cases: Array<[Summary['abnormal'], string]> = [
      [abnormalVerdict(a), 'tab_none ok'],
      [{ key: 'overlay_abnormal_ACTIVE', subs: [], tone: 'warning' }, 'tab_listed warning'],
      [{ key: 'overlay_abnormal_ACTIVE_banner', subs: [], tone: 'warning' }, 'tab_listed warning'],
      [{ key: 'overlay_abnormal_WARNING_60D', subs: [], tone: 'warning' }, 'tab_listed warning'],
      [{ key: 'overlay_abnormal_ESCALATE_TO_SERIOUS', subs: [], tone: 'warning' }, 'tab_listed warning'],
      [{ key: 'overlay_abnormal_MARKED', subs: [], tone: 'warning' }, 'tab_marked warning'],
      [{ key: 'overlay_abnormal_MARKED_banner', subs: [], tone: 'warning' }, 'tab_marked warning'],
      [{ key: 'status_unknown_partial', subs: [], tone: 'unknown' }, 'tab_unknown unknown'],
    ];
    for (const [abnormal, word] of cases) expect(fact(keyFacts({ ...s, abnormal }).abnormal), abnormal.key).toBe(word);
  });

  it('counts the window\u2019s penalties: N, at least N when read in part, 未知 when not read — never 0 for unread', () => {
    expect(fact(keyFacts(summaryOf(record([])).s).penalties)).toBe('tab_count 0 ok');
    expect(fact(keyFacts(summaryOf(record([penalty('1', '2026-03-01'), penalty('2', '2020-01-01')])).s).penalties)).toBe(
      'tab_count 1 warning',
    );
    const partial = summaryOf(record([penalty('1', '2026-03-01')], { penalties: { read: 1, total: 9, from: 'dom' } })).s;
    expect(fact(keyFacts(partial).penalties)).toBe('tab_count_at_least 1 unknown');
    expect(fact(keyFacts(summaryOf(record([], { penalties: NOT_LOADED })).s).penalties)).toBe('tab_unknown unknown');
    const repeat = Array.from({ length: 10 }, (_, i) => penalty(String(i), `2026-0${(i % 9) + 1}-01`));
    expect(fact(keyFacts(summaryOf(record(repeat)).s).penalties)).toBe('tab_count 10 alert');
  });

  it('is all 未知 on a page that showed no section', () => {
    const { s } = summaryOf(record([], { penalties: NOT_LOADED, abnormal: NOT_LOADED, serious: NOT_LOADED }));
    expect(Object.values(keyFacts(s)).map((v) => v.key)).toEqual(['tab_unknown', 'tab_unknown', 'tab_unknown']);
  });
});
