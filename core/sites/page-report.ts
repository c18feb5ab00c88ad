/**
 * A page report (读取有误？): what a user sends when the overlay read a page wrongly or not at all — the page as a saved
 * page (saved-page.ts, so `creditlens parse` reads it as it is), the reader's own account of it (ReaderInfo), what the
 * overlay concluded, and an optional comment. The extension POSTs it to the team server, or saves it as a file with
 * the same JSON (docs/formats.md); the server parses it with this schema. Nothing of the user's own work goes in:
 * no notes, no team data, no token.
 */
import * as z from 'zod/mini';
import { PAGE_REPORT_COMMENT_MAX, PAGE_REPORT_FORMAT, PAGE_REPORT_MAX_BYTES } from './page-report-limits.ts';
import { ParseFailure, ReaderInfo } from './site.ts';

export const PageReportResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), reason: ParseFailure }),
]);
export type PageReportResult = z.infer<typeof PageReportResult>;

export const PageReport = z.strictObject({
  format: z.literal(PAGE_REPORT_FORMAT),
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(4096)),
  /** When the page was read (the browser's clock, ISO-8601). */
  observedAt: z.iso.datetime({ offset: true }),
  /** The page as a saved page: the `<!-- saved from url=… -->` line, then the document without scripts. */
  html: z.string().check(z.minLength(1), z.maxLength(PAGE_REPORT_MAX_BYTES)),
  reader: ReaderInfo,
  /** The site-rules version the extension had for this site, when it had any. */
  rulesVersion: z.optional(z.number().check(z.int(), z.positive())),
  comment: z.optional(z.string().check(z.maxLength(PAGE_REPORT_COMMENT_MAX))),
  extensionVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  result: PageReportResult,
});
export type PageReport = z.infer<typeof PageReport>;
