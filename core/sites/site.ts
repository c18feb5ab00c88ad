/**
 * The site-adapter contract: one adapter per public credit site turns a page (a DOM the caller hands in) into an
 * input record, and says honestly how much of each section it could read. Never a thrown exception, never a
 * silently partial record: a page it does not understand is `ok: false` with a reason. Every result names the reader
 * (site, reader version, the layout it recognised) and what it matched per section: page reports carry this, and
 * the team's site rules (site-rules.ts) are keyed on site and layout.
 */
import * as z from 'zod/mini';
import { Completeness, EntityRecordRuntime } from '../schemas/record.ts';
import type { AppliedRules } from './applied-rules.ts';
import type { CompleteRead, OpenSections } from './sections.ts';

export { Completeness, SectionCompleteness } from '../schemas/record.ts';

import { SITE_IDS } from './site-ids.ts';

export { SITE_IDS, SITE_MATCHES } from './site-ids.ts';

/** Every site CreditLens reads: the adapters' file names (the registry test checks them). */
export const SiteId = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteId>;

export const PageKind = z.enum(['entity', 'search', 'other']);
export type PageKind = z.infer<typeof PageKind>;

export const ParseFailure = z.enum(['unsupported-page', 'structure-changed', 'empty', 'disabled']);
export type ParseFailure = z.infer<typeof ParseFailure>;

const Count = z.number().check(z.int(), z.nonnegative());

/** What the reader matched for one section: the header rows (or labels) of the tables it took, rows read, stated total. */
export const SectionDiagnostics = z.strictObject({
  matched: z.array(z.string().check(z.maxLength(500))),
  read: Count,
  total: z.nullable(Count),
});
export type SectionDiagnostics = z.infer<typeof SectionDiagnostics>;

/** Which reader read the page and what it recognised: the key of site rules and the heart of a page report. */
export const ReaderInfo = z.strictObject({
  site: SiteId,
  /** The adapter's own version (semver); site rules can require a minimum. */
  version: z.string(),
  /** The page layout the reader recognised (e.g. gsxt's `web-2026`), `unknown` when none. */
  layout: z.string(),
  /** The site-rules version applied while reading, absent when none were. */
  rulesVersion: z.optional(z.number().check(z.int(), z.positive())),
  sections: z.optional(z.strictObject({ penalties: SectionDiagnostics, abnormal: SectionDiagnostics, serious: SectionDiagnostics })),
});
export type ReaderInfo = z.infer<typeof ReaderInfo>;

export const ParseResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), record: EntityRecordRuntime, completeness: Completeness, reader: z.optional(ReaderInfo) }),
  z.strictObject({ ok: z.literal(false), reason: ParseFailure, detail: z.string(), reader: z.optional(ReaderInfo) }),
]);
export type ParseResult = z.infer<typeof ParseResult>;
export type ParseSuccess = Extract<ParseResult, { ok: true }>;

/**
 * What a caller may hand an adapter besides the page: the team's site rules for this site with the version of their
 * file (data, never code; applied-rules.ts rulesForSite picks them out of a published file).
 */
export interface ParseOptions {
  rules?: AppliedRules;
}

export interface SiteAdapter {
  /** Stable id = file name in sites/ (the registry test checks it); also `record.source.site`. */
  id: SiteId;
  /** The reader's version (semver): raised with every change of what it reads; in every result and page report. */
  readerVersion: string;
  title: { zh: string; en: string };
  /** WebExtension match patterns of the pages this adapter reads; the extension's manifest is derived from them. */
  matchPatterns: readonly string[];
  /** The adapter applies to this URL (its match patterns, as the browser would apply them). */
  matches(url: URL): boolean;
  pageKind(url: URL, root: ParentNode): PageKind;
  /** The site's own section endpoints, for every row of a section (absent: the page is all there is). */
  completeRead?: CompleteRead;
  /** The page's section menu, for sections rendered only once opened. */
  openSections?: OpenSections;
  /** `observedAt` (ISO-8601) is when the page was seen: core never reads the clock. */
  parse(root: ParentNode, url: URL, observedAt: string, options?: ParseOptions): ParseResult;
}

export function failure(reason: ParseFailure, detail: string, reader?: ReaderInfo): ParseResult {
  return reader ? { ok: false, reason, detail, reader } : { ok: false, reason, detail };
}
