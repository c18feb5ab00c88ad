/**
 * Tables read by their header texts, never by ids, classes or column positions: a header row (th cells, or a first
 * row of labels), its data rows, a header and body split over two tables (the gsxt 2017 `specialfuckth` layout),
 * the "no records" row, and the count the page states near the table (共 N 条 / 共 查询到 N 条记录).
 */
import { labelForm, toHalfWidth } from '../../lib/text.ts';
import { all, isHidden, type PageText } from './text.ts';

export interface Grid {
  table: Element;
  /** Header labels in label form (half-width, no spaces, no trailing colon). */
  headers: string[];
  /** Cell texts of the data rows. */
  rows: string[][];
  /** The table says it has no records (暂无…, 没有…, 无数据). */
  saysEmpty: boolean;
}

const EMPTY_TEXT = /暂无|没有(相关)?(数据|记录|信息)|无(相关)?(数据|记录)|未查询到/;
const LOADING_TEXT = /正在加载|加载中|请稍候/;

function ownRows(table: Element): Element[] {
  return all(table, 'tr').filter((tr) => tr.closest('table') === table && !isHidden(tr));
}

function cellsOf(tr: Element): Element[] {
  return Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

/** A header row: all th, or (tables without th) a first row whose cells look like column labels. */
function isHeaderRow(cells: Element[], first: boolean, t: PageText): boolean {
  // One cell across the table is a title row (基本信息, 经营异常信息), not the column labels.
  if (cells.length < 2) return false;
  if (cells.every((c) => c.tagName === 'TH')) return true;
  if (!first) return false;
  const texts = cells.map((c) => labelForm(t.of(c)));
  return texts.includes('序号') && texts.every((t) => t !== '' && !/\d{4}/.test(t));
}

/** Labels of a header row; a single header cell holding its own table gives that table's labels. */
function headerLabels(cells: Element[], t: PageText): string[] {
  const nested = cells.length === 1 ? cells[0]?.querySelector('table') : null;
  if (nested) {
    const inner = ownRows(nested).map(cellsOf).find((c) => isHeaderRow(c, true, t));
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
    const texts = cells.map((c) => t.of(c));
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
  const grids = all(root, 'table').filter((table) => !isHidden(table) && !table.closest('[hidden]')).map((table) => readTable(table, t));
  const out: Grid[] = [];
  for (let i = 0; i < grids.length; i++) {
    const grid = grids[i] as Grid;
    const next = grids[i + 1];
    const isBodyOf = next && next.headers.length === 0 && !grid.table.contains(next.table);
    if (grid.headers.length > 0 && grid.rows.length === 0 && isBodyOf && next.rows.every((r) => r.length === grid.headers.length)) {
      out.push({ ...grid, rows: next.rows, saysEmpty: grid.saysEmpty || next.saysEmpty });
      i++;
    } else out.push(grid);
  }
  return out.filter((g) => g.headers.length > 0);
}

const STATED_TOTAL = /共\s*(?:查询到)?\s*(\d+)\s*(?:条|项|笔)/;

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
    const text = t.of(block);
    const m = STATED_TOTAL.exec(toHalfWidth(text));
    if (m) return { total: Number(m[1]), loading: false };
    if (LOADING_TEXT.test(text) && grid.rows.length === 0) return { total: null, loading: true };
    node = block.parentElement;
  }
  return { total: null, loading: false };
}

/** Index of the first header matching `test`, or -1. */
export function column(headers: readonly string[], test: RegExp, unless?: RegExp): number {
  return headers.findIndex((h) => test.test(h) && !(unless && unless.test(h)));
}
