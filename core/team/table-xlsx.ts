/**
 * Any table as an XLSX file — the ledger's export — written the way the work report is (report-files.ts): the one
 * sheet writer (lib/xlsx-sheet.ts), packaged by lib/xlsx-package.ts. The first `headerRows` rows
 * are bold and frozen; cells are text or numbers; text that would not be valid XML (stray control characters) is
 * cleaned. Pure: the same rows give the same bytes.
 */
import { xlsxPackage } from '../lib/xlsx-package.ts';
import { sheetXml } from '../lib/xlsx-sheet.ts';

export { columnName } from '../lib/xlsx-sheet.ts';

export type TableCell = string | number | null;

/** Styles: 0 plain, 1 bold heading. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
</styleSheet>`;

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
  const headerRows = options.headerRows ?? 0;
  // An empty cell of the export carries nothing: left out, as a spreadsheet would.
  const cells = rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  return xlsxPackage({
    sheetName: options.sheetName,
    stylesXml: STYLES,
    sheetXml: sheetXml(cells, { styleOf: (r) => (r < headerRows ? 1 : 0), widths: widthsOf(rows), frozenRows: headerRows }),
  });
}
