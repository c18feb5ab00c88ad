/**
 * The project's one worksheet writer (SpreadsheetML with inline strings): the work report and the ledger export
 * lay out their sheets through it and package them with xlsx-package.ts. Text is always a string cell, never a
 * formula; a number that is not finite is written as text. Pure: the same rows give the same XML.
 */
import { xmlText } from './xlsx-package.ts';

export type SheetCell = string | number | null;

export interface SheetLayout {
  /** The cell's style, an index into the styles' cellXfs (0: plain). */
  styleOf?(row: number, column: number, cell: string | number): number;
  /** Column widths in characters, from the first column. */
  widths?: readonly number[];
  /** Rows kept in view when scrolling (the header). */
  frozenRows?: number;
  /** Merged ranges such as `A1:D1`. */
  merges?: readonly string[];
  /** A row's height in points, when it is not the default. */
  heightOf?(row: number): number | undefined;
}

/** A, B, … Z, AA, AB, …: the column's letters for a 0-based index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, cell: string | number, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  return typeof cell === 'number' && Number.isFinite(cell)
    ? `<c r="${ref}"${s}><v>${cell}</v></c>`
    : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(cell))}</t></is></c>`;
}

/** Null cells are left out (an empty string is a cell: it may carry a border). */
export function sheetXml(rows: readonly (readonly SheetCell[])[], layout: SheetLayout = {}): string {
  const parts: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    let cells = '';
    rows[r]!.forEach((cell, c) => {
      if (cell !== null) cells += cellXml(`${columnName(c)}${r + 1}`, cell, layout.styleOf?.(r, c, cell) ?? 0);
    });
    const height = layout.heightOf?.(r);
    parts.push(`<row r="${r + 1}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>${cells}</row>`);
  }
  const frozen = layout.frozenRows ?? 0;
  const pane =
    frozen > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '';
  const widths = layout.widths ?? [];
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = layout.merges ?? [];
  const merged =
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${parts.join('')}</sheetData>${merged}</worksheet>`;
}
