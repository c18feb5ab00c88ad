/**
 * 信用中国 (www.creditchina.gov.cn): the entity detail page. It is rendered in the browser from the site's API, so
 * its markup is the front end's own: records are read as groups of label：value pairs (the API's Chinese labels)
 * under their category, the credit code from the URL's `tyshxydm` (real pages: fixtures/creditchina-gov-cn/real/).
 */
import { labelForm } from '../lib/text.ts';
import { readLabels, type LabelTable } from './dom/labels.ts';
import { readEntity } from './dom/entity.ts';
import { PageText, all } from './dom/text.ts';
import { ABNORMAL_FIELDS, PENALTY_FIELDS, SERIOUS_FIELDS, abnormalOf, penaltyOf, seriousOf, type Fields } from './creditchina-fields.ts';
import { matchesAny } from './match-pattern.ts';
import { pageResult, readerInfo, type Reader, type SectionRead } from './page-record.ts';
import { SITE_MATCHES } from './site-ids.ts';
import { failure as failed, type PageKind, type ParseOptions, type SiteAdapter } from './site.ts';
import { known, pageRules, withAliases, withKnownTitles, type PageRules } from './applied-rules.ts';

/** The Credit China reader's version: raised with every change of what it reads. */
const READER_VERSION = '2.1.0';
/** The one layout known: the detail page rendered from the site's API (label：value groups under categories). */
const LAYOUT = 'detail-2024';

const MATCH_PATTERNS = SITE_MATCHES['creditchina-gov-cn'];
const DETAIL_PATH = /xinyongxinxixiangqing\//i;

/** The label that opens each record of a kind; a record is the smallest block holding exactly one. */
const GROUP_START = {
  penalties: /^(行政)?处罚决定书文号$|^决定书文号$/,
  abnormal: /^列入经营异常名录原因(类型名称)?$/,
  serious: /^列入严重违法失信(主体)?名单原因$|^(列入|认定)(严重失信)?原因$/,
};
/** Openers of records we do not read (licences): they bound the records we do. */
const OTHER_STARTS = /^行政许可决定(文)?书号$|^许可决定书文号$/;
const CATEGORY = { penalties: /行政管理|行政处罚/, abnormal: /经营异常/, serious: /严重失信|黑名单|严重违法/ };
const SAYS_NONE = /暂无|无数据|没有(相关)?(数据|记录|信息)/;

function pageKind(url: URL, root: ParentNode, t = new PageText()): PageKind {
  if (DETAIL_PATH.test(url.pathname) && (url.searchParams.get('tyshxydm') || url.searchParams.get('keyword'))) return 'entity';
  if (DETAIL_PATH.test(url.pathname)) return /统一社会信用代码/.test(t.of(root)) ? 'entity' : 'other';
  return /search|sousuo/i.test(url.pathname) ? 'search' : 'other';
}

/** An element's label, as the reader knows it (the team's field aliases read as the labels they stand for). */
function labelOf(el: Element, t: PageText, rules: PageRules): string {
  return known(rules.fields, labelForm(t.of(el).split(/[:：]/)[0] ?? ''));
}

/** Elements whose own label text opens a record (the innermost such element). */
function starts(root: ParentNode, start: RegExp, t: PageText, rules: PageRules): Element[] {
  return all(root, 'dt, th, td, span, b, strong, label, div, p, li').filter((el) => {
    if (t.raw(el).length > 60) return false;
    const text = labelOf(el, t, rules);
    return start.test(text) && !Array.from(el.children).some((c) => labelOf(c, t, rules) === text);
  });
}

/** Each opener's record: its largest ancestor that holds no other record's opener (of any kind). */
function groups(root: ParentNode, start: RegExp, openers: readonly Element[], t: PageText, rules: PageRules): Element[] {
  return starts(root, start, t, rules).map((opener) => {
    let group: Element = opener;
    for (let parent = group.parentElement; parent && parent !== root; parent = parent.parentElement) {
      if (openers.some((o) => o !== opener && parent.contains(o))) break;
      group = parent;
    }
    return group;
  });
}

/** The category a record sits under: the short text before it, or the heading it starts with. */
function categoryOf(group: Element, t: PageText, rules: PageRules): string {
  const own = withKnownTitles(rules.sections, t.of(group).slice(0, 30));
  for (let node: Element | null = group; node; node = node.parentElement) {
    for (let prev = node.previousElementSibling, n = 0; prev && n < 4; prev = prev.previousElementSibling, n++) {
      const text = t.of(prev);
      if (text && text.length <= 30) return `${withKnownTitles(rules.sections, text)} ${own}`;
    }
  }
  return own;
}

/** A category heading whose block says it has no records (暂无数据): that section's total is 0. */
function saysNone(root: ParentNode, t: PageText, category: RegExp, rules: PageRules): boolean {
  return all(root, 'div, h2, h3, h4, h5, span, p, li, dt').some((el) => {
    const text = withKnownTitles(rules.sections, t.of(el));
    if (text.length > 12 || !category.test(text)) return false;
    const block = el.parentElement;
    return !!block && t.raw(block).length <= 80 && SAYS_NONE.test(t.of(block));
  });
}

