/**
 * Every message between the content scripts, the extension pages (notes frame, popup, options) and the background,
 * as zod schemas: one contract file for the boundary. A message is `{ type: 'noun:verb', ...payload }`; anything that
 * does not parse is rejected with a reason and logged, never acted on.
 */
import { z } from 'zod';
import { Assessment, EntityRecord } from '#core';
import { Note, Snapshot } from '../storage/contract.ts';

const Iso = z.iso.datetime();

export const Request = z.discriminatedUnion('type', [
  /** Content script → background: what the page showed, to keep as a snapshot and to set the toolbar badge. */
  z.strictObject({
    type: z.literal('snapshot:save'),
    record: EntityRecord, assessment: Assessment, url: z.url(), site: z.string(), observedAt: Iso,
  }),
  /** Popup → background: quick lookup over local snapshots. */
  z.strictObject({ type: z.literal('entity:lookup'), query: z.string().max(200) }),
  /** Notes frame → background. */
  z.strictObject({ type: z.literal('notes:list'), entityKey: z.string().min(1) }),
  z.strictObject({ type: z.literal('notes:save'), note: Note }),
  z.strictObject({ type: z.literal('notes:delete'), id: z.string().min(1) }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];

/** The answer to each request type. */
export const Responses = {
  'snapshot:save': z.strictObject({ ok: z.literal(true), seq: z.number().int() }),
  'entity:lookup': z.strictObject({ ok: z.literal(true), hits: z.array(Snapshot) }),
  'notes:list': z.strictObject({ ok: z.literal(true), notes: z.array(Note) }),
  'notes:save': z.strictObject({ ok: z.literal(true), note: Note }),
  'notes:delete': z.strictObject({ ok: z.literal(true) }),
} satisfies Record<RequestType, z.ZodType>;
export type Response<T extends RequestType> = z.infer<(typeof Responses)[T]>;

/** Any refusal: the request did not parse, or its handler failed. */
export const Refusal = z.strictObject({ ok: z.literal(false), error: z.string() });
export type Refusal = z.infer<typeof Refusal>;
