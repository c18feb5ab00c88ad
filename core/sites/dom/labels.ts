/**
 * Label：value pairs wherever a page puts them — <dt>/<dd>, label and value cells of a table, or a label element
 * followed by its value in the same block (<b>统一社会信用代码：</b>9133…) — found by the label's text alone.
 */
import { labelForm, tidyText, toHalfWidth } from '../../lib/text.ts';
import { cellsOf, rowsOf } from './tables.ts';
import { all, upperTag, walk, type PageText } from './text.ts';

/** Known labels (label form) → the key they fill. Checked longest first so 统一社会信用代码/注册号 beats 注册号. */
export type LabelTable = ReadonlyArray<readonly [label: string, key: string]>;

/** Each table as a map, made once: a page has thousands of cells to look up. */
const INDEXES = new WeakMap<LabelTable, { byLabel: Map<string, string>; keys: number }>();

function indexOf(labels: LabelTable): { byLabel: Map<string, string>; keys: number } {
  let index = INDEXES.get(labels);
  if (!index) {
    const byLabel = new Map<string, string>();
    for (const [label, key] of labels) if (!byLabel.has(label)) byLabel.set(label, key);
    index = { byLabel, keys: new Set(labels.map(([, key]) => key)).size };
    INDEXES.set(labels, index);
  }
  return index;
}

/** Index in `text` just after its first `n` non-space characters. */
function afterNonSpace(text: string, n: number): number {
  let seen = 0;
  let i = 0;
  for (; i < text.length && seen < n; i++) if (text[i] !== ' ') seen++;
  return i;
}

/**
 * "统一社会信用代码：9133… 登记机关：…" → the value after `label`, cut at the next known label. Labels are compared
 * in label form (half-width, no spaces: the sites pad them with em spaces); the value keeps its characters.
 */
function valueAfter(text: string, label: string, labels: LabelTable): string | null {
  const half = toHalfWidth(text);
  if (!half.replace(/ /g, '').startsWith(label)) return null;
  let rest = text.slice(afterNonSpace(text, label.length));
  const colon = /^\s*[:：]\s*/.exec(rest);
  if (!colon) return null;
  rest = rest.slice(colon[0].length);
  const compact = toHalfWidth(rest).replace(/ /g, '');
  let cut = compact.length;
  for (const [other] of labels) {
    const at = compact.indexOf(`${other}:`);
    // At 0 the value is empty and the next label follows (名称：<empty> 类型：…).
    if (at >= 0 && at < cut) cut = at;
  }
  return rest.slice(0, afterNonSpace(rest, cut)).trim();
}

export interface LabelOptions {
  /** Cells of these tables are never labels nor values (record tables: their header rows are column names). */
  skipTables?: ReadonlySet<Element>;
  /** A value this refuses is passed over and the key is looked for further on. */
  accept?: (key: string, value: string) => boolean;
  /** When the costly inline pass may stop short of every key (default: every key found). */
  enough?: (found: ReadonlyMap<string, string>) => boolean;
}

/**
 * Cells of every table but these and the tables inside them, table by table in document order (a nested table's
 * after its outer table's): a page's 200-row record table is passed over whole instead of cell by cell.
 */
function cellsOutside(root: ParentNode, tables: ReadonlySet<Element>): Element[] {
  const inside = (table: Element) => {
    for (let el: Element | null = table; el; el = el.parentElement) if (tables.has(el)) return true;
    return false;
  };
  return all(root, 'table')
    .filter((table) => !inside(table))
    .flatMap((table) => rowsOf(table).flatMap(cellsOf));
}

const INLINE_TAGS: ReadonlySet<string> = new Set(['B', 'STRONG', 'SPAN', 'LABEL', 'EM', 'DT', 'TH', 'TD', 'DIV', 'P', 'LI']);

const BLOCKS: ReadonlySet<string> = new Set([
  'DIV',
  'P',
  'UL',
  'OL',
  'LI',
  'TABLE',
  'DL',
  'DT',
  'DD',
  'TR',
  'TD',
  'TH',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
]);

/**
 * The text right after a label element (<span>企业名称：</span><span>示例…</span>): its inline following siblings,
 * up to the first block — never a title or menu that sits between a label and its value.
 */
