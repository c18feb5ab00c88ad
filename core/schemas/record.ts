/**
 * The input record: one entity with its penalties and list entries, as the site adapters produce it and as the
 * `creditlens` command line, the extension and the server accept it. Public contract (README "Record").
 * Optional fields may be absent; missing penalty types, `isSamr` and reasons are derived by the engine.
 */
import { z } from 'zod';
import { isIsoDate } from '../lib/dates.ts';

/** 《行政处罚法》(2021) Art. 9, as a closed enum (rules-spec §1.1). */
export const PenaltyType = z.enum([
  'WARNING', 'CIRCULATED_CRITICISM',
  'FINE', 'CONFISCATE_GAINS', 'CONFISCATE_PROPERTY',
  'SUSPEND_LICENSE', 'DOWNGRADE_QUALIFICATION', 'REVOKE_LICENSE', 'REVOKE_BUSINESS_LICENSE',
  'RESTRICT_OPERATIONS', 'ORDER_SUSPENSION', 'ORDER_CLOSURE', 'RESTRICT_EMPLOYMENT',
  'DETENTION', 'OTHER',
]);
export type PenaltyType = z.infer<typeof PenaltyType>;

export const PenaltyStatus = z.enum(['EFFECTIVE', 'REVOKED', 'CONFIRMED_ILLEGAL', 'VOID', 'CHANGED']);
export type PenaltyStatus = z.infer<typeof PenaltyStatus>;

export const AbnormalReason = z.enum(['ANNUAL_REPORT', 'INSTANT_INFO', 'FALSE_INFO', 'UNREACHABLE', 'OTHER']);
export type AbnormalReason = z.infer<typeof AbnormalReason>;

export const SeriousRoute = z.enum(['PENALTY', 'ABNORMAL_3Y', 'OTHER']);
export type SeriousRoute = z.infer<typeof SeriousRoute>;

const Id = z.string().min(1, 'must not be empty');

/**
 * A 'YYYY-MM-DD' date field. Its calendar check runs once per record (checkRecord below), not as a refinement per
 * field: per-field refinements doubled the cost of validating a penalty (npm run bench).
 */
const DateText = z.string();

/** Every date field of the record, by list; checkRecord validates them all. */
const DATE_FIELDS = {
  penalties: ['decisionDate', 'publicityDate', 'restrictionEnd', 'repairApprovedDate'],
  abnormalListings: ['listedDate', 'removedDate'],
  seriousListings: ['listedDate', 'restrictionEnd', 'removedDate'],
} as const;
const DATE_MESSAGE = 'expected a calendar date as YYYY-MM-DD';

export const Entity = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  uscc: z.string().optional(),
  regNo: z.string().optional(),
  legalRepresentative: z.string().optional(),
  status: z.string().optional(),
  registrationAuthority: z.string().optional(),
  establishedOn: DateText.optional(),
});
export type Entity = z.infer<typeof Entity>;

export const PenaltyInput = z.strictObject({
  id: Id,
  decisionNo: z.string(),
  decisionDate: DateText,
  publicityDate: DateText.optional(),
  authority: z.string(),
  isSamr: z.boolean().optional(),
  types: z.array(PenaltyType).optional(),
  content: z.string().optional(),
  violationText: z.string().optional(),
  legalBasis: z.string().optional(),
  aggravatedFine: z.boolean().optional(),
  lowAmountFine: z.boolean().optional(),
  restrictionEnd: DateText.optional(),
  status: PenaltyStatus.optional(),
  repairApprovedDate: DateText.optional(),
  obligationsFulfilled: z.boolean().optional(),
  harmEliminated: z.boolean().optional(),
});
export type PenaltyInput = z.infer<typeof PenaltyInput>;

export const AbnormalListingInput = z.strictObject({
  id: Id,
  listedDate: DateText,
  reason: AbnormalReason.optional(),
  reasonText: z.string().optional(),
  authority: z.string().optional(),
  removedDate: DateText.optional(),
  removalReasonText: z.string().optional(),
});
export type AbnormalListingInput = z.infer<typeof AbnormalListingInput>;

export const SeriousListingInput = z.strictObject({
  id: Id,
  listedDate: DateText,
  route: SeriousRoute.optional(),
  reasonText: z.string().optional(),
  penaltyIds: z.array(z.string()).optional(),
  restrictionEnd: DateText.optional(),
  removedDate: DateText.optional(),
  authority: z.string().optional(),
});
export type SeriousListingInput = z.infer<typeof SeriousListingInput>;

export const RecordSource = z.strictObject({
  url: z.string(),
  site: z.string(),
  observedAt: z.string(),
});
export type RecordSource = z.infer<typeof RecordSource>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks that span fields: calendar dates and ids unique within each list (findings point at records by id).
 * Runs even when other fields failed, so one run reports every problem; hence the defensive reads.
 */
function checkRecord(record: unknown, ctx: z.RefinementCtx): void {
  if (!isObject(record)) return;
  const entity = record.entity;
  if (isObject(entity) && typeof entity.establishedOn === 'string' && !isIsoDate(entity.establishedOn)) {
    ctx.addIssue({ code: 'custom', path: ['entity', 'establishedOn'], message: DATE_MESSAGE });
  }
  for (const list of ['penalties', 'abnormalListings', 'seriousListings'] as const) {
    const items = record[list];
    if (!Array.isArray(items)) continue;
    const seen = new Set<unknown>();
    items.forEach((item: unknown, index) => {
      if (!isObject(item)) return;
      for (const field of DATE_FIELDS[list]) {
        const value = item[field];
        if (typeof value === 'string' && !isIsoDate(value)) ctx.addIssue({ code: 'custom', path: [list, index, field], message: DATE_MESSAGE });
      }
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: `duplicate id "${String(item.id)}"` });
      seen.add(item.id);
    });
  }
}

export const EntityRecord = z
  .strictObject({
    entity: Entity,
    penalties: z.array(PenaltyInput).default([]),
    abnormalListings: z.array(AbnormalListingInput).default([]),
    seriousListings: z.array(SeriousListingInput).default([]),
    source: RecordSource.optional(),
  })
  .superRefine(checkRecord, { when: () => true });
/** A parsed record: the three lists are always present. */
export type EntityRecord = z.infer<typeof EntityRecord>;
/** A record as written by hand or by another tool: the three lists may be absent. */
export type EntityRecordInput = z.input<typeof EntityRecord>;
