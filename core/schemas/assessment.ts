/**
 * The assessment: what every surface shows for a record on an as-of date. Public contract (docs/contract.md).
 * Findings explain every flag raised, in Chinese and English, with the legal source and the records behind it.
 */
import * as z from 'zod/mini';
import { IsoDateString } from './date.ts';
import { PenaltyType } from './record.ts';

/** The six supervisory domains of the special action's 工作情况表, in its order. */
export const Domain = z.enum(['FOOD', 'DRUG_DEVICE_COSMETIC', 'QUALITY', 'CONSUMER', 'COMPETITION_ORDER', 'OTHER']);
export type Domain = z.infer<typeof Domain>;

export const Severity = z.enum(['LIGHT', 'GENERAL', 'HEAVY']);
export type Severity = z.infer<typeof Severity>;

export const RepairStatus = z.enum(['NOT_REPAIRABLE', 'NOT_APPLICABLE', 'NOT_YET', 'ELIGIBLE', 'NOT_ELIGIBLE']);
export type RepairStatus = z.infer<typeof RepairStatus>;

export const ExclusionReason = z.enum([
  'outside-window',
  'revoked',
  'repaired',
  'duplicate-decision',
  'warning-only',
  'not-samr',
  'not-published',
]);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

/**
 * MARKED: a 个体工商户 marked 经营异常状态 (it is not put on the list, and the mark never escalates). UNKNOWN: the
 * section was not read, no row was found and no banner says otherwise.
 */
export const AbnormalStatus = z.enum(['NONE', 'ACTIVE', 'MARKED', 'WARNING_60D', 'ESCALATE_TO_SERIOUS', 'UNKNOWN']);
export type AbnormalStatus = z.infer<typeof AbnormalStatus>;

export const FindingLevel = z.enum(['info', 'warning', 'alert']);
export type FindingLevel = z.infer<typeof FindingLevel>;

export const LocalText = z.strictObject({ zh: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const LegalSource = z.strictObject({ title: z.string(), article: z.optional(z.string()) });
export type LegalSource = z.infer<typeof LegalSource>;

export const Finding = z.strictObject({
  rule: z.string(),
  level: FindingLevel,
  message: LocalText,
  source: LegalSource,
  recordIds: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

const NullableDate = z.nullable(IsoDateString);

export const SeriousStatus = z.enum(['LISTED', 'NOT_LISTED', 'UNKNOWN']);
export type SeriousStatus = z.infer<typeof SeriousStatus>;

/** FLAGGED / NOT_FLAGGED are certain; UNKNOWN: under the threshold, but the page did not let us read every penalty. */
export const RepeatStatus = z.enum(['FLAGGED', 'NOT_FLAGGED', 'UNKNOWN']);
export type RepeatStatus = z.infer<typeof RepeatStatus>;

/** complete: every row the page has was read (or it says there are none); partial: some; unknown: nothing to go on. */
export const CoverageState = z.enum(['complete', 'partial', 'unknown']);
export type CoverageState = z.infer<typeof CoverageState>;

export const SectionCoverage = z.strictObject({
  state: CoverageState,
  read: z.number().check(z.int(), z.nonnegative()),
  /** The page's own count; null when it states none. */
  total: z.nullable(z.number().check(z.int(), z.nonnegative())),
});
export type SectionCoverage = z.infer<typeof SectionCoverage>;

export const Coverage = z.strictObject({ penalties: SectionCoverage, abnormal: SectionCoverage, serious: SectionCoverage });
export type Coverage = z.infer<typeof Coverage>;

/** The kind the rules treated the entity as; UNKNOWN is treated as an enterprise, and the findings say so. */
export const AssessedEntityKind = z.enum(['ENTERPRISE', 'INDIVIDUAL', 'COOPERATIVE', 'UNKNOWN']);
export type AssessedEntityKind = z.infer<typeof AssessedEntityKind>;

export const AssessedPenalty = z.strictObject({
  id: z.string(),
  /** Derived from the content when the record gave none. */
  types: z.array(PenaltyType),
  isSamr: z.boolean(),
  severity: Severity,
  domain: Domain,
  domainAmbiguous: z.boolean(),
  published: z.boolean(),
  publishedUntil: NullableDate,
  repair: RepairStatus,
  repairFrom: NullableDate,
  seriousListCandidate: z.boolean(),
});
export type AssessedPenalty = z.infer<typeof AssessedPenalty>;

export const Assessment = z.strictObject({
  asOf: IsoDateString,
  entityKind: AssessedEntityKind,
  coverage: Coverage,
  penalties: z.array(AssessedPenalty),
  repeatOffender: z.strictObject({
    flag: z.boolean(),
    status: RepeatStatus,
    /** The count is a lower bound: the page did not show every penalty. */
    atLeast: z.boolean(),
    count: z.number().check(z.int(), z.nonnegative()),
    counted: z.array(z.string()),
    excluded: z.array(z.strictObject({ id: z.string(), reason: ExclusionReason })),
  }),
  seriousList: z.strictObject({
    status: SeriousStatus,
    /** True only when known to be listed (rows or the page's banner); read `status` for unknown. */
    active: z.boolean(),
    activeListingIds: z.array(z.string()),
    expiresOn: NullableDate,
    earlyRemovalEligible: z.boolean(),
    earlyRemovalFrom: NullableDate,
    shouldBeListed: z.boolean(),
    candidatePenaltyIds: z.array(z.string()),
  }),
  abnormalList: z.strictObject({
    /** True only when known to be listed or marked; read `status` for unknown. */
    active: z.boolean(),
    status: AbnormalStatus,
    activeListingIds: z.array(z.string()),
    escalatesOn: NullableDate,
  }),
  findings: z.array(Finding),
});
export type Assessment = z.infer<typeof Assessment>;
