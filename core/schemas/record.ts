/**
 * The input record: one entity with its penalties and list entries, as the site adapters produce it and as the
 * `creditlens` command line, the extension and the server accept it. Public contract (README "Record").
 * Optional fields may be absent; missing penalty types, `isSamr` and reasons are derived by the engine.
 */
import { z } from 'zod';
import { IsoDateString } from './date.ts';

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

export const Entity = z.strictObject({
  name: z.string().min(1, 'must not be empty'),
  uscc: z.string().optional(),
  regNo: z.string().optional(),
  legalRepresentative: z.string().optional(),
  status: z.string().optional(),
  registrationAuthority: z.string().optional(),
  establishedOn: IsoDateString.optional(),
});
export type Entity = z.infer<typeof Entity>;

export const PenaltyInput = z.strictObject({
  id: Id,
  decisionNo: z.string(),
  decisionDate: IsoDateString,
  publicityDate: IsoDateString.optional(),
  authority: z.string(),
  isSamr: z.boolean().optional(),
  types: z.array(PenaltyType).optional(),
  content: z.string().optional(),
  violationText: z.string().optional(),
  legalBasis: z.string().optional(),
  aggravatedFine: z.boolean().optional(),
  lowAmountFine: z.boolean().optional(),
  restrictionEnd: IsoDateString.optional(),
  status: PenaltyStatus.optional(),
  repairApprovedDate: IsoDateString.optional(),
  obligationsFulfilled: z.boolean().optional(),
  harmEliminated: z.boolean().optional(),
});
export type PenaltyInput = z.infer<typeof PenaltyInput>;

export const AbnormalListingInput = z.strictObject({
  id: Id,
  listedDate: IsoDateString,
  reason: AbnormalReason.optional(),
  reasonText: z.string().optional(),
  authority: z.string().optional(),
  removedDate: IsoDateString.optional(),
  removalReasonText: z.string().optional(),
});
export type AbnormalListingInput = z.infer<typeof AbnormalListingInput>;

export const SeriousListingInput = z.strictObject({
  id: Id,
  listedDate: IsoDateString,
  route: SeriousRoute.optional(),
  reasonText: z.string().optional(),
  penaltyIds: z.array(z.string()).optional(),
  restrictionEnd: IsoDateString.optional(),
  removedDate: IsoDateString.optional(),
  authority: z.string().optional(),
});
export type SeriousListingInput = z.infer<typeof SeriousListingInput>;

export const RecordSource = z.strictObject({
  url: z.string(),
  site: z.string(),
  observedAt: z.string(),
});
export type RecordSource = z.infer<typeof RecordSource>;

/** Ids must be unique within each list: findings point at records by id. */
function uniqueIds(items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

const EntityRecordSchema = z
  .strictObject({
    entity: Entity,
    penalties: z.array(PenaltyInput).default([]),
    abnormalListings: z.array(AbnormalListingInput).default([]),
    seriousListings: z.array(SeriousListingInput).default([]),
    source: RecordSource.optional(),
  })
  .superRefine((record, ctx) => {
    uniqueIds(record.penalties, ctx, 'penalties');
    uniqueIds(record.abnormalListings, ctx, 'abnormalListings');
    uniqueIds(record.seriousListings, ctx, 'seriousListings');
  });

/**
 * The record schema, ahead-of-time compiled by zod: a generated fast path for valid records (3× faster in
 * `npm run bench`), and zod's own parser, with its issues and paths, for anything the fast path rejects. Where
 * code generation is not allowed (extension pages), zod returns the schema as it is.
 */
export const EntityRecord = z.compile(EntityRecordSchema);
/** The same schema uncompiled, for the test that the compiled one agrees with it. */
export const EntityRecordRuntime = EntityRecordSchema;
/** A parsed record: the three lists are always present. */
export type EntityRecord = z.infer<typeof EntityRecord>;
/** A record as written by hand or by another tool: the three lists may be absent. */
export type EntityRecordInput = z.input<typeof EntityRecord>;
