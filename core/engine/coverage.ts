/**
 * How much of each section the record's page let us read (docs/rules.md "Coverage"). A record without
 * completeness was read whole (records written by hand or by other tools). A section with no row and no count
 * is unknown, never empty: only the page's own "none" (a stated 0) makes it empty.
 */
import type { Coverage, SectionCoverage } from '../schemas/assessment.ts';
import type { EntityRecord, RecordCompleteness } from '../schemas/record.ts';

type Section = NonNullable<RecordCompleteness['penalties']>;

export function sectionCoverage(section: Section | undefined, rows: number): SectionCoverage {
  if (!section) return { state: 'complete', read: rows, total: rows };
  const { read, total } = section;
  if (total === null) return { state: read > 0 ? 'partial' : 'unknown', read, total };
  return { state: read >= total ? 'complete' : 'partial', read, total };
}

export function coverageOf(record: EntityRecord): Coverage {
  const c = record.completeness;
  return {
    penalties: sectionCoverage(c?.penalties, record.penalties.length),
    abnormal: sectionCoverage(c?.abnormal, record.abnormalListings.length),
    serious: sectionCoverage(c?.serious, record.seriousListings.length),
  };
}
