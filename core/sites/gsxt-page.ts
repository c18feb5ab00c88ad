/**
 * What a gsxt page says outside its record tables: the site's own sentences about this entity's listing (banners
 * such as 该企业已列入经营异常名录), the blocks the enterprise publishes itself (以下信息由该企业提供), and the
 * "no records" sentences of the authority's sections.
 */
import type { Banner } from '../schemas/record.ts';
import { isHidden, walk, type PageText } from './dom/text.ts';
import type { SectionKind } from './sections.ts';
import { withKnownTitles, type Aliases } from './applied-rules.ts';

/** Shown to a person: neither the element nor any ancestor is hidden. */
export function isShown(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (isHidden(node)) return false;
  return true;
}

/**
 * The smallest elements whose text matches, each widened to the outermost ancestor that shows the same text.
 * `hint`: a word every match contains. An element's text holds its children's, so a subtree whose text lacks the
 * hint is passed over whole (a 200-row table in one step) — unless it conceals elements (a hidden tab), whose own
 * text its text leaves out: those subtrees are entered.
 */
export function sentences(root: ParentNode, re: { test(text: string): boolean }, hint: string, t: PageText, maxLength: number): Element[] {
  const found: Element[] = [];
  walk(root, (el) => {
    const raw = t.raw(el);
    if (!raw.includes(hint)) return t.conceals(el) ? undefined : 'skip';
    // Far longer than a sentence: a container, skipped before tidying its text.
    if (raw.length > maxLength * 8) return;
    const text = t.of(el);
    if (text.length > maxLength || !re.test(text) || Array.from(el.children).some((c) => re.test(t.of(c)))) return;
    let outer = el;
    while (outer.parentElement && t.of(outer.parentElement) === text) outer = outer.parentElement;
    if (!found.includes(outer)) found.push(outer);
  });
  return found;
}

// ---- Banners ----

/**
 * 该企业已列入经营异常名录, 该企业被列入经营异常名录和黑名单, 该个体工商户标记为经营异常状态: a sentence about this
 * entity (该…) that says it is listed or marked. "未列入", section titles and notices about other enterprises never match.
 */
const BANNER = /该(企业|个体工商户|农民专业合作社|主体|单位)(已|被){0,2}(列入|载入|标记)[^\s“”"'。；;]*/g;
const ABNORMAL = /经营异常/;
const SERIOUS = /严重违法|黑名单|失信/;

/** The page's banners, outside record tables and hidden elements, in page order, each list once per sentence. */
export function readBanners(root: ParentNode, t: PageText, recordTables: ReadonlySet<Element>): Banner[] {
  const banners: Banner[] = [];
  const add = (banner: Banner) => {
    if (!banners.some((b) => b.list === banner.list && b.text === banner.text)) banners.push(banner);
  };
  for (const el of sentences(root, /该(企业|个体工商户|农民专业合作社|主体|单位)(已|被){0,2}(列入|载入|标记)/, '该', t, 200)) {
    if (!isShown(el) || [...recordTables].some((table) => table.contains(el))) continue;
    for (const [text] of t.of(el).matchAll(BANNER)) {
      if (ABNORMAL.test(text)) add({ list: 'abnormal', ...(/标记/.test(text) ? { kind: 'MARK' as const } : {}), text });
      if (SERIOUS.test(text)) add({ list: 'serious', text });
    }
  }
  return banners;
}

// ---- The enterprise's own publicity ----

/**
 * The line or title that opens the enterprise's own block: 以下信息由该企业提供，企业对其报送信息的真实性、合法性负责, or
 * a block title 企业即时信息 / 企业自行公示信息 (a section title such as 企业自行公示的行政处罚信息 names only its table).
 */
const SELF_PUBLISHED_LINE = /以下信息由(该)?企业(提供|自行公示)|^企业即时信息$|^企业自行公示(信息)?$/;

/** Node.DOCUMENT_POSITION_FOLLOWING (core names no DOM globals). */
const FOLLOWING = 4;

/** Everything that follows the enterprise's own line inside the block holding it is the enterprise's. */
export function selfPublishedTest(root: ParentNode, t: PageText): (el: Element) => boolean {
  // Hidden or not: a tab not open still holds its tables, read like the open one.
  const lines = sentences(root, SELF_PUBLISHED_LINE, '企业', t, 120);
  return (el) =>
    lines.some((line) => {
      const block = line.parentElement;
      return !!block && block.contains(el) && (line.compareDocumentPosition(el) & FOLLOWING) !== 0;
    });
}

// ---- "None" sentences of the authority's sections ----

const SAYS_NONE: Record<SectionKind, RegExp> = {
  penalties: /暂无(行政处罚)|行政处罚信息\s*暂无/,
  abnormal: /暂无(列入)?经营异常/,
  serious: /暂无(列入)?严重违法失信/,
};

/**
 * The page says this section has no records, in a block shown to a person that is not the enterprise's own.
 * `sections`: the team's section-title aliases, read as the titles they stand for.
 */
export function saysNone(
  root: ParentNode,
  kind: SectionKind,
  t: PageText,
  selfPublished: (el: Element) => boolean,
  sections: Aliases = new Map(),
): boolean {
  const says = sections.size === 0 ? SAYS_NONE[kind] : { test: (text: string) => SAYS_NONE[kind].test(withKnownTitles(sections, text)) };
  return sentences(root, says, '暂无', t, 80).some((el) => isShown(el) && !selfPublished(el));
}
