/**
 * What the ledger page and its import worker say to each other, parsed with zod on arrival both ways: the page sends
 * the file and, once the user has chosen the columns, the mapping; the worker answers with progress, the file's first
 * row and size, the check of every row, and at last the rows to import. Texts for the user are never in here — only
 * codes and figures, put into words by the page from the locale files (a worker has no i18n).
 */
import * as z from 'zod';
import { CaseStatus, CLUE_FIELDS, ClueMappingSchema, Domain } from '#core';

/** A column index (0-based), as in a mapping. */
const Column = ClueMappingSchema.shape.name;
const Field = z.enum(CLUE_FIELDS);
const Cell = z.string().nullable();
const Count = z.number().int().min(0);

/** The UI's own words for statuses and domains (lower case), so a ledger exported in either language imports again. */
export const UiWords = z.strictObject({ status: z.record(z.string(), CaseStatus), domain: z.record(z.string(), Domain) });
export type UiWords = z.infer<typeof UiWords>;

export const ToWorker = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('read'),
    file: z.instanceof(Blob),
    name: z.string(),
    headings: z.partialRecord(Field, z.string()),
    words: UiWords,
  }),
  /** `seq` comes back with the answer: the page shows only the check of the mapping it asked for last. */
  z.strictObject({ type: z.literal('check'), seq: Count, mapping: ClueMappingSchema, hasHeader: z.boolean() }),
  z.strictObject({ type: z.literal('rows') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const ClueProblemSchema = z.strictObject({
  field: Field,
  kind: z.enum(['empty', 'too-long', 'invalid', 'unknown']),
  value: z.string().optional(),
  limit: z.number().optional(),
});
export const BadRow = z.strictObject({ row: Count, problems: z.array(ClueProblemSchema) });
export type BadRow = z.infer<typeof BadRow>;

export const OverCapSchema = z.strictObject({ cap: z.enum(['fileBytes', 'rows', 'xlsxBytes']), limit: Count, actual: Count });

export const FromWorker = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), phase: z.enum(['reading', 'checking']), done: Count, total: Count }),
  /** The file read: its first row (header or first clue), its row count, and the mapping guessed from a header. */
  z.strictObject({
    type: z.literal('read'),
    encoding: z.string(),
    first: z.array(Cell),
    rows: Count,
    guessed: z.partialRecord(Field, Column).nullable(),
  }),
  /** Every row checked: how many can be imported; the bad ones' first few with their problems, and how many. */
  z.strictObject({ type: z.literal('checked'), seq: Count, good: Count, bad: z.array(BadRow), badCount: Count }),
  /** What the background gets: only the mapped columns, bad rows blanked (kept as rows so the numbers hold). */
  z.strictObject({ type: z.literal('rows'), rows: z.array(z.array(Cell)), mapping: ClueMappingSchema, firstRow: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('refused'), over: OverCapSchema }),
  z.strictObject({ type: z.literal('unreadable'), kind: z.enum(['not-xlsx', 'no-sheet', 'other']) }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
