/** The charts' figures: statuses of the filtered rows; penalties by month (gaps filled) and domain from local snapshots only. */
import { describe, expect, it } from 'vitest';
import type { SeenSummary } from '../../storage/seen.ts';
import { chartFigures, MAX_MONTHS } from './charts-data.ts';
import { ledgerRow } from './rows.ts';

const entity = (status: 'clue' | 'listed' | null) => ({
  name: '主体',
  uscc: null,
  legalRepresentative: null,
  status,
  domain: null,
  assignee: null,
  tags: [],
  notes: [],
  listings: [],
  repeatOffenderPublicizedOn: null,
  typicalCaseExposedOn: null,
  updatedAt: '2026-11-30T01:00:00.000Z',
  updatedBy: 'li',
});
const seen = (key: string, penalties: SeenSummary['penalties']): SeenSummary => ({
  entityKey: key,
  observedAt: '2026-11-30T01:00:00.000Z',
  url: 'https://www.gsxt.gov.cn/x',
  site: 'gsxt-gov-cn',
  serious: 'none',
  penalties,
});

describe('chartFigures', () => {
  it('counts statuses, and penalties by month and domain of the entities seen here', () => {
    const rows = [ledgerRow('name:a', entity('clue')), ledgerRow('name:b', entity('clue')), ledgerRow('name:c', entity(null))];
    const figures = chartFigures(
      rows,
      new Map([
        [
          'name:a',
          seen('name:a', [
            { month: '2025-11', domain: 'FOOD' },
            { month: '2026-02', domain: 'FOOD' },
            { month: '2026-02', domain: 'QUALITY' },
          ]),
        ],
        ['name:z', seen('name:z', [{ month: '2020-01', domain: 'OTHER' }])],
      ]),
    );
    expect(figures.byStatus).toEqual([
      { status: 'clue', count: 2 },
      { status: 'verifying', count: 0 },
      { status: 'case-filed', count: 0 },
      { status: 'listed', count: 0 },
      { status: 'dismissed', count: 0 },
      { status: null, count: 1 },
    ]);
    expect(figures.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(figures.byMonth.FOOD).toEqual([1, 0, 0, 1]);
    expect(figures.byMonth.QUALITY).toEqual([0, 0, 0, 1]);
    expect(figures.byDomain.find((d) => d.domain === 'FOOD')?.count).toBe(2);
    expect(figures).toMatchObject({ penalties: 3, seen: 1, unseen: 2 });
  });

  it('shows at most the last MAX_MONTHS months', () => {
    const figures = chartFigures(
      [ledgerRow('name:a', entity('listed'))],
      new Map([
        [
          'name:a',
          seen('name:a', [
            { month: '2010-01', domain: 'FOOD' },
            { month: '2026-06', domain: 'FOOD' },
          ]),
        ],
      ]),
    );
    expect(figures.months).toHaveLength(MAX_MONTHS);
    expect(figures.months.at(-1)).toBe('2026-06');
    expect(figures.months[0]).toBe('2021-07');
  });
});
