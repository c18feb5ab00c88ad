/**
 * The team document's entity record: what a team shares about one entity, as JSON. In the document it is
 * a Y.Map under the top-level Y.Map `entities`, keyed by entityKey() — the USCC, or `name:<entity name>` — with
 * `tags`, `notes` and `listings` as Y.Arrays (core/team/entities-doc.ts reads and writes it). Public contract: other
 * tools may read and write it (docs/formats.md). Unset values are null, never absent.
 */
import * as z from 'zod';
import { Domain } from './assessment.ts';
import { IsoDateString } from './date.ts';

/** Where a clue stands: found, being verified, a case filed, listed on the serious list, or dropped. */
export const CaseStatus = z.enum(['clue', 'verifying', 'case-filed', 'listed', 'dismissed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** A user id of the team's server (the token's subject). */
export const UserId = z.string().min(1).max(100);
/** An instant, ISO-8601 in UTC (…Z). */
const Instant = z.iso.datetime();

export const TeamNote = z.strictObject({
  id: z.string().min(1).max(100),
  author: UserId,
  at: Instant,
  text: z.string().min(1).max(20_000),
});
export type TeamNote = z.infer<typeof TeamNote>;

/** A serious-list decision the team made. */
export const TeamListing = z.strictObject({
  id: z.string().min(1).max(100),
  decidedOn: IsoDateString,
  domain: Domain,
  decisionNo: z.string().max(200),
});
export type TeamListing = z.infer<typeof TeamListing>;

export const TeamTag = z.string().min(1).max(50);

export const TeamEntity = z.strictObject({
  name: z.string().min(1).max(300),
  uscc: z.string().min(1).max(30).nullable(),
  legalRepresentative: z.string().max(100).nullable(),
  status: CaseStatus.nullable(),
  domain: z.nullable(Domain),
  assignee: UserId.nullable(),
  tags: z.array(TeamTag),
  notes: z.array(TeamNote),
  listings: z.array(TeamListing),
  repeatOffenderPublicizedOn: z.nullable(IsoDateString),
  typicalCaseExposedOn: z.nullable(IsoDateString),
  updatedAt: Instant,
  updatedBy: UserId,
});
export type TeamEntity = z.infer<typeof TeamEntity>;

/** The fields a user sets directly (the lists have their own operations, so concurrent additions all survive). */
export const TeamEntityPatch = TeamEntity.pick({
  legalRepresentative: true,
  status: true,
  domain: true,
  assignee: true,
  repeatOffenderPublicizedOn: true,
  typicalCaseExposedOn: true,
})
  .partial()
  .strict();
export type TeamEntityPatch = z.infer<typeof TeamEntityPatch>;

/** Who changes the document, and when: every write stamps `updatedBy` / `updatedAt` (and a note's author and time). */
export const TeamEdit = z.strictObject({ by: UserId, at: Instant });
export type TeamEdit = z.infer<typeof TeamEdit>;
