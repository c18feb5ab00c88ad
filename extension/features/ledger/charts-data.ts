/**
 * The figures behind the ledger's charts, for the rows the filters leave: entities by status, and penalties by month
 * and by domain from the latest snapshot this computer kept of each entity. The team document holds no penalties, so
 * an entity never seen here contributes none — `seen` and `unseen` say how many that is, and the chart says so.
 * Months run from the first to the last with a penalty, gaps filled with zero, at most the last MAX_MONTHS.
 */
import { CaseStatus, Domain } from '#core';
import type { SeenSummary } from '../../storage/seen.ts';
import type { LedgerRow } from './rows.ts';

export const MAX_MONTHS = 60;

export interface ChartFigures {
  byStatus: Array<{ status: CaseStatus | null; count: number }>;
  /** Months in order, each with a count per domain (Domain.options order). */
  months: string[];
  byMonth: Record<Domain, number[]>;
  byDomain: Array<{ domain: Domain; count: number }>;
  penalties: number;
  seen: number;
  unseen: number;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function chartFigures(rows: readonly LedgerRow[], seen: ReadonlyMap<string, SeenSummary>): ChartFigures {
  const statusCounts = new Map<CaseStatus | null, number>();
  const perMonth = new Map<string, Map<Domain, number>>();
  const perDomain = new Map<Domain, number>();
  let seenCount = 0;
  let penalties = 0;
  for (const row of rows) {
    statusCounts.set(row.entity.status, (statusCounts.get(row.entity.status) ?? 0) + 1);
    const summary = seen.get(row.key);
    if (!summary) continue;
    seenCount++;
    for (const { month, domain } of summary.penalties) {
      penalties++;
      const counts = perMonth.get(month) ?? new Map<Domain, number>();
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
      perMonth.set(month, counts);
      perDomain.set(domain, (perDomain.get(domain) ?? 0) + 1);
    }
  }
  const present = [...perMonth.keys()].sort();
  const months: string[] = [];
  if (present.length > 0) {
    for (let m = present[0]!; m <= present[present.length - 1]!; m = nextMonth(m)) months.push(m);
  }
  const shown = months.slice(-MAX_MONTHS);
  const byMonth = Object.fromEntries(Domain.options.map((d) => [d, shown.map((m) => perMonth.get(m)?.get(d) ?? 0)])) as Record<
    Domain,
    number[]
  >;
  return {
    byStatus: [...CaseStatus.options, null].map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    months: shown,
    byMonth,
    byDomain: Domain.options.map((domain) => ({ domain, count: perDomain.get(domain) ?? 0 })),
    penalties,
    seen: seenCount,
    unseen: rows.length - seenCount,
  };
}
