/**
 * Page reports (读取有误？) as the store keeps them: the report's facts in columns, the reader's diagnostics as JSON,
 * the page's HTML gzipped apart (only the export reads it). Both stores implement this (page-reports-sqlite.ts,
 * page-reports-postgres.ts); times are the server's clock, ISO-8601 UTC, so they sort as text.
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import * as z from 'zod';
import { ParseFailure, ReaderInfo } from '#core';

export const PageReportRow = z.strictObject({
  id: z.number().int().positive(),
  team: z.string(),
  user: z.string(),
  /** When the server received it. */
  receivedAt: z.string(),
  site: z.string(),
  layout: z.string(),
  readerVersion: z.string(),
  rulesVersion: z.number().int().nullable(),
  url: z.string(),
  observedAt: z.string(),
  ok: z.boolean(),
  reason: z.nullable(ParseFailure),
  comment: z.string().nullable(),
  extensionVersion: z.string(),
  /** Bytes of the HTML as sent (UTF-8). */
  size: z.number().int().nonnegative(),
  reader: ReaderInfo,
});
export type PageReportRow = z.infer<typeof PageReportRow>;
export type NewPageReport = Omit<PageReportRow, 'id'> & { html: string };

export type PageReportFilter = { team?: string; since?: string };

/** At most `max` reports of one user to one team received at or after `since`. */
export type PageReportLimit = { since: string; max: number };
/** The report's id, or the limit was reached: nothing stored, and when the oldest counted report was received. */
export type PageReportAdded = { id: number } | { full: { oldest: string | null } };

export interface PageReportStore {
  /**
   * Stores one report unless the user has reached the limit, counted and written as one step: requests that arrive
   * together (on one instance or several) cannot all pass a count made before any of them was written.
   */
  addPageReport(report: NewPageReport, limit: PageReportLimit): Promise<PageReportAdded>;
  /** Reports, oldest first, of one team and/or received at or after `since`. */
  listPageReports(filter: PageReportFilter): Promise<PageReportRow[]>;
  /** A report's HTML (undefined: no such report). */
  pageReportHtml(id: number): Promise<string | undefined>;
  /** How many reports the user sent to the team since `since`, and the oldest of them (for Retry-After). */
  pageReportsSince(team: string, user: string, since: string): Promise<{ count: number; oldest: string | null }>;
}

/** A report's stored columns in the stores' INSERT order; `ok` as the store writes a boolean (SQLite: 1 or 0). */
export function pageReportValues(r: NewPageReport, html: Buffer, ok: boolean | number): unknown[] {
  return [
    r.team,
    r.user,
    r.receivedAt,
    r.site,
    r.layout,
    r.readerVersion,
    r.rulesVersion,
    r.url,
    r.observedAt,
    ok,
    r.reason,
    r.comment,
    r.extensionVersion,
    r.size,
    JSON.stringify(r.reader),
    html,
  ];
}

const gzipAsync = promisify(gzip);
/** On libuv's thread pool: a 5 MB page takes tens of milliseconds to compress, which the server's event loop must not wait for. */
export const packHtml = (html: string): Promise<Buffer> => gzipAsync(Buffer.from(html, 'utf8'));
export const unpackHtml = (data: Uint8Array): string => gunzipSync(data).toString('utf8');

/** A stored row (snake_case columns of either store) as a PageReportRow; a row that does not parse is an error. */
export function pageReportOfRow(r: Record<string, unknown>): PageReportRow {
  return PageReportRow.parse({
    id: Number(r.id),
    team: r.team,
    user: r.user,
    receivedAt: r.received_at,
    site: r.site,
    layout: r.layout,
    readerVersion: r.reader_version,
    rulesVersion: r.rules_version === null ? null : Number(r.rules_version),
    url: r.url,
    observedAt: r.observed_at,
    ok: Boolean(r.ok),
    reason: r.reason ?? null,
    comment: r.comment ?? null,
    extensionVersion: r.extension_version,
    size: Number(r.size),
    reader: typeof r.reader === 'string' ? JSON.parse(r.reader) : r.reader,
  });
}
