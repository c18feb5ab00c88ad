/**
 * Any table as an XLSX file — the ledger's export — written the way the work report is (report-files.ts):
 * SpreadsheetML with inline strings, zipped with stored entries (lib/zip.ts), no library. The first `headerRows` rows
 * are bold and frozen; cells are text or numbers; text that would not be valid XML (stray control characters) is
 * cleaned. Pure: the same rows give the same bytes.
 */
import { zipStored } from '../lib/zip.ts';

export type TableCell = string | number | null;

const xml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

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
  const text = new TextEncoder();
  const sheetName = xml(options.sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets>
</workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': sheetXml(rows, options.headerRows ?? 0, widthsOf(rows)),
  };
  return zipStored(Object.entries(parts).map(([name, content]) => ({ name, data: text.encode(content) })));
}
