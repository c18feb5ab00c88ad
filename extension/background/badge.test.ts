/**
 * The toolbar badge says the same as the overlay: 失信 / 应列 in red, 异常 in orange, a grey "?" when a section was not
 * read, else the window's count — green only for a certain 0.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, assessRecord, type EntityRecord } from '#core';
import { ENTITIES } from '../../test/sim-site/entities.ts';
import { badgeFor } from './badge.ts';

const AS_OF = '2026-11-30';
const seen = (record: EntityRecord) => ({ record, assessment: assessRecord(record, { asOf: AS_OF }) });

describe('badgeFor', () => {
  it('shows 失信 in red for a listed entity', () => {
    expect(badgeFor(seen(ENTITIES.listed.record), DEFAULT_SETTINGS)).toEqual({ text: '失信', color: '#b5161c' });
  });

  it('shows 异常 in orange for an entity on the abnormal list only', () => {
    const listing = ENTITIES.individual.record.abnormalListings.find((a) => !a.removedDate);
    expect(listing).toBeDefined();
    // Listed this year: not yet three years, so not due for the serious list.
    const record: EntityRecord = { ...ENTITIES.clean.record, abnormalListings: [{ ...listing!, listedDate: '2026-03-02' }] };
    expect(badgeFor(seen(record), DEFAULT_SETTINGS)).toEqual({ text: '异常', color: '#d46b08' });
  });

  it('shows 0 in green for a clean entity', () => {
    expect(badgeFor(seen(ENTITIES.clean.record), DEFAULT_SETTINGS)).toEqual({ text: '0', color: '#2b7a0b' });
  });

  it('shows a grey ? after a read that showed no section, never a green 0', () => {
    const unread = { read: 0, total: null } as const;
    const record: EntityRecord = { ...ENTITIES.clean.record, completeness: { penalties: unread, abnormal: unread, serious: unread } };
    expect(badgeFor(seen(record), DEFAULT_SETTINGS)).toEqual({ text: '?', color: '#8c8c8c' });
    // One section not read is enough: the 0 would claim what was not seen.
    const onlySerious: EntityRecord = { ...ENTITIES.clean.record, completeness: { serious: unread } };
    expect(badgeFor(seen(onlySerious), DEFAULT_SETTINGS)).toEqual({ text: '?', color: '#8c8c8c' });
  });

  it('shows the count as a lower bound, in grey, when the penalties were read in part', () => {
    const listed = ENTITIES.listed.record;
    const record: EntityRecord = {
      ...ENTITIES.clean.record,
      penalties: listed.penalties.slice(0, 1).map((p) => ({ ...p, content: '罚款人民币5,000元', decisionDate: '2026-03-01' })),
      completeness: { penalties: { read: 1, total: 9 } },
    };
    expect(badgeFor(seen(record), DEFAULT_SETTINGS)).toEqual({ text: '1+', color: '#5b6475' });
  });

  it('shows 应列 when penalties call for the serious list but it is not listed', () => {
    const listed = ENTITIES.listed.record;
    const record: EntityRecord = { ...listed, seriousListings: [] };
    expect(badgeFor(seen(record), DEFAULT_SETTINGS).text).toBe('应列');
  });
});
