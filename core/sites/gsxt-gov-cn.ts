/**
 * 国家企业信用信息公示系统 (www.gsxt.gov.cn and the provincial *.gsxt.gov.cn): entity pages of the 2017/18 design
 * and of today's (left menu, sections loaded when opened, table.yyzz-table), read by labels and header texts only
 * (saved pages of each layout: fixtures/gsxt-gov-cn/). The JSON of the section endpoints is read by gsxt-json.ts.
 */
import { PageText } from './dom/text.ts';
import { readTables, statedTotal, withKnownHeaders, type Grid } from './dom/tables.ts';
import { readEntity } from './dom/entity.ts';
import { matchesAny } from './match-pattern.ts';
import { pageResult, readerInfo, type Reader, type SectionRead } from './page-record.ts';
import {
  GSXT_READER_VERSION,
  abnormalFromGrid,
  penaltiesFromGrid,
  penaltyTableDoubt,
  sectionOfHeaders,
  seriousFromGrid,
} from './gsxt-sections.ts';
import { dataTablesForm, declaredUrls, readJsonReply, sectionTargets, urlsForEntity, withJsonSections } from './gsxt-json.ts';
import { SECTION_KINDS, type SectionKind } from './sections.ts';
import { readBanners, saysNone, selfPublishedTest } from './gsxt-page.ts';
import { SITE_MATCHES } from './site-ids.ts';
import { failure, type PageKind, type ParseOptions, type SiteAdapter } from './site.ts';
import { NO_RULES, pageRules, withKnownTitles, type Aliases } from './applied-rules.ts';

const MATCH_PATTERNS = SITE_MATCHES['gsxt-gov-cn'];

/**
 * Entity pages: /%7B<token>%7D (web), corp-query-entprise-info-… (detail and app pages), and the detail pages of
 * the provincial sites before 2017 (/company/detail.jspx, /businessPublicity.jspx, GSpublicityList.html?service=
 * entInfo, …!openEntInfo.dhtml), whose saved pages are still read.
 */
const ENTITY_PATH =
  /^\/(%7B|\{)[^/]+(%7D|\})$|corp-query-entprise-info|affiche-query-info|\/company\/detail\.jspx|businessPublicity\.jspx|GSpublicityList\.html|!openEntInfo\.dhtml/i;
const SEARCH_PATH = /corp-query-search|search/i;
/** A section of entity pages, in its title or its menu: proof enough that a page of unknown URL is an entity page. */
const SECTION_TITLE =
  /行政处罚信息|列入经营异常名录信息|经营异常信息|严重违法(失信)?(企业)?(名单)?信息|严重违法失信|营业执照信息|基本信息|登记信息/;
/** Words of a search or list page. A section's own count (共计2条信息) is not one: those pages are judged first. */
const SEARCH_WORDS = /条信息|搜索结果|查询结果|记录总数/;
/** 统一社会信用代码：9133…: many distinct codes after their label make a list of entities. */
const LABELLED_CODE = /(?:统一社会信用代码|注册号)[^:：\d]{0,12}[:：]\s*([0-9A-Z]{13,18})/g;
/** Titles of blocks the enterprise publishes itself: their penalty tables repeat, not replace, the authority's. */
const SELF_PUBLISHED = /企业(自行|自主)?公示|即时信息|自行公示/;

/** `sections`: the team's section-title aliases (site rules), read as the titles they stand for. */
function pageKind(url: URL, root: ParentNode, t = new PageText(), sections: Aliases = NO_RULES.sections): PageKind {
  if (ENTITY_PATH.test(url.pathname)) return 'entity';
  if (SEARCH_PATH.test(url.pathname)) return 'search';
  // A page of unknown URL (saved without its address, or from a host that is gone): judged by its content.
  const text = withKnownTitles(sections, t.of(root));
  const codes = new Set(Array.from(text.matchAll(LABELLED_CODE), (m) => m[1]));
  if (codes.size >= 2) return 'search';
  if (/统一社会信用代码|注册号/.test(text) && SECTION_TITLE.test(text) && /名称|\S{2,}(公司|厂|店|社|部|中心)/.test(text)) return 'entity';
  if (SEARCH_WORDS.test(text)) return 'search';
  return 'other';
}

/** The heading just before a table (siblings of the table and of its nearest ancestors). */
function headingBefore(table: Element, t: PageText, sections: Aliases): string {
  let node: Element | null = table;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    let prev = node.previousElementSibling;
    for (let n = 0; prev && n < 3; n++, prev = prev.previousElementSibling) {
      const text = t.of(prev);
      if (text && text.length <= 60) return withKnownTitles(sections, text);
    }
  }
  return '';
}

interface Page {
  root: ParentNode;
  t: PageText;
  selfPublished: (el: Element) => boolean;
  sections: Aliases;
}

/**
 * A section from its tables. `doubt`: why a table cannot be read as it is (a needed column renamed); such a table
 * gives no items and leaves the section's total unknown, and says why in what was matched (page reports).
 */
function readSection<T>(
  kind: SectionKind,
  grids: Grid[],
  all: Grid[],
  page: Page,
  toItems: (g: Grid) => T[],
  doubt: (g: Grid) => string | null = () => null,
): SectionRead<T> {
  const doubts = grids.map(doubt);
  const items = grids.flatMap((grid, i) => (doubts[i] ? [] : toItems(grid)));
  let total: number | null = null;
  for (const grid of grids) {
    const stated = statedTotal(grid, all, page.t);
    if (stated.total !== null) total = (total ?? 0) + stated.total;
    else if (grid.saysEmpty && grid.rows.length === 0) total = total ?? 0;
  }
  if (doubts.some((d) => d !== null)) total = null;
  if (grids.length === 0 && saysNone(page.root, kind, page.t, page.selfPublished, page.sections)) total = 0;
  const matched = grids.map((g, i) => g.headers.join(' | ') + (doubts[i] ? ` (not read: ${doubts[i]})` : ''));
  return { items, total, from: 'dom', matched };
}

