/**
 * The team document's change history (留痕) as the sync server records it and answers it
 * (`GET /team/<team>/entities/<key>/history`): per committed update and entity, which fields it changed, how many
 * notes it added, and who wrote it and when — the user of the connection's token and the server's clock, never what
 * the client wrote. What the client wrote into the record (`updatedBy`, a note's `author` and `at`) is kept beside
 * it when it disagrees, as `claimedBy` / `claimedAt`.
 */
import * as z from 'zod';
import { UserId } from './team.ts';

/** A field of the entity record (core/schemas/team.ts), or the record made or deleted as a whole. */
export const HistoryField = z.enum([
  'created',
  'deleted',
  'name',
  'uscc',
  'legalRepresentative',
  'status',
  'domain',
  'assignee',
  'tags',
  'notes',
  'listings',
  'repeatOffenderPublicizedOn',
  'typicalCaseExposedOn',
  'updatedAt',
  'updatedBy',
]);
export type HistoryField = z.infer<typeof HistoryField>;

export const HistoryEntry = z.strictObject({
  /** The server's time of the commit. */
  at: z.iso.datetime(),
  /** The token's user; `(server)` for the server's own merges. */
  user: UserId,
  fields: z.array(HistoryField),
  notesAdded: z.number().int().min(0),
  /** The user the update wrote in the record's name (`updatedBy`, a note's author), when not `user`. */
  claimedBy: UserId.optional(),
  /** The time the update wrote (`updatedAt`, a note's `at`), when far from the server's. */
  claimedAt: z.iso.datetime().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The route's answer: newest first. */
export const EntityHistory = z.array(HistoryEntry);