function followingText(el: Element, t: PageText): string {
  let text = '';
  for (let node = el.nextSibling; node && text.length <= 400; node = node.nextSibling) {
    if (node.nodeType === 1 && BLOCKS.has((node as Element).tagName.toUpperCase())) break;
    text += t.raw(node);
  }
  return tidyText(text);
}

const COLON = /[:：]/;

/** Leading bullets some layouts put before a label (·&nbsp;企业名称：…). */
const BULLET = /^[·•●▪.]\s*/;

/** All label → value pairs for the given labels; the first occurrence of a key wins. */
export function readLabels(root: ParentNode, labels: LabelTable, t: PageText, options: LabelOptions = {}): Map<string, string> {
  const { byLabel, keys } = indexOf(labels);
  const { skipTables, accept } = options;
  const found = new Map<string, string>();
  const put = (key: string | undefined, value: string | null | undefined) => {
    const v = value?.trim();
    // A value that is itself a label of the table is the next label, not a value (an empty value cell).
    if (key && v && !found.has(key) && !byLabel.has(labelForm(v)) && (!accept || accept(key, v))) found.set(key, v);
  };
  // Each pass stops once every key has its value: on a page of 200 penalty rows the labels are all in its head.
  const complete = () => found.size === keys;
  // Asked at every element of the inline pass: answered again only when something was found.
  let enoughFor = -1;
  let isEnough = false;
  const enough = () => {
    if (enoughFor !== found.size) {
      enoughFor = found.size;
      isEnough = options.enough ? options.enough(found) : complete();
    }
    return isEnough;
  };
  // First characters of the labels still looked for: a cell without any of them is passed over before its text is tidied.
  let firsts: string[] = [];
  let firstsFor = -1;
  const mayHoldLabel = (raw: string) => {
    if (firstsFor !== found.size) {
      firsts = [...new Set(labels.filter(([, key]) => !found.has(key)).map(([label]) => label.charAt(0)))];
      firstsFor = found.size;
    }
    return firsts.some((c) => raw.includes(c));
  };
  for (const dt of all(root, 'dt')) {
    if (complete()) return found;
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD' && mayHoldLabel(t.raw(dt))) put(byLabel.get(labelForm(t.of(dt))), t.of(dd));
  }
  for (const cell of skipTables?.size ? cellsOutside(root, skipTables) : all(root, 'td, th')) {
    if (complete()) return found;
    // Labels are short: most cells are values and are skipped on their length.
    const raw = t.raw(cell);
    if (raw.length > 60 || !mayHoldLabel(raw)) continue;
    const key = byLabel.get(labelForm(t.of(cell)));
    const next = cell.nextElementSibling;
    if (key && next && (next.tagName === 'TD' || next.tagName === 'TH')) put(key, t.of(next));
  }
  // Inline: the smallest block whose text starts with a known label and a colon. Record tables are left out whole:
  // their cells are records (a penalty's text may say 名称：…), never the entity's labels. A block whose text has no
  // colon holds none below it either (unless it conceals elements: a hidden tab).
  walk(root, (el) => {
    if (enough()) return 'stop';
    if (skipTables?.has(el)) return 'skip';
    const raw = t.raw(el);
    if (!COLON.test(raw)) return t.conceals(el) ? undefined : 'skip';
    // Only short inline-or-cell blocks can be "label：value".
    if (raw.length > 400 || !INLINE_TAGS.has(upperTag(el))) return;
    const text = t.of(el).replace(BULLET, '');
    const compact = toHalfWidth(text).replace(/ /g, '');
    for (const [label, key] of labels) {
      if (found.has(key)) continue;
      if (!compact.startsWith(label) && !label.startsWith(compact.replace(/:/g, ''))) continue;
      // A child that starts with the label reads it (or finds it empty): the block around it would take whatever
      // follows in the block (a title, a menu, the next row) for the value.
      if (Array.from(el.children).some((c) => toHalfWidth(t.of(c)).replace(/ /g, '').startsWith(label))) continue;
      const value = valueAfter(text, label, labels) || valueAfter(`${text} ${followingText(el, t)}`, label, labels);
      if (value) put(key, value);
    }
  });
  return found;
}
