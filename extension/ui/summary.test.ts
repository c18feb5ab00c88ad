/** One summary for every surface: the window count, the serious status, what was read, and the badge. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, assessRecord, type Completeness, type EntityRecord } from '#core';
import { badgeOf, summarize } from './summary.ts';

const AS_OF = '2026-11-30';
const penalty = (id: string, decisionDate: string, content = '罚款人民币5,000元') => ({
  id, decisionNo: `示市监罚〔${decisionDate.slice(0, 4)}〕${id}号`, decisionDate, authority: '示例市市场监督管理局', content,
  violationText: '销售超过保质期的食品',
});
const record = (penalties: EntityRecord['penalties']): EntityRecord => ({
  entity: { name: '示例市测试食品有限公司', uscc: '91330100MA2B3C4D5N' }, penalties, abnormalListings: [], seriousListings: [],
});

describe('summarize', () => {
  it('counts penalties decided in the window, the anniversary day inside it, and groups them by domain', () => {
    const r = record([penalty('1', '2023-11-30'), penalty('2', '2023-11-29'), penalty('3', '2026-01-05')]);
    const s = summarize(r, assessRecord(r, { asOf: AS_OF }), null);
    expect(s.penaltiesInWindow).toEqual({ total: 2, windowYears: 3, byDomain: [{ domain: 'FOOD', count: 2 }] });
    expect(s.serious).toBe('none');
    expect(s.repeat).toEqual({ flag: false, count: 2, threshold: 10 });
  });

  it('follows the settings: a 1-year window and a threshold of 2', () => {
    const r = record([penalty('1', '2026-03-01'), penalty('2', '2026-06-01'), penalty('3', '2024-01-01')]);
    const settings = { ...DEFAULT_SETTINGS, repeatOffenderWindowYears: 1, repeatOffenderThreshold: 2 };
    const s = summarize(r, assessRecord(r, { asOf: AS_OF, settings }), null, settings);
    expect(s.penaltiesInWindow.total).toBe(2);
    expect(s.repeat).toEqual({ flag: true, count: 2, threshold: 2 });
  });

  it('is complete only when every section states a total and all of it was read', () => {
    const r = record([penalty('1', '2026-03-01')]);
    const a = assessRecord(r, { asOf: AS_OF });
    const c = (pen: [number, number | null]): Completeness => ({
      penalties: { read: pen[0], total: pen[1], from: 'json' }, abnormal: { read: 0, total: 0, from: 'dom' }, serious: { read: 0, total: 0, from: 'dom' },
    });
    expect(summarize(r, a, c([23, 23])).read).toEqual({ read: 23, total: 23, complete: true });
    expect(summarize(r, a, c([5, 23])).read).toEqual({ read: 5, total: 23, complete: false });
    expect(summarize(r, a, c([3, null])).read).toEqual({ read: 3, total: null, complete: false });
    expect(summarize(r, a, null).read).toEqual({ read: 1, total: null, complete: false });
  });
});

describe('badgeOf', () => {
  it('says should-be-listed before abnormal, and the count otherwise', () => {
    const heavy = record([penalty('1', '2026-03-01', '责令停产停业三个月')]);
    expect(badgeOf(summarize(heavy, assessRecord(heavy, { asOf: AS_OF }), null))).toEqual({ tone: 'serious', key: 'badge_due', count: 0 });
    const light = record([penalty('1', '2026-03-01'), penalty('2', '2026-04-01')]);
    expect(badgeOf(summarize(light, assessRecord(light, { asOf: AS_OF }), null))).toEqual({ tone: 'count', key: null, count: 2 });
  });
});
