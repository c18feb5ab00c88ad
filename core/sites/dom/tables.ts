/**
 * Tables read by their header texts, never by ids, classes or column positions: a header row (th cells, or a first
 * row of labels), its data rows, a header and body split over two tables (the gsxt 2017 `specialfuckth` layout),
 * the "no records" row, and the count the page states near the table (共 N 条 / 共 查询到 N 条记录).
 */
import { labelForm, tidyText, toHalfWidth } from '../../lib/text.ts';
import { known, type Aliases } from '../applied-rules.ts';
import { isColumnWord } from './field-words.ts';
import { all, isHidden, upperTag, type PageText } from './text.ts';

export interface Grid {
  table: Element;
  /** The header-less table that holds this table's rows, when the page splits a table in two. */
  body?: Element;
  /** Header labels in label form (half-width, no spaces, no trailing colon). */
  headers: string[];
  /** Cell texts of the data rows. */
  rows: string[][];
  /** The table says it has no records (暂无…, 没有…, 无数据). */
  saysEmpty: boolean;
}

const EMPTY_TEXT = /暂无|没有(相关)?(数据|记录|信息)|无(相关)?(数据|记录)|未查询到/;
const LOADING_TEXT = /正在加载|加载中|请稍候/;

const SECTIONS: ReadonlySet<string> = new Set(['THEAD', 'TBODY', 'TFOOT']);

/**
 * The table's own rows in tree order (its tr children and those of its thead/tbody/tfoot), never a nested table's:
 * HTMLTableElement.rows by hand, a walk of two levels (happy-dom's `rows` also returns nested tables' rows).
 */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (let el = table.firstElementChild; el; el = el.nextElementSibling) {
    const tag = upperTag(el);
    if (tag === 'TR') rows.push(el);
    else if (SECTIONS.has(tag)) for (let tr = el.firstElementChild; tr; tr = tr.nextElementSibling) if (tr.tagName === 'TR') rows.push(tr);
  }
  return rows;
}

function ownRows(table: Element): Element[] {
  return rowsOf(table).filter((tr) => !isHidden(tr));
}

export function cellsOf(tr: Element): Element[] {
  const cells: Element[] = [];
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.tagName === 'TD' || c.tagName === 'TH') cells.push(c);
  return cells;
}

/** The header table nested in a single header cell (the 2017/18 rendered layout: th > div.specialfuckth > table). */
function nestedHeader(cells: Element[]): Element | null {
  return cells.length === 1 && cells[0]?.tagName === 'TH' ? cells[0].querySelector('table') : null;
}

/** A header row: all th, or (tables without th) a first row whose cells look like column labels. */
function isHeaderRow(cells: Element[], first: boolean, t: PageText): boolean {
  const nested = nestedHeader(cells);
  if (nested) return ownRows(nested).some((tr) => isHeaderRow(cellsOf(tr), true, t));
  // One cell across the table is a title row (基本信息, 经营异常信息), not the column labels.
  if (cells.length < 2) return false;
  if (cells.every((c) => c.tagName === 'TH')) return true;
  if (!first) return false;
  const texts = cells.map((c) => labelForm(t.of(c)));
  return texts.includes('序号') && texts.every((t) => t !== '' && !/\d{4}/.test(t));
}

/** Labels of a header row; a single header cell holding its own table gives that table's labels. */
function headerLabels(cells: Element[], t: PageText): string[] {
  const nested = nestedHeader(cells);
  if (nested) {
    const inner = ownRows(nested)
      .map(cellsOf)
      .find((c) => isHeaderRow(c, true, t));
    if (inner) return inner.map((c) => labelForm(t.of(c)));
  }
  return cells.map((c) => labelForm(t.of(c)));
}

export function readTable(table: Element, t: PageText): Grid {
  const rows = ownRows(table);
  let headers: string[] = [];
  const data: string[][] = [];
  let saysEmpty = false;
  rows.forEach((tr, index) => {
    const cells = cellsOf(tr);
    if (headers.length === 0 && isHeaderRow(cells, index === 0, t)) {
      headers = headerLabels(cells, t);
      return;
    }
    const texts = cells.map((c) => t.once(c));
    if (texts.length <= 1 || texts.filter((t) => t !== '').length <= 1) {
      if (EMPTY_TEXT.test(texts.join(''))) saysEmpty = true;
      return;
    }
    data.push(texts);
  });
  return { table, headers, rows: data, saysEmpty };
}

/**
 * Every table of the page read once, with a header-only table joined to the header-less table that follows it
 * (same column count): the body of a split table.
 */
