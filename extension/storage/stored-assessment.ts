/**
 * A snapshot's assessment as stored. Those stored before the assessment carried its coverage (and the statuses that
 * follow from it) were made from records read whole, so they read as they did then: every section complete, the
 * statuses those of a whole reading (listed / not listed, flagged / not flagged).
 */
import * as z from 'zod/mini';
import { AssessedEntityKind, Assessment, Coverage, RepeatStatus, SeriousStatus, type EntityRecord, type SectionCoverage } from '#core';

const { repeatOffender, seriousList } = Assessment.shape;

/** The assessment with the fields added since snapshots were first stored optional. */
export const StoredAssessment = z.extend(Assessment, {
  entityKind: z.optional(AssessedEntityKind),
  coverage: z.optional(Coverage),
  repeatOffender: z.extend(repeatOffender, { status: z.optional(RepeatStatus), atLeast: z.optional(z.boolean()) }),
  seriousList: z.extend(seriousList, { status: z.optional(SeriousStatus) }),
});
export type StoredAssessment = z.infer<typeof StoredAssessment>;

const whole = (rows: number): SectionCoverage => ({ state: 'complete', read: rows, total: rows });

/** The whole assessment: a current one as it is, an old one completed as it was read then. */
export function wholeAssessment(a: StoredAssessment, record: EntityRecord): Assessment {
  return {
    ...a,
    entityKind: a.entityKind ?? 'UNKNOWN',
    coverage: a.coverage ?? {
      penalties: whole(record.penalties.length),
      abnormal: whole(record.abnormalListings.length),
      serious: whole(record.seriousListings.length),
    },
    repeatOffender: {
      ...a.repeatOffender,
      status: a.repeatOffender.status ?? (a.repeatOffender.flag ? 'FLAGGED' : 'NOT_FLAGGED'),
      atLeast: a.repeatOffender.atLeast ?? false,
    },
    seriousList: { ...a.seriousList, status: a.seriousList.status ?? (a.seriousList.active ? 'LISTED' : 'NOT_LISTED') },
  };
}
