/**
 * Any table as an XLSX file — the ledger's export — written the way the work report is (report-files.ts):
 * SpreadsheetML with inline strings, packaged by lib/xlsx-package.ts, no library. The first `headerRows` rows
 * are bold and frozen; cells are text or numbers; text that would not be valid XML (stray control characters) is
 * cleaned. Pure: the same rows give the same bytes.
 */
import { xlsxPackage, xmlText as xml } from '../lib/xlsx-package.ts';

export type TableCell = string | number | null;

/** A, B, … Z, AA, AB, …: the column's letters for a 0-based index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Styles: 0 plain, 1 bold heading. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
</styleSheet>`;

function sheetXml(rows: readonly (readonly TableCell[])[], headerRows: number, widths: readonly number[]): string {
  const parts: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const style = r < headerRows ? ' s="1"' : '';
    let cells = '';
    rows[r]!.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      const ref = `${columnName(c)}${r + 1}`;
      cells += typeof cell === 'number' && Number.isFinite(cell)
        ? `<c r="${ref}"${style}><v>${cell}</v></c>`
        : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(String(cell))}</t></is></c>`;
    });
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  }
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const pane = headerRows > 0
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${parts.join('')}</sheetData></worksheet>`;
}

/** Column widths from the longest text in each column (CJK characters count double), between 6 and 60. */
function widthsOf(rows: readonly (readonly TableCell[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, 1000)) {
    row.forEach((cell, c) => {
      const text = cell === null ? '' : String(cell);
      let width = 0;
      for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      widths[c] = Math.min(60, Math.max(widths[c] ?? 6, width + 2));
    });
  }
  return widths;
}

/** The table as one sheet named `sheetName` (at most 31 characters, as spreadsheets allow). */
export function tableXlsx(rows: readonly (readonly TableCell[])[], options: { sheetName: string; headerRows?: number }): Uint8Array {
  return xlsxPackage({ sheetName: options.sheetName, stylesXml: STYLES, sheetXml: sheetXml(rows, options.headerRows ?? 0, widthsOf(rows)) });
}
