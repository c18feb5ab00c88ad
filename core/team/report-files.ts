/**
 * The 工作情况表 as files, laid out like the attachment of notice 国市监信发〔2023〕48号: title, 填报单位, 时间, the
 * table, 合计. CSV is UTF-8 with a byte-order mark and CRLF lines, so Excel and WPS open it as Chinese text; XLSX is
 * laid out here and written by the one sheet writer (core/lib/xlsx-sheet.ts, packaged by core/lib/xlsx-package.ts).
 */
import { REPORT_COLUMNS, REPORT_DOMAIN_HEADING, REPORT_DOMAINS, REPORT_TITLE, REPORT_TOTAL_LABEL } from '../data/report-domains.ts';
import { csvText } from '../lib/csv.ts';
import { xlsxPackage } from '../lib/xlsx-package.ts';
import { sheetXml } from '../lib/xlsx-sheet.ts';
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

/** Title row, then 填报单位 and 时间, then the bordered table: headings and 合计 bold, numbers centred. */
function styleOf(rows: number): (row: number, column: number, cell: string | number) => number {
  return (row, _column, cell) => (row === 0 ? 1 : row < 3 ? 0 : typeof cell === 'number' ? 4 : row === 3 || row === rows - 1 ? 3 : 2);
}

export function reportXlsx(report: WorkReport, heading: ReportHeading): Uint8Array {
  const rows = reportTable(report, heading);
  const sheet = sheetXml(rows, {
    styleOf: styleOf(rows.length),
    widths: [34, 24, 24, 24],
    merges: ['A1:D1', 'A2:D2', 'A3:D3'],
    heightOf: (row) => (row === 3 ? 45 : undefined),
  });
  return xlsxPackage({ sheetName: '工作情况表', stylesXml: STYLES, sheetXml: sheet });
}
