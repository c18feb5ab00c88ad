/** Text from pages and users, formula-like or not, is inert in every spreadsheet the project writes. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportXlsx } from '../team/report-files.ts';
import { tableXlsx } from '../team/table-xlsx.ts';
import { workReport } from '../team/work-report.ts';
import { sheetXml } from './xlsx-sheet.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];

function sheetOf(xlsx: Uint8Array): string {
  return strFromU8(unzipSync(xlsx)['xl/worksheets/sheet1.xml']!);
}

describe('the one sheet writer', () => {
  it('writes text as inline strings, never formulas, in the ledger export and the report', () => {
    const ledger = sheetOf(tableXlsx([['名称'], ...HOSTILE.map((name) => [name])], { sheetName: '台账', headerRows: 1 }));
    const report = sheetOf(reportXlsx(workReport([], { from: '2026-01-01', to: '2026-06-30' }), { unit: HOSTILE[0]! }));
    for (const sheet of [ledger, report]) {
      expect(sheet).not.toMatch(/<f>|<f /);
      expect(sheet).toMatch(
        /t="inlineStr"><is><t xml:space="preserve">(填报单位：)?=HYPERLINK\(&quot;http:\/\/evil\.example&quot;,&quot;点我&quot;\)<\/t>/,
      );
    }
    expect(ledger).toContain('<t xml:space="preserve">@SUM(A1)</t>');
  });

  it('lays out widths, frozen rows, merges, heights and styles; leaves null cells out but keeps empty ones', () => {
    const xml = sheetXml(
      [
        ['标题', null],
        ['', 3],
        [Number.NaN, 'x'],
      ],
      {
        styleOf: (r) => (r === 0 ? 1 : 0),
        widths: [30, 12],
        frozenRows: 1,
        merges: ['A1:B1'],
        heightOf: (r) => (r === 1 ? 40 : undefined),
      },
    );
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain(
      '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/></cols>',
    );
    expect(xml).toContain('<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">标题</t></is></c></row>');
    expect(xml).toContain(
      '<row r="2" ht="40" customHeight="1"><c r="A2" t="inlineStr"><is><t xml:space="preserve"></t></is></c><c r="B2"><v>3</v></c></row>',
    );
    expect(xml).toContain('<c r="A3" t="inlineStr"><is><t xml:space="preserve">NaN</t></is></c>');
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
  });
});
