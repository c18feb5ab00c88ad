/** The one CSV writer: formula-safe cells, RFC 4180 quoting, BOM and CRLF. */
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', `"'=HYPERLINK(""http://x"",""点我"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('leaves ordinary text and numbers as they are, quoting commas, quotes and line breaks', () => {
    expect(csvCell('示例市甲贸易有限公司')).toBe('示例市甲贸易有限公司');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('说"明"')).toBe('"说""明"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('csvText', () => {
  it('BOM, CRLF, one line per row', () => {
    expect(
      csvText([
        ['名称', '件数'],
        ['=1', 2],
      ]),
    ).toBe("\uFEFF名称,件数\r\n'=1,2\r\n");
  });
});
