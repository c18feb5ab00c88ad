/**
 * The record sections every site has (行政处罚, 经营异常, 严重违法失信) and the optional capabilities an adapter declares
 * for reading them whole: `completeRead` (the site's own section endpoints, asked through a sender the caller hands
 * in) and `openSections` (the page's menu, clicked as a person would). The extension calls capabilities, never a site id.
 */
import * as z from 'zod/mini';
import type { Entity } from '../schemas/record.ts';
import type { ParseResult, ParseSuccess } from './site.ts';

export type SectionKind = 'penalties' | 'abnormal' | 'serious';
export const SECTION_KINDS: readonly SectionKind[] = ['penalties', 'abnormal', 'serious'];

/** One page of rows as a section endpoint answers it (the DataTables format: recordsTotal and data). */
export const DataTablesPage = z.looseObject({
  recordsTotal: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  totalPage: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
  data: z.array(z.record(z.string(), z.unknown())),
});
export type DataTablesPage = z.infer<typeof DataTablesPage>;

/** One reply read: a page of rows (and the section its rows belong to), a refusal, or something that is not the data. */
export type JsonReply =
  | { kind: 'page'; page: DataTablesPage; section: SectionKind | null }
  | { kind: 'blocked'; detail: string; code: string }
  | { kind: 'invalid'; detail: string; html: boolean };

/** The pages read of one section. */
export interface JsonSection {
  kind: SectionKind;
  pages: DataTablesPage[];
}

/** The first request of one section. */
export interface SectionTarget {
  kind: SectionKind;
  url: string;
}

export interface CompleteRead {
  /** The first request of each section the page declares for its entity, from the text of the page's own scripts. */
  targets(scriptText: string, entity: Entity): SectionTarget[];
  /** The body of one request, as the page's own scripts send it. */
  form(draw: number, start: number, pageSize: number): URLSearchParams;
  readReply(body: string): JsonReply;
  /** The page's reading with the sections read whole in place (a section read shorter than rendered keeps the page's rows). */
  merge(dom: ParseSuccess, sections: readonly JsonSection[]): ParseResult;
}

export interface OpenSections {
  /** The titles of each section's menu item or tab, in label form (spaces removed). */
  menuTitles: Readonly<Record<SectionKind, RegExp>>;
}
