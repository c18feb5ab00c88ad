/**
 * gsxt section data as JSON: the section URLs a detail page declares in its scripts (`var <name>Url = "…";`), and
 * the DataTables pages they answer (`{recordsTotal, data: […]}`, dates in epoch ms, values with HTML fragments)
 * turned into record items. Sections are recognised by the fields of their rows, not by the URL's name: the site
 * renames variables (credit-sites.md §3b). The fetching itself lives outside core (extension/fetch/).
 */
import { z } from 'zod';
import { problemsOf } from '../lib/issues.ts';
import {
  abnormalFromJson, penaltyFromJson, sectionOfJsonRow, seriousFromJson, type SectionKind,
} from './gsxt-sections.ts';
import { pageResult, type SectionRead } from './page-record.ts';
import type { ParseResult, ParseSuccess, SectionCompleteness } from './site.ts';

export interface DeclaredUrl {
  name: string;
  url: string;
  /** The section the name suggests; the reply's fields decide. */
  guess: SectionKind | null;
}

const DECLARATION = /\bvar\s+([A-Za-z_$][\w$]*)\s*=\s*["']([^"'\s]+)["']/g;
const GUESSES: ReadonlyArray<[SectionKind, RegExp]> = [
  ['penalties', /punish/i],
  ['abnormal', /excep|abnormal|abn/i],
  ['serious', /^ill|illegal|blacklist|serious/i],
];
/** The enterprise's self-published sections and single-record detail URLs are not the section lists. */
const NOT_A_LIST = /^ins|detail(?!info)|all$/i;

/** Every `var xxxUrl = "/…"` of the page's scripts that names a path, with its section guess. */
export function declaredUrls(scriptText: string): DeclaredUrl[] {
  const found: DeclaredUrl[] = [];
  for (const m of scriptText.matchAll(DECLARATION)) {
    const [, name = '', url = ''] = m;
    if (!/url$/i.test(name) || !url.startsWith('/')) continue;
    const guess = NOT_A_LIST.test(name) ? null : (GUESSES.find(([, re]) => re.test(name))?.[0] ?? null);
    found.push({ name, url, guess });
  }
  return found;
}

/** One DataTables page as the section endpoints answer it. */
export const DataTablesPage = z.looseObject({
  recordsTotal: z.coerce.number().int().nonnegative().optional(),
  totalPage: z.coerce.number().int().nonnegative().optional(),
  data: z.array(z.record(z.string(), z.unknown())),
});
export type DataTablesPage = z.infer<typeof DataTablesPage>;

export type JsonReply =
  | { kind: 'page'; page: DataTablesPage; section: SectionKind | null }
  | { kind: 'blocked'; detail: string }
  | { kind: 'invalid'; detail: string };

/** Reads one reply body: a DataTables page, the firewall's NGIDERRORCODE, or something else (HTML, captcha). */
export function readJsonReply(body: string): JsonReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const looksHtml = /^\s*</.test(body);
    return { kind: 'invalid', detail: looksHtml ? 'HTML where JSON was expected (captcha or login page?)' : 'not JSON' };
  }
  if (typeof json === 'object' && json !== null && 'NGIDERRORCODE' in json) {
    return { kind: 'blocked', detail: `the site refused the request (NGIDERRORCODE ${String((json as Record<string, unknown>).NGIDERRORCODE)})` };
  }
  const page = DataTablesPage.safeParse(json);
  if (!page.success) return { kind: 'invalid', detail: `unexpected JSON: ${problemsOf(page.error).map((p) => `${p.path}: ${p.message}`).join('; ')}` };
  const first = page.data.data[0];
  return { kind: 'page', page: page.data, section: first ? sectionOfJsonRow(first) : null };
}

export interface JsonSection {
  kind: SectionKind;
  pages: DataTablesPage[];
}

/** One section: from its JSON pages when they were read (total from recordsTotal), else as the page rendered it. */
function section<T>(
  sections: readonly JsonSection[], kind: SectionKind, convert: (row: Record<string, unknown>) => T | null,
  rendered: T[], c: SectionCompleteness,
): SectionRead<T> {
  const json = sections.find((s) => s.kind === kind);
  if (!json) return { items: rendered, total: c.total, from: c.from };
  const items = json.pages.flatMap((p) => p.data).map(convert).filter((item): item is T => item !== null);
  return { items, total: json.pages[0]?.recordsTotal ?? null, from: 'json' };
}

/**
 * The page's DOM reading with the sections read from JSON put in their place: items from the rows, total from
 * recordsTotal. Sections without JSON keep what the rendered page gave.
 */
export function withJsonSections(dom: ParseSuccess, sections: readonly JsonSection[]): ParseResult {
  const { record, completeness } = dom;
  const source = record.source;
  return pageResult({
    entity: record.entity,
    penalties: section(sections, 'penalties', penaltyFromJson, record.penalties, completeness.penalties),
    abnormal: section(sections, 'abnormal', abnormalFromJson, record.abnormalListings, completeness.abnormal),
    serious: section(sections, 'serious', seriousFromJson, record.seriousListings, completeness.serious),
  }, { url: new URL(source?.url ?? 'about:blank'), site: source?.site ?? 'gsxt-gov-cn', observedAt: source?.observedAt ?? '' });
}
