/**
 * gsxt section data as JSON: the section URLs a detail page declares in its scripts (`var <name>Url = "…";`), and the
 * DataTables pages they answer (`{recordsTotal, data: […]}`, dates in epoch ms, values with HTML fragments) turned into
 * record items. Sections are recognised by the fields of their rows, not by the URL's name: the 2026 design renamed the
 * URL variables (test/sim-site/routes.ts serves both). The fetching itself lives outside core (extension/features/overlay/sections.ts).
 */
import { problemsOf } from '../lib/issues.ts';
import { abnormalFromJson, penaltyFromJson, sectionOfJsonRow, seriousFromJson } from './gsxt-sections.ts';
import { DataTablesPage, type JsonReply, type JsonSection, type SectionKind, type SectionTarget } from './sections.ts';
import type { EntityKind } from '../schemas/record.ts';
import { GSXT_READER_VERSION } from './gsxt-sections.ts';
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

/**
 * The abnormal-list URL for the entity's kind: pages declare one per kind (`entBusExcepUrl` companies,
 * `indBusExcepUrl` 个体工商户, `argBusExcepUrl` farmers' co-operatives) and the page's own script picks one by the
 * entity type; the others answer an empty list. The kind is read from the credit code's
 * registration category (92 个体工商户, 93 农民专业合作社); without a code, the company URL.
 */
const ABNORMAL_BY_KIND: ReadonlyArray<[RegExp, RegExp]> = [
  [/^92/, /^ind/i],
  [/^93/, /^arg(?!branch)/i],
  [/^/, /^ent/i],
];
/** The page's own kind (经营者, 组成形式, 成员出资总额) stands in for the code's category when there is no code. */
const CATEGORY_OF_KIND: Partial<Record<EntityKind, string>> = { INDIVIDUAL: '92', COOPERATIVE: '93' };

interface EntityOfPage {
  uscc?: string | undefined;
  kind?: EntityKind | undefined;
}

/** The code's registration category, else the page's kind as one ('' when neither says). */
function categoryOf(entity: EntityOfPage): string {
  const uscc = (entity.uscc ?? '').toUpperCase();
  return uscc.length === 18 ? uscc : entity.kind ? (CATEGORY_OF_KIND[entity.kind] ?? '') : '';
}

/** `declared` with only the abnormal-list URL that serves this entity's kind, when the page declares several. */
export function urlsForEntity(declared: readonly DeclaredUrl[], entity: EntityOfPage): DeclaredUrl[] {
  const abnormal = declared.filter((d) => d.guess === 'abnormal');
  if (abnormal.length < 2) return [...declared];
  const uscc = categoryOf(entity);
  const [, name] = ABNORMAL_BY_KIND.find(([category]) => category.test(uscc)) ?? [];
  const chosen = abnormal.find((d) => name?.test(d.name)) ?? abnormal[0];
  return declared.filter((d) => d.guess !== 'abnormal' || d === chosen);
}

/** Reads one reply body: a DataTables page, the firewall's NGIDERRORCODE, or something else (HTML, captcha). */
export function readJsonReply(body: string): JsonReply {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const looksHtml = /^\s*</.test(body);
    return { kind: 'invalid', detail: looksHtml ? 'HTML where JSON was expected (captcha or login page?)' : 'not JSON', html: looksHtml };
  }
  if (typeof json === 'object' && json !== null && 'NGIDERRORCODE' in json) {
    const code = String((json as Record<string, unknown>).NGIDERRORCODE);
    return { kind: 'blocked', detail: `the site refused the request (NGIDERRORCODE ${code})`, code };
  }
  const page = DataTablesPage.safeParse(json);
  if (!page.success)
    return {
      kind: 'invalid',
      detail: `unexpected JSON: ${problemsOf(page.error)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
      html: false,
    };
  const first = page.data.data[0];
  return { kind: 'page', page: page.data, section: first ? sectionOfJsonRow(first) : null };
}

/** One section: from its JSON pages when they were read (total from recordsTotal), else as the page rendered it. */
function section<T>(
  sections: readonly JsonSection[],
  kind: SectionKind,
  convert: (row: Record<string, unknown>) => T | null,
  rendered: T[],
  c: SectionCompleteness,
  matched: readonly string[],
): SectionRead<T> {
  const json = sections.find((s) => s.kind === kind);
  const items = json
    ? json.pages
        .flatMap((p) => p.data)
        .map(convert)
        .filter((item): item is T => item !== null)
    : [];
  // A read stopped early (cap, captcha) can hold fewer rows than the page already shows: the fuller reading wins.
  if (!json || items.length < rendered.length) return { items: rendered, total: c.total, from: c.from, matched };
  return { items, total: json.pages[0]?.recordsTotal ?? null, from: 'json', matched: [`JSON ×${json.pages.length}`] };
}

/**
 * The page's DOM reading with the sections read from JSON put in their place: items from the rows, total from
 * recordsTotal. Sections without JSON, or whose JSON holds fewer rows than the page rendered, keep what the page gave.
 */
export function withJsonSections(dom: ParseSuccess, sections: readonly JsonSection[]): ParseResult {
  const { record, completeness } = dom;
  const reader = dom.reader ?? { site: 'gsxt-gov-cn' as const, version: GSXT_READER_VERSION, layout: 'unknown' };
  const matched = (kind: SectionKind) => reader.sections?.[kind].matched ?? [];
  const source = record.source;
  // A 个体工商户's abnormal rows (indBusExcepUrl, chosen by urlsForEntity) are marks, as its page's 标记 columns say.
  const marks = categoryOf(record.entity).startsWith('92');
  const abnormalRow = (row: Record<string, unknown>) => {
    const item = abnormalFromJson(row);
    return item && marks ? { ...item, kind: 'MARK' as const } : item;
  };
  return pageResult(
    {
      entity: record.entity,
      ...(record.banners ? { banners: record.banners } : {}),
      penalties: section(sections, 'penalties', penaltyFromJson, record.penalties, completeness.penalties, matched('penalties')),
      abnormal: section(sections, 'abnormal', abnormalRow, record.abnormalListings, completeness.abnormal, matched('abnormal')),
      serious: section(sections, 'serious', seriousFromJson, record.seriousListings, completeness.serious, matched('serious')),
    },
    { url: new URL(source?.url ?? 'about:blank'), site: reader.site, observedAt: source?.observedAt ?? '' },
    reader,
  );
}

/** The one URL per section to ask first: the declared names that suggest it, in page order. */
export function sectionTargets(declared: readonly DeclaredUrl[]): SectionTarget[] {
  const targets: SectionTarget[] = [];
  for (const kind of ['penalties', 'abnormal', 'serious'] as const) {
    const first = declared.find((d) => d.guess === kind);
    if (first) targets.push({ kind, url: first.url });
  }
  return targets;
}

/** The page's own DataTables request: draw counts the requests, start and length page through the rows. */
export function dataTablesForm(draw: number, start: number, pageSize: number): URLSearchParams {
  return new URLSearchParams({ draw: String(draw), start: String(start), length: String(pageSize) });
}
