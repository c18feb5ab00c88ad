/**
 * The 工作情况表 as files, laid out like the attachment of notice 国市监信发〔2023〕48号: title, 填报单位, 时间, the
 * table, 合计. CSV is UTF-8 with a byte-order mark and CRLF lines, so Excel and WPS open it as Chinese text; XLSX is
 * written here, without a library (SpreadsheetML with inline strings, packaged by core/lib/xlsx-package.ts).
 */
import { REPORT_COLUMNS, REPORT_DOMAIN_HEADING, REPORT_DOMAINS, REPORT_TITLE, REPORT_TOTAL_LABEL } from '../data/report-domains.ts';
import { csvText } from '../lib/csv.ts';
import { xlsxPackage, xmlText as xml } from '../lib/xlsx-package.ts';
import type { WorkReport } from '../schemas/work-report.ts';

export type ReportHeading = { /** 填报单位 */ unit: string };

type Cell = string | number;

/** The sheet as rows of cells: the same layout for CSV and XLSX. */
export function reportTable(report: WorkReport, heading: ReportHeading): Cell[][] {
  const counts = (c: WorkReport['total']): Cell[] => [c.listed, c.repeatOffendersPublicized, c.typicalCases];
  return [
    [REPORT_TITLE],
    [`填报单位：${heading.unit}`],
    [`时间：${report.from} 至 ${report.to}`],
    [REPORT_DOMAIN_HEADING, REPORT_COLUMNS.listed, REPORT_COLUMNS.repeatOffendersPublicized, REPORT_COLUMNS.typicalCases],
    ...report.rows.map((row) => [REPORT_DOMAINS.find((d) => d.domain === row.domain)!.label, ...counts(row)]),
    [REPORT_TOTAL_LABEL, ...counts(report.total)],
  ];
}

export function reportCsv(report: WorkReport, heading: ReportHeading): string {
  return csvText(reportTable(report, heading));
}

const column = (i: number): string => String.fromCharCode(65 + i);

/** Styles: 0 plain, 1 bold title, 2 bordered text, 3 bordered bold (headings, total), 4 bordered number. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="宋体"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="center"/></xf>
</cellXfs>
</styleSheet>`;

function sheetXml(rows: Cell[][]): string {
  const body = rows.map((row, r) => {
    const tableRow = r >= 3;
    const cells = row.map((cell, c) => {
      const ref = `${column(c)}${r + 1}`;
      const style = r === 0 ? 1 : !tableRow ? 0 : typeof cell === 'number' ? 4 : r === 3 || r === rows.length - 1 ? 3 : 2;
      return typeof cell === 'number'
        ? `<c r="${ref}" s="${style}"><v>${cell}</v></c>`
        : `<c r="${ref}" s="${style}" t="inlineStr"><is><t>${xml(cell)}</t></is></c>`;
    }).join('');
    return `<row r="${r + 1}"${r === 3 ? ' ht="45" customHeight="1"' : ''}>${cells}</row>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<cols><col min="1" max="1" width="34" customWidth="1"/><col min="2" max="4" width="24" customWidth="1"/></cols>
<sheetData>${body}</sheetData>
<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A2:D2"/><mergeCell ref="A3:D3"/></mergeCells>
</worksheet>`;
}

export function reportXlsx(report: WorkReport, heading: ReportHeading): Uint8Array {
  return xlsxPackage({ sheetName: '工作情况表', stylesXml: STYLES, sheetXml: sheetXml(reportTable(report, heading)) });
}
