/**
 * How the gsxt pages turn section JSON into table rows. The pages do it in the browser with the script in
 * `SECTION_TABLE_JS`; the fixture builder does it here in TypeScript to save a page "after rendering". Both follow the
 * same column specs (sections.ts) and must produce the same cells: sim-site.test.ts runs the page script in happy-dom
 * and compares.
 */
import { LONG_TERM_MS, type Column, type JsonRow, type JsonValue } from '../sections.ts';

export type DateStyle = 'cn' | 'iso';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Epoch ms → calendar date in China time, written as the page writes it. */
export function formatMs(value: JsonValue | undefined, style: DateStyle): string {
  if (typeof value !== 'number') return '';
  if (value >= LONG_TERM_MS) return '长期';
  const t = new Date(value + 8 * 3600 * 1000);
  const y = t.getUTCFullYear();
  const m = two(t.getUTCMonth() + 1);
  const day = two(t.getUTCDate());
  return style === 'cn' ? `${y}年${m}月${day}日` : `${y}-${m}-${day}`;
}

function cellValue(value: JsonValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The inner HTML of one cell; `n` is the row's number in the whole list (start + i + 1). */
export function cellHtml(column: Column, row: JsonRow, n: number, style: DateStyle): string {
  const value = column.key ? row[column.key] : undefined;
  switch (column.kind) {
    case 'idx':
      return String(n);
    case 'date':
      return formatMs(value, style);
    case 'detail':
      return `<a href="javascript:void(0);" class="detail-link" data-id="${cellValue(value)}">详情</a>`;
    case 'insType':
      return value === '1' ? '抽查' : value === '2' ? '检查' : cellValue(value);
    default:
      // DataTables inserts the data as HTML: that is how the *_CN fragments reach the page.
      return cellValue(value);
  }
}

/** The <tr> elements of one page of rows; the empty-table row when there are none. */
export function rowsHtml(columns: Column[], rows: JsonRow[], start: number, style: DateStyle, emptyText: string): string {
  if (rows.length === 0)
    return `<tr class="odd"><td valign="top" colspan="${columns.length}" class="dataTables_empty">${emptyText}</td></tr>`;
  return rows
    .map(
      (row, i) =>
        `<tr class="${i % 2 === 0 ? 'odd' : 'even'}">${columns.map((col) => `<td>${cellHtml(col, row, start + i + 1, style)}</td>`).join('')}</tr>`,
    )
    .join('');
}

/**
 * The same rendering for the browser (ES5, no dependencies). Defines `simCellHtml(col, row, n, style)` and
 * `simRowsHtml(columns, rows, start, style, emptyText)`.
 */
export const SECTION_TABLE_JS = `
var SIM_LONG_TERM_MS = ${LONG_TERM_MS};
function simTwo(n) { return n < 10 ? '0' + n : String(n); }
function simFormatMs(value, style) {
  if (typeof value !== 'number') return '';
  if (value >= SIM_LONG_TERM_MS) return '\\u957f\\u671f';
  var t = new Date(value + 8 * 3600 * 1000);
  var y = t.getUTCFullYear(), m = simTwo(t.getUTCMonth() + 1), d = simTwo(t.getUTCDate());
  return style === 'cn' ? y + '\\u5e74' + m + '\\u6708' + d + '\\u65e5' : y + '-' + m + '-' + d;
}
function simCellValue(v) { return v === null || v === undefined ? '' : String(v); }
function simCellHtml(col, row, n, style) {
  var v = col.key ? row[col.key] : undefined;
  switch (col.kind) {
    case 'idx': return String(n);
    case 'date': return simFormatMs(v, style);
    case 'detail': return '<a href="javascript:void(0);" class="detail-link" data-id="' + simCellValue(v) + '">\\u8be6\\u60c5</a>';
    case 'insType': return v === '1' ? '\\u62bd\\u67e5' : v === '2' ? '\\u68c0\\u67e5' : simCellValue(v);
    default: return simCellValue(v);
  }
}
function simRowsHtml(columns, rows, start, style, emptyText) {
  if (!rows.length) return '<tr class="odd"><td valign="top" colspan="' + columns.length + '" class="dataTables_empty">' + emptyText + '</td></tr>';
  var out = '';
  for (var i = 0; i < rows.length; i++) {
    out += '<tr class="' + (i % 2 === 0 ? 'odd' : 'even') + '">';
    for (var j = 0; j < columns.length; j++) out += '<td>' + simCellHtml(columns[j], rows[i], start + i + 1, style) + '</td>';
    out += '</tr>';
  }
  return out;
}
function simPost(url, start, length, draw, done, fail) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', url, true);
  xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  xhr.onload = function () {
    var json = null;
    try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
    if (xhr.status !== 200 || !json || json.NGIDERRORCODE || !json.data) { fail(xhr); return; }
    done(json);
  };
  xhr.onerror = function () { fail(xhr); };
  xhr.send('draw=' + draw + '&start=' + start + '&length=' + length);
}
`;
