/**
 * The input record: one entity with its penalties and list entries, as the site adapters produce it and as the
 * `creditlens` command line, the extension and the server accept it. Public contract (docs/contract.md).
 * Optional fields may be absent; missing penalty types, `isSamr` and reasons are derived by the engine.
 */
import * as z from 'zod/mini';
import { IsoDateString } from './date.ts';

/** 《行政处罚法》(2021) Art. 9, as a closed enum (docs/formats.md names each). */
export const PenaltyType = z.enum([
  'WARNING',
  'CIRCULATED_CRITICISM',
  'FINE',
  'CONFISCATE_GAINS',
  'CONFISCATE_PROPERTY',
  'SUSPEND_LICENSE',
  'DOWNGRADE_QUALIFICATION',
  'REVOKE_LICENSE',
  'REVOKE_BUSINESS_LICENSE',
  'RESTRICT_OPERATIONS',
  'ORDER_SUSPENSION',
  'ORDER_CLOSURE',
  'RESTRICT_EMPLOYMENT',
  'DETENTION',
  'OTHER',
]);
export type PenaltyType = z.infer<typeof PenaltyType>;

export const PenaltyStatus = z.enum(['EFFECTIVE', 'REVOKED', 'CONFIRMED_ILLEGAL', 'VOID', 'CHANGED']);
export type PenaltyStatus = z.infer<typeof PenaltyStatus>;

export const AbnormalReason = z.enum(['ANNUAL_REPORT', 'INSTANT_INFO', 'FALSE_INFO', 'UNREACHABLE', 'OTHER']);
export type AbnormalReason = z.infer<typeof AbnormalReason>;

export const SeriousRoute = z.enum(['PENALTY', 'ABNORMAL_3Y', 'OTHER']);
export type SeriousRoute = z.infer<typeof SeriousRoute>;

const Id = z.string().check(z.minLength(1, 'must not be empty'));

/**
 * What kind of entity the page shows, when it says so by its fields (经营者, 组成形式 → individual business).
 * The engine also derives it from the credit code or 注册号 (docs/rules.md "Entity kind").
 */
export const EntityKind = z.enum(['ENTERPRISE', 'INDIVIDUAL', 'COOPERATIVE']);
export type EntityKind = z.infer<typeof EntityKind>;

/** A listing (经营异常名录) or, for a 个体工商户, a mark (标记为经营异常状态), which never escalates. */
export const AbnormalEntryKind = z.enum(['LISTING', 'MARK']);
export type AbnormalEntryKind = z.infer<typeof AbnormalEntryKind>;

export const Entity = z.strictObject({
  name: z.string().check(z.minLength(1, 'must not be empty')),
  uscc: z.optional(z.string()),
  regNo: z.optional(z.string()),
  legalRepresentative: z.optional(z.string()),
  status: z.optional(z.string()),
  registrationAuthority: z.optional(z.string()),
  establishedOn: z.optional(IsoDateString),
  kind: z.optional(EntityKind),
});
export type Entity = z.infer<typeof Entity>;

export const PenaltyInput = z.strictObject({
  id: Id,
  decisionNo: z.string(),
  decisionDate: IsoDateString,
  publicityDate: z.optional(IsoDateString),
  authority: z.string(),
  isSamr: z.optional(z.boolean()),
  types: z.optional(z.array(PenaltyType)),
  content: z.optional(z.string()),
  violationText: z.optional(z.string()),
  legalBasis: z.optional(z.string()),
  aggravatedFine: z.optional(z.boolean()),
  lowAmountFine: z.optional(z.boolean()),
  restrictionEnd: z.optional(IsoDateString),
  status: z.optional(PenaltyStatus),
  repairApprovedDate: z.optional(IsoDateString),
  obligationsFulfilled: z.optional(z.boolean()),
  harmEliminated: z.optional(z.boolean()),
});
export type PenaltyInput = z.infer<typeof PenaltyInput>;

export const AbnormalListingInput = z.strictObject({
  id: Id,
  listedDate: IsoDateString,
  kind: z.optional(AbnormalEntryKind),
  reason: z.optional(AbnormalReason),
  reasonText: z.optional(z.string()),
  authority: z.optional(z.string()),
  removedDate: z.optional(IsoDateString),
  removalReasonText: z.optional(z.string()),
});
export type AbnormalListingInput = z.infer<typeof AbnormalListingInput>;

