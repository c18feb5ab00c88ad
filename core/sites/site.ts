/**
 * The site-adapter contract: one adapter per public credit site turns a page (a DOM the caller hands in) into an
 * input record, and says honestly how much of each section it could read. Never a thrown exception, never a
 * silently partial record: a page it does not understand is `ok: false` with a reason.
 */
import * as z from 'zod/mini';
import { Completeness, EntityRecordRuntime } from '../schemas/record.ts';

export { Completeness, SectionCompleteness } from '../schemas/record.ts';

export const PageKind = z.enum(['entity', 'search', 'other']);
export type PageKind = z.infer<typeof PageKind>;

export const ParseFailure = z.enum(['unsupported-page', 'structure-changed', 'empty']);
export type ParseFailure = z.infer<typeof ParseFailure>;

export const ParseResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), record: EntityRecordRuntime, completeness: Completeness }),
  z.strictObject({ ok: z.literal(false), reason: ParseFailure, detail: z.string() }),
]);
export type ParseResult = z.infer<typeof ParseResult>;
export type ParseSuccess = Extract<ParseResult, { ok: true }>;

export interface SiteAdapter {
  /** Stable id = file name in sites/ (the registry test checks it); also `record.source.site`. */
  id: string;
  title: { zh: string; en: string };
  /** WebExtension match patterns of the pages this adapter reads; the extension's manifest is derived from them. */
  matchPatterns: readonly string[];
  /** The adapter applies to this URL (its match patterns, as the browser would apply them). */
  matches(url: URL): boolean;
  pageKind(url: URL, root: ParentNode): PageKind;
  /** `observedAt` (ISO-8601) is when the page was seen: core never reads the clock. */
  parse(root: ParentNode, url: URL, observedAt: string): ParseResult;
}

export function failure(reason: ParseFailure, detail: string): ParseResult {
  return { ok: false, reason, detail };
}
