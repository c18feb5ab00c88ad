/** A general table as XLSX (the ledger's export), read back by a real spreadsheet reader: text, numbers, blanks, awkward text, many columns and rows. */
import { describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { columnName, tableXlsx } from './table-xlsx.ts';

describe('tableXlsx', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes rows a reader reads back cell for cell', async () => {
    const rows = [
      ['主体名称', '统一社会信用代码', '件数', ...Array.from({ length: 27 }, (_, i) => `列${i}`)],
      ['示例市 <鲜味坊> & "食品"', '91330106MA27QX8BXF', 3, ...Array.from({ length: 27 }, (_, i) => String(i))],
      ['多行\n备注\u0007', null, 0, ...Array.from({ length: 27 }, () => '')],
    ];
    const bytes = tableXlsx(rows, { sheetName: '团队台账', headerRows: 1 });
    const read = await readSheet(Buffer.from(bytes));
    expect(read[0]).toEqual(rows[0]);
    expect(read[1]).toEqual(rows[1]);
    expect(read[2]!.slice(0, 3)).toEqual(['多行\n备注', null, 0]);
    expect(tableXlsx(rows, { sheetName: '团队台账', headerRows: 1 })).toEqual(bytes);
  });

  it('holds 20,000 rows', async () => {
    const rows = [['名称', '序号'], ...Array.from({ length: 20_000 }, (_, i) => [`主体${i}`, i])];
    const read = await readSheet(Buffer.from(tableXlsx(rows, { sheetName: 'x', headerRows: 1 })));
    expect(read).toHaveLength(20_001);
    expect(read[20_000]).toEqual(['主体19999', 19_999]);
  });
});