export const SeriousListingInput = z.strictObject({
  id: Id,
  listedDate: IsoDateString,
  route: z.optional(SeriousRoute),
  reasonText: z.optional(z.string()),
  penaltyIds: z.optional(z.array(z.string())),
  restrictionEnd: z.optional(IsoDateString),
  removedDate: z.optional(IsoDateString),
  authority: z.optional(z.string()),
});
export type SeriousListingInput = z.infer<typeof SeriousListingInput>;

export const RecordSource = z.strictObject({
  url: z.string(),
  site: z.string(),
  observedAt: z.string(),
});
export type RecordSource = z.infer<typeof RecordSource>;

const Count = z.number().check(z.int(), z.nonnegative());

/**
 * How much of one section the page let the reader see: rows read, and the page's own count (共 N 条,
 * recordsTotal), 0 when it says there are none (暂无…), null when it states none.
 */
export const SectionCompleteness = z.strictObject({
  read: Count,
  total: z.nullable(Count),
  from: z.enum(['json', 'dom']),
});
export type SectionCompleteness = z.infer<typeof SectionCompleteness>;

export const Completeness = z.strictObject({
  penalties: SectionCompleteness,
  abnormal: SectionCompleteness,
  serious: SectionCompleteness,
});
export type Completeness = z.infer<typeof Completeness>;

/** A record's completeness as written by hand: a section left out was read whole, as was everything before it existed. */
const RecordSectionCompleteness = z.extend(SectionCompleteness, { from: z.optional(SectionCompleteness.shape.from) });
export const RecordCompleteness = z.strictObject({
  penalties: z.optional(RecordSectionCompleteness),
  abnormal: z.optional(RecordSectionCompleteness),
  serious: z.optional(RecordSectionCompleteness),
});
export type RecordCompleteness = z.infer<typeof RecordCompleteness>;

/**
 * The site's own sentence about this entity near its name (该企业已列入经营异常名录, …列入…黑名单, 该个体工商户已标记为
 * 经营异常状态): evidence of an active listing of that kind whose dates the page does not give. Never a listing row.
 */
export const Banner = z.strictObject({
  list: z.enum(['abnormal', 'serious']),
  kind: z.optional(AbnormalEntryKind),
  text: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(500)),
});
export type Banner = z.infer<typeof Banner>;

const EntityRecordShape = z.strictObject({
  entity: Entity,
  penalties: z._default(z.array(PenaltyInput), []),
  abnormalListings: z._default(z.array(AbnormalListingInput), []),
  seriousListings: z._default(z.array(SeriousListingInput), []),
  /** Absent: every section was read whole (records written by hand or by other tools). */
  completeness: z.optional(RecordCompleteness),
  banners: z.optional(z.array(Banner)),
  source: z.optional(RecordSource),
});
type ParsedRecord = z.output<typeof EntityRecordShape>;

/**
 * Ids must be unique within each list: findings point at records by id. A plain zod check that adds exactly the
 * issues a `superRefine` with `ctx.addIssue({ code: 'custom', path, message })` adds (record-unique-ids.test.ts).
 * Not a superRefine, whose per-call `addIssue` closure kept much of what validation allocated alive past young-
 * generation collections, up to halving validation speed (`npm run bench`, core).
 */
const UniqueIds: z.core.$ZodCheck<ParsedRecord> = z.check<ParsedRecord>((payload) => {
  uniqueIds(payload, payload.value.penalties, 'penalties');
  uniqueIds(payload, payload.value.abnormalListings, 'abnormalListings');
  uniqueIds(payload, payload.value.seriousListings, 'seriousListings');
});

function duplicate(payload: z.core.ParsePayload<ParsedRecord>, path: string, index: number, id: string): void {
  payload.issues.push({
    code: 'custom',
    path: [path, index, 'id'],
    message: `duplicate id "${id}"`,
    input: payload.value,
    inst: UniqueIds,
    continue: true,
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

/**
 * The record schema as zod runs it. Its ahead-of-time compiled twin, `EntityRecord`, is in record-compiled.ts: the
 * code generation, and zod's compiler itself (about 29 KB), stay out of the content scripts, which load with every
 * credit page (docs/adr/0005-overlay-first-paint.md).
 */
export const EntityRecordRuntime = EntityRecordShape.check(UniqueIds);
/** A parsed record: the three lists are always present. */
export type EntityRecord = z.infer<typeof EntityRecordRuntime>;
/** A record as written by hand or by another tool: the three lists may be absent. */
export type EntityRecordInput = z.input<typeof EntityRecordRuntime>;
