/**
 * The 工作情况表 of a period, from the team document: one function, so the ledger page's preview, its XLSX and CSV,
 * and the server's report endpoint give the same figures. Both ends of the period count. Records that do not parse
 * are skipped — shown as invalid in the ledger, they never fail the report. An entity without a domain is counted
 * under 其他 (OTHER): the notice's table (REPORT_DOMAINS) has no row for "unclassified", and leaving it out would
 * undercount.
 */
import { REPORT_DOMAINS } from '../data/report-domains.ts';
import type { Domain } from '../schemas/assessment.ts';
import type { TeamEntity } from '../schemas/team.ts';
import type { WorkReport, WorkReportCounts } from '../schemas/work-report.ts';
import type { TeamRead } from './entities-doc.ts';

const zero = (): WorkReportCounts => ({ listed: 0, repeatOffendersPublicized: 0, typicalCases: 0 });

/** ISO dates compare as strings. */
const within = (date: string | null, from: string, to: string): boolean => date !== null && date >= from && date <= to;

/** One thing the report counts: which entity, under which domain, in which column. */
interface Counted {
  key: string;
  domain: Domain;
  field: keyof WorkReportCounts;
}

/** Everything counted in the period, one item per unit the report adds: the figures and the drill-down share it. */
function countedItems(reads: readonly TeamRead[], { from, to }: { from: string; to: string }): Counted[] {
  const items: Counted[] = [];
  for (const read of reads) {
    if (!read.ok) continue;
    const entity: TeamEntity = read.value;
    const add = (domain: Domain | null, field: keyof WorkReportCounts) => items.push({ key: read.key, domain: domain ?? 'OTHER', field });
    for (const listing of entity.listings) if (within(listing.decidedOn, from, to)) add(listing.domain, 'listed');
    if (within(entity.repeatOffenderPublicizedOn, from, to)) add(entity.domain, 'repeatOffendersPublicized');
    if (within(entity.typicalCaseExposedOn, from, to)) add(entity.domain, 'typicalCases');
  }
  return items;
}

export function workReport(reads: readonly TeamRead[], period: { from: string; to: string }): WorkReport {
  const { from, to } = period;
  const counts = new Map<Domain, WorkReportCounts>(REPORT_DOMAINS.map(({ domain }) => [domain, zero()]));
  for (const { domain, field } of countedItems(reads, period)) counts.get(domain)![field]++;
  const rows = REPORT_DOMAINS.map(({ domain }) => ({ domain, ...counts.get(domain)! }));
  const total = rows.reduce(
    (sum, row) => ({
      listed: sum.listed + row.listed,
      repeatOffendersPublicized: sum.repeatOffendersPublicized + row.repeatOffendersPublicized,
      typicalCases: sum.typicalCases + row.typicalCases,
    }),
    zero(),
  );
  return { from, to, rows, total };
}

/** One number of the table: a domain's row (null: the 合计 row) and a column. */
export interface ReportCell {
  domain: Domain | null;
  field: keyof WorkReportCounts;
}

/**
 * The entities behind one number of the report, by key, each once (two decisions of one entity are two 件 but one
 * entity to open), in key order.
 */
export function reportEntityKeys(reads: readonly TeamRead[], period: { from: string; to: string }, cell: ReportCell): string[] {
  const keys = new Set<string>();
  for (const item of countedItems(reads, period)) {
    if (item.field === cell.field && (cell.domain === null || item.domain === cell.domain)) keys.add(item.key);
  }
  return [...keys].sort();
}
