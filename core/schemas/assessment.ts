/**
 * The assessment: what every surface shows for a record on an as-of date. Public contract (README "Assessment").
 * Findings explain every flag raised, in Chinese and English, with the legal source and the records behind it.
 */
import * as z from 'zod';
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
  'outside-window', 'revoked', 'repaired', 'duplicate-decision', 'warning-only', 'not-samr', 'not-published',
]);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

export const AbnormalStatus = z.enum(['NONE', 'ACTIVE', 'WARNING_60D', 'ESCALATE_TO_SERIOUS']);
export type AbnormalStatus = z.infer<typeof AbnormalStatus>;

export const FindingLevel = z.enum(['info', 'warning', 'alert']);
export type FindingLevel = z.infer<typeof FindingLevel>;

export const LocalText = z.strictObject({ zh: z.string(), en: z.string() });
export type LocalText = z.infer<typeof LocalText>;

export const LegalSource = z.strictObject({ title: z.string(), article: z.string().optional() });
export type LegalSource = z.infer<typeof LegalSource>;

export const Finding = z.strictObject({
  rule: z.string(),
  level: FindingLevel,
  message: LocalText,
  source: LegalSource,
  recordIds: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

const NullableDate = IsoDateString.nullable();

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
  penalties: z.array(AssessedPenalty),
  repeatOffender: z.strictObject({
    flag: z.boolean(),
    count: z.number().int().nonnegative(),
    counted: z.array(z.string()),
    excluded: z.array(z.strictObject({ id: z.string(), reason: ExclusionReason })),
  }),
  seriousList: z.strictObject({
    active: z.boolean(),
    activeListingIds: z.array(z.string()),
    expiresOn: NullableDate,
    earlyRemovalEligible: z.boolean(),
    earlyRemovalFrom: NullableDate,
    shouldBeListed: z.boolean(),
    candidatePenaltyIds: z.array(z.string()),
  }),
  abnormalList: z.strictObject({
    active: z.boolean(),
    status: AbnormalStatus,
    activeListingIds: z.array(z.string()),
    escalatesOn: NullableDate,
  }),
  findings: z.array(Finding),
});
export type Assessment = z.infer<typeof Assessment>;