/**
 * The layout a page follows: today's design (left menu #resultMenu, div.yyzz-all), the 2017/18 unified web design,
 * a provincial sub-site's own (its host), or a provincial site from before 2017 (its .jspx/.dhtml/.html paths).
 */
function layoutOf(url: URL, root: ParentNode): string {
  if (root.querySelector('#resultMenu, .yyzz-all, .yyzz-table')) return 'web-2026';
  if (/\.jspx|\.dhtml|GSpublicityList\.html/i.test(url.pathname)) return 'provincial-pre-2017';
  if (/^(?!www\.)[a-z]+\.gsxt\.gov\.cn$/i.test(url.hostname)) return 'provincial';
  if (/\.gsxt\.gov\.cn$/i.test(url.hostname)) return 'web-2017';
  return 'unknown';
}

function parse(root: ParentNode, url: URL, observedAt: string, options: ParseOptions) {
  const t = new PageText();
  const layout = layoutOf(url, root);
  const rules = pageRules(options.rules, layout, GSXT_READER_VERSION);
  const reader: Reader = { version: GSXT_READER_VERSION, layout, ...(rules.version !== undefined ? { rulesVersion: rules.version } : {}) };
  const info = readerInfo(adapter.id, reader);
  const kind = pageKind(url, root, t, rules.sections);
  if (kind !== 'entity')
    return failure('unsupported-page', `not an entity page (${kind === 'search' ? 'search results' : 'other page'}): ${url.href}`, info);
  // The team's kill switch: no numbers at all, the administrator's message instead.
  if (rules.disabled !== undefined) return failure('disabled', rules.disabled, info);
  const pageText = t.of(root);
  if (pageText.length < 10) return failure('empty', 'the page has no content (still loading, or saved before it rendered)', info);
  const entity = readEntity(root, t, undefined, rules.fields);
  if (!entity || (!entity.uscc && !entity.regNo)) {
    return failure('structure-changed', 'no entity name and credit code found by their labels (统一社会信用代码/注册号, 名称)', info);
  }
  const grids = readTables(root, t).map((grid) => withKnownHeaders(grid, rules.columns));
  const page: Page = { root, t, selfPublished: selfPublishedTest(root, t), sections: rules.sections };
  const bySection = new Map<SectionKind, Grid[]>(SECTION_KINDS.map((k) => [k, []]));
  const recordGrids: Grid[] = [];
  for (const grid of grids) {
    const section = sectionOfHeaders(grid.headers);
    if (!section) continue;
    // The enterprise's own tables say nothing about the authority's sections, not even by their 暂无.
    if (page.selfPublished(grid.table) || (section === 'penalties' && SELF_PUBLISHED.test(headingBefore(grid.table, t, rules.sections))))
      continue;
    bySection.get(section)?.push(grid);
    recordGrids.push(grid);
  }
  const abnormalGrids = bySection.get('abnormal') ?? [];
  // 标记/恢复 columns: the marks of a 个体工商户 (the page shows the kind even where its labels do not).
  if (!entity.kind && abnormalGrids.some((g) => g.headers.some((h) => /标记|恢复/.test(h)))) entity.kind = 'INDIVIDUAL';
  const banners = readBanners(root, t, new Set(grids.flatMap((g) => (g.body ? [g.table, g.body] : [g.table]))));
  return pageResult(
    {
      entity,
      banners,
      penalties: readSection('penalties', bySection.get('penalties') ?? [], recordGrids, page, penaltiesFromGrid, penaltyTableDoubt),
      abnormal: readSection('abnormal', bySection.get('abnormal') ?? [], recordGrids, page, abnormalFromGrid),
      serious: readSection('serious', bySection.get('serious') ?? [], recordGrids, page, seriousFromGrid),
    },
    { url, site: adapter.id, observedAt },
    reader,
  );
}

export const adapter: SiteAdapter = {
  id: 'gsxt-gov-cn',
  readerVersion: GSXT_READER_VERSION,
  title: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' },
  matchPatterns: MATCH_PATTERNS,
  matches: (url) => matchesAny(MATCH_PATTERNS, url),
  pageKind,
  // Every row of a section from the endpoints the page declares (the page renders 5 a page).
  completeRead: {
    targets: (scriptText, entity) => sectionTargets(urlsForEntity(declaredUrls(scriptText), entity)),
    form: dataTablesForm,
    readReply: readJsonReply,
    merge: withJsonSections,
  },
  // Today's design loads a section only when its menu item is opened.
  openSections: {
    menuTitles: {
      penalties: /^行政处罚(信息)?$/,
      abnormal: /^(列入)?经营异常(名录)?(信息)?$/,
      serious: /^(列入)?严重违法(失信)?(企业)?(名单)?(（黑名单）|\(黑名单\))?(信息)?$/,
    },
  },
  parse(root, url, observedAt, options = {}) {
    try {
      return parse(root, url, observedAt, options);
    } catch (error) {
      // Last resort: a DOM this code has never seen must still get an answer, not an exception.
      const reader = readerInfo(adapter.id, { version: GSXT_READER_VERSION, layout: 'unknown' });
      return failure('structure-changed', `unexpected page structure: ${error instanceof Error ? error.message : String(error)}`, reader);
    }
  },
};
