/**
 * The input record: one entity with its penalties and list entries, as the site adapters produce it and as the
 * `creditlens` command line, the extension and the server accept it. Public contract (README "Record").
 * Optional fields may be absent; missing penalty types, `isSamr` and reasons are derived by the engine.
 */
import * as z from 'zod';
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

const EntityRecordShape = z.strictObject({
  entity: Entity,
  penalties: z.array(PenaltyInput).default([]),
  abnormalListings: z.array(AbnormalListingInput).default([]),
  seriousListings: z.array(SeriousListingInput).default([]),
  source: RecordSource.optional(),
});
type ParsedRecord = z.output<typeof EntityRecordShape>;

/**
 * Ids must be unique within each list: findings point at records by id. A plain zod check that adds exactly the
 * issues a `superRefine` with `ctx.addIssue({ code: 'custom', path, message })` adds (record-unique-ids.test.ts).
 * Not a superRefine, which wraps every call in an `addIssue` closure: measured in `npm run bench`, with it about a
 * tenth of what the compiled fast path allocated survived each young-generation collection (to be copied and
 * promoted), and validation was up to twice as slow; with this check next to nothing survives.
 */
const UniqueIds: z.core.$ZodCheck<ParsedRecord> = z.check<ParsedRecord>((payload) => {
  uniqueIds(payload, payload.value.penalties, 'penalties');
  uniqueIds(payload, payload.value.abnormalListings, 'abnormalListings');
  uniqueIds(payload, payload.value.seriousListings, 'seriousListings');
});

function duplicate(payload: z.core.ParsePayload<ParsedRecord>, path: string, index: number, id: string): void {
  payload.issues.push({
    code: 'custom', path: [path, index, 'id'], message: `duplicate id "${id}"`, input: payload.value, inst: UniqueIds, continue: true,
  });
}

function uniqueIds(payload: z.core.ParsePayload<ParsedRecord>, items: ReadonlyArray<{ id: string }>, path: string): void {
  if (items.length < 2) return;
  // A record has tens of entries: comparing with the earlier ones beats building a Set for every record.
  if (items.length <= 64) {
    for (let index = 1; index < items.length; index++) {
      const id = (items[index] as { id: string }).id;
      for (let j = 0; j < index; j++) {
        if ((items[j] as { id: string }).id === id) {
          duplicate(payload, path, index, id);
          break;
        }
      }
    }
    return;
  }
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) duplicate(payload, path, index, item.id);
    seen.add(item.id);
  });
}

const EntityRecordSchema = EntityRecordShape.check(UniqueIds);

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