interface SectionSpec<T> {
  start: RegExp;
  fields: LabelTable;
  convert: (f: Fields) => T | null;
  /** The category heading: a record of a generic opener (列入原因) must sit under it; "暂无" under it means 0. */
  category: RegExp;
  /** Only records under the category count (the opener alone is not specific enough). */
  mustBeUnder: boolean;
  /** Why a record's fields cannot be read as they are (a needed label renamed), or null. */
  doubt?: (f: Fields) => string | null;
}

/**
 * Every penalty of the 双公示 standard has its decision date (cf_jdrq): a record without 处罚决定日期 under a label the
 * reader knows has had it renamed, and dated by its publicity date instead it would count in the wrong three years.
 */
const penaltyDoubt = (f: Fields) => (f.has('decisionDate') ? null : 'no decision date under a known label');

function read<T>(root: ParentNode, t: PageText, openers: readonly Element[], spec: SectionSpec<T>, rules: PageRules): SectionRead<T> {
  const { start, convert, category, mustBeUnder, doubt = () => null } = spec;
  const fields = withAliases(spec.fields, rules.fields);
  const taken = groups(root, start, openers, t, rules).filter((g) => !mustBeUnder || category.test(categoryOf(g, t, rules)));
  const read = taken.map((g) => {
    const f = readLabels(g, fields, t);
    return { f, doubt: doubt(f) };
  });
  const doubts = [...new Set(read.flatMap((r) => (r.doubt === null ? [] : [r.doubt])))];
  const items = read.flatMap((r) => (r.doubt === null ? [convert(r.f)] : [])).filter((item): item is T => item !== null);
  const labels = [...new Set(taken.map((g) => labelOf(starts(g, start, t, rules)[0] ?? g, t, rules)))];
  const matched = [...labels, ...doubts.map((d) => `not read: ${d}`)];
  // The page states no count; only an explicit "none" under the category is a total (0) — never beside a record not read.
  const none = items.length === 0 && doubts.length === 0 && saysNone(root, t, category, rules);
  return { items, total: none ? 0 : null, from: 'dom', matched };
}

function parse(root: ParentNode, url: URL, observedAt: string, options: ParseOptions) {
  const t = new PageText();
  const rules = pageRules(options.rules, LAYOUT, READER_VERSION);
  const reader: Reader = {
    version: READER_VERSION,
    layout: LAYOUT,
    ...(rules.version !== undefined ? { rulesVersion: rules.version } : {}),
  };
  const failure = (reason: Parameters<typeof failed>[0], detail: string) => failed(reason, detail, readerInfo(adapter.id, reader));
  if (pageKind(url, root, t) !== 'entity') return failure('unsupported-page', `not a Credit China entity page: ${url.href}`);
  // The team's kill switch: no numbers at all, the administrator's message instead.
  if (rules.disabled !== undefined) return failure('disabled', rules.disabled);
  if (t.of(root).length < 10) return failure('empty', 'the page has no content (it renders in the browser; save it after it has loaded)');
  const name = url.searchParams.get('keyword') ?? undefined;
  const entity = readEntity(root, t, name, rules.fields);
  const uscc = url.searchParams.get('tyshxydm');
  if (!entity) return failure('structure-changed', 'no entity name found on the page or in the URL');
  if (uscc && !entity.uscc) entity.uscc = uscc;
  if (!entity.uscc && !entity.regNo) return failure('structure-changed', 'no credit code in the URL (tyshxydm) or on the page');
  const openers = [...Object.values(GROUP_START), OTHER_STARTS].flatMap((start) => starts(root, start, t, rules));
  return pageResult(
    {
      entity,
      penalties: read(
        root,
        t,
        openers,
        {
          start: GROUP_START.penalties,
          fields: PENALTY_FIELDS,
          convert: penaltyOf,
          category: CATEGORY.penalties,
          mustBeUnder: false,
          doubt: penaltyDoubt,
        },
        rules,
      ),
      abnormal: read(
        root,
        t,
        openers,
        { start: GROUP_START.abnormal, fields: ABNORMAL_FIELDS, convert: abnormalOf, category: CATEGORY.abnormal, mustBeUnder: true },
        rules,
      ),
      serious: read(
        root,
        t,
        openers,
        { start: GROUP_START.serious, fields: SERIOUS_FIELDS, convert: seriousOf, category: CATEGORY.serious, mustBeUnder: true },
        rules,
      ),
    },
    { url, site: adapter.id, observedAt },
    reader,
  );
}

export const adapter: SiteAdapter = {
  id: 'creditchina-gov-cn',
  readerVersion: READER_VERSION,
  title: { zh: '信用中国', en: 'Credit China' },
  matchPatterns: MATCH_PATTERNS,
  matches: (url) => matchesAny(MATCH_PATTERNS, url),
  pageKind,
  parse(root, url, observedAt, options = {}) {
    try {
      return parse(root, url, observedAt, options);
    } catch (error) {
      const reader = readerInfo(adapter.id, { version: READER_VERSION, layout: 'unknown' });
      return failed('structure-changed', `unexpected page structure: ${error instanceof Error ? error.message : String(error)}`, reader);
    }
  },
};
