/** The clue list's CSV reader and the export's writer: RFC 4180 quoting, BOM, line endings, GBK files from Excel. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText } from '#core';
import { decodeCsv, parseCsv, parseCsvCapped } from './csv.ts';

/** The reader as it was, a character at a time: the reference the faster one must agree with (comma files). */
function referenceCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, under CRLF, LF or CR', () => {
    const text = '名称,备注\r\n"示例市鲜味坊食品有限公司, 分店","他说""立即整改""\r\n第二行"\r\n某某商行,\n末行,"x"\r空白,';
    expect(parseCsv(text)).toEqual([
      ['名称', '备注'],
      ['示例市鲜味坊食品有限公司, 分店', '他说"立即整改"\r\n第二行'],
      ['某某商行', ''],
      ['末行', 'x'],
      ['空白', ''],
    ]);
  });

  it('drops a BOM and a final line break, keeps blank lines as rows, and reads tab-separated files', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\nc,d\r\n')).toEqual([['a', 'b'], [''], ['c', 'd']]);
    expect(parseCsv('名称\t代码\n甲\t1\n')).toEqual([
      ['名称', '代码'],
      ['甲', '1'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('writes what it reads: BOM, CRLF, quotes where needed, formulas defused', () => {
    const rows = [
      ['名称', '备注'],
      ['甲, 乙', '他说"好"\n次行'],
      ['=SUM(A1)', null],
      ['数', 3],
    ];
    const csv = csvText(rows);
    expect(csv.startsWith('\uFEFF名称,备注\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['名称', '备注'],
      ['甲, 乙', '他说"好"\n次行'],
      ["'=SUM(A1)", ''],
      ['数', '3'],
    ]);
  });
});

describe('parseCsvCapped', () => {
  it('reads any text as the character-at-a-time reader did', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '甲', ',', '"', '\r', '\n', ' ') });
    fc.assert(
      fc.property(text, (input) => {
        // One difference, on purpose: a last line of just "" is a row with one empty cell (the old reader dropped it).
        fc.pre(input.includes(',') && !/(^|[\r\n])""$/.test(input));
        expect(parseCsv(input)).toEqual(referenceCsv(input));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps the rows asked for and counts them all', () => {
    expect(parseCsvCapped('a\nb\nc\nd\n', 2)).toEqual({ rows: [['a'], ['b']], count: 4 });
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode('主体名称,状态\r\n');
    expect(decodeCsv(bytes)).toEqual({ text: '主体名称,状态\r\n', encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: '主体名称,状态\r\n', encoding: 'utf-8' });
  });

  it('reads a GBK file saved by Excel (not valid UTF-8) as GBK', () => {
    // '主体名称,状态\r\n示例市“鲜味坊”食品有限公司,核查中\r\n' in GBK.
    const hex = 'd6f7cce5c3fbb3c62cd7b4ccac0d0acabec0fdcad0a1b0cfcaceb6b7bba1b1cab3c6b7d3d0cfdeb9abcbbe2cbacbb2e9d6d00d0a';
    const bytes = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    const decoded = decodeCsv(bytes);
    expect(decoded.encoding).toBe('gbk');
    expect(parseCsv(decoded.text)).toEqual([
      ['主体名称', '状态'],
      ['示例市“鲜味坊”食品有限公司', '核查中'],
    ]);
  });

  it('reads UTF-16 with BOM', () => {
    const text = '名称,代码';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});
