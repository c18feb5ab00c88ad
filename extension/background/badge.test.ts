/** The toolbar badge says the same as the overlay: 失信 / 应列 in red, 异常 in orange, else the window's count. */
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

  it('shows 应列 when penalties call for the serious list but it is not listed', () => {
    const listed = ENTITIES.listed.record;
    const record: EntityRecord = { ...listed, seriousListings: [] };
    expect(badgeFor(seen(record), DEFAULT_SETTINGS).text).toBe('应列');
  });
});