export function readTables(root: ParentNode, t: PageText): Grid[] {
  // A table inside a header cell is the layout of its outer table's header, read with that table.
  const grids = all(root, 'table')
    .filter((table) => !isHidden(table) && !table.closest('[hidden]') && !table.parentElement?.closest('th'))
    .map((table) => readTable(table, t));
  const out: Grid[] = [];
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i] as Grid;
    const next = grids[i + 1];
    const isBodyOf = next && next.headers.length === 0 && !grid.table.contains(next.table);
    if (grid.headers.length > 0 && grid.rows.length === 0 && isBodyOf && next.rows.every((r) => r.length === grid.headers.length)) {
      out.push({ ...grid, body: next.table, rows: next.rows, saysEmpty: grid.saysEmpty || next.saysEmpty });
      i++;
    } else out.push(grid);
  }
  return out.filter((g) => g.headers.length > 0);
}

/**
 * A row of column names: all th, or short label-like cells (no colon, no value-like digits) with 序号 or two
 * neighbouring column words. Label：value rows alternate labels and values and never have two column words side by side.
 */
function isColumnRow(cells: Element[], t: PageText): boolean {
  if (cells.length < 3) return false;
  if (cells.every((c) => c.tagName === 'TH')) return true;
  const raw = cells.map((c) => t.of(c));
  const texts = raw.map(labelForm);
  if (raw.some((r, i) => texts[i] === '' || r.length > 20 || /[:：]|\d{4}/.test(r))) return false;
  return texts.includes('序号') || texts.some((x, i) => i > 0 && isColumnWord(x) && isColumnWord(texts[i - 1] as string));
}

/**
 * Tables holding records under a row of column names, hidden or not, with the header-less table that follows a
 * header-only one (its body): none of their cells is a label：value pair.
 */
export function recordTables(root: ParentNode, t: PageText): Set<Element> {
  const found = new Set<Element>();
  const tables = all(root, 'table');
  tables.forEach((table, i) => {
    const rows = rowsOf(table);
    // Rows are looked at up to the header: a 200-row table is known by its first.
    const header = rows.findIndex((tr) => {
      const cells = cellsOf(tr);
      return isColumnRow(cells, t) || (cells.length === 1 && nestedHeader(cells) !== null);
    });
    if (header < 0) return;
    found.add(table);
    const next = tables[i + 1];
    if (!next || rows.length !== header + 1 || table.contains(next)) return;
    const width = cellsOf(rows[header] as Element).length;
    const bodyRows = rowsOf(next)
      .map(cellsOf)
      .filter((c) => c.length > 1);
    if (bodyRows.every((c) => c.length === width)) found.add(next);
  });
  return found;
}

/** 共 N 条 / 共 查询到 N 条记录, at the start of a stretch of text (tidied, half-width). */
const STATED_TOTAL = /^共\s*(?:查询到)?\s*(\d+)\s*(?:条|项|笔)/;
/** How much text after a 共 is looked at: the phrase with room for the spaces and markup around its number. */
const STATED_TOTAL_SPAN = 200;

/**
 * The first count stated in a block's text, looked for at each 共 of the raw text: the blocks around a 200-row table
 * hold all of its text, which is never tidied or folded whole for it.
 */
function statedCount(raw: string): number | null {
  for (let at = raw.indexOf('共'); at >= 0; at = raw.indexOf('共', at + 1)) {
    const m = STATED_TOTAL.exec(toHalfWidth(tidyText(raw.slice(at, at + STATED_TOTAL_SPAN))));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * The count the page states for the table's section, looked for in the table's nearest enclosing blocks that hold
 * no other record table (so a neighbouring section's pager is never taken).
 */
export function statedTotal(grid: Grid, others: readonly Grid[], t: PageText): { total: number | null; loading: boolean } {
  let node: Element | null = grid.table;
  for (let depth = 0; node && depth < 6; depth++) {
    const block: Element = node;
    const foreign = others.some((o) => o.table !== grid.table && block.contains(o.table) && !grid.table.contains(o.table));
    if (foreign) break;
    const total = statedCount(t.raw(block));
    if (total !== null) return { total, loading: false };
    if (grid.rows.length === 0 && LOADING_TEXT.test(t.of(block))) return { total: null, loading: true };
    node = block.parentElement;
  }
  return { total: null, loading: false };
}

/** Index of the first header matching `test`, or -1. */
export function column(headers: readonly string[], test: RegExp, unless?: RegExp): number {
  return headers.findIndex((h) => test.test(h) && !(unless && unless.test(h)));
}

/** The grid with each header the team's rules alias (site rules' columnAliases) read as the header it stands for. */
export function withKnownHeaders(grid: Grid, aliases: Aliases): Grid {
  if (aliases.size === 0 || !grid.headers.some((h) => aliases.has(h))) return grid;
  return { ...grid, headers: grid.headers.map((h) => known(aliases, h)) };
}
