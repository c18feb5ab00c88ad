// @vitest-environment happy-dom
/**
 * Reading a clue list as the page does: an XLSX (written by core's tableXlsx, read by read-excel-file's browser build)
 * and a GBK CSV give the same header and rows of text; the UI's status and domain words become the contract's values.
 */
import { describe, expect, it } from 'vitest';
import { tableXlsx } from '#core';
import { readClueFile, sheetOf, withUiWords } from './clue-file.ts';

const fileOf = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });

describe('readClueFile', () => {
  it('reads the first sheet of an XLSX as text cells, numbers and blanks included', async () => {
    const bytes = tableXlsx(
      [
        ['企业名称', '统一社会信用代码', '件数', '备注'],
        ['示例市鲜味坊食品有限公司', '91330106MA27QX8BXF', 3, null],
      ],
      { sheetName: '线索', headerRows: 1 },
    );
    const file = await readClueFile(fileOf('线索.xlsx', bytes));
    expect(file).toEqual({
      name: '线索.xlsx',
      encoding: 'xlsx',
      guessed: { name: 0, uscc: 1, note: 3 },
      table: [
        ['企业名称', '统一社会信用代码', '件数', '备注'],
        ['示例市鲜味坊食品有限公司', '91330106MA27QX8BXF', '3', null],
      ],
    });
  });

  it('reads a GBK CSV', async () => {
    // '主体名称,状态\r\n示例市“鲜味坊”食品有限公司,核查中\r\n' in GBK.
    const hex = 'd6f7cce5c3fbb3c62cd7b4ccac0d0acabec0fdcad0a1b0cfcaceb6b7bba1b1cab3c6b7d3d0cfdeb9abcbbe2cbacbb2e9d6d00d0a';
    const file = await readClueFile(fileOf('clues.csv', new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)))));
    expect(file).toMatchObject({
      encoding: 'gbk',
      table: [
        ['主体名称', '状态'],
        ['示例市“鲜味坊”食品有限公司', '核查中'],
      ],
    });
  });

  it('splits off the header row only when there is one: without, the first row is data, file row 1', () => {
    const file = [
      ['甲公司', '核查中'],
      ['乙公司', null],
    ];
    expect(sheetOf(file, true)).toEqual({ labels: ['甲公司', '核查中'], rows: [['乙公司', null]], firstRow: 2 });
    expect(sheetOf(file, false)).toEqual({
      labels: ['甲公司', '核查中'],
      rows: [
        ['甲公司', '核查中'],
        ['乙公司', null],
      ],
      firstRow: 1,
    });
  });
});

describe("the UI's words", () => {
  it('turn into contract values; other words stay for core to judge', () => {
    const mapping = { name: 0, status: 1, domain: 2 };
    const words = {
      status: { 已立案: 'case-filed' as const, constructor: 'clue' as const },
      domain: { 药品械妆: 'DRUG_DEVICE_COSMETIC' as const },
    };
    const ready = withUiWords(
      [
        ['甲公司', '已立案', '药品械妆'],
        ['乙公司', '搁置', '食品'],
        ['丙公司', 'toString', null],
      ],
      mapping,
      words,
    );
    expect(ready).toEqual([
      ['甲公司', 'case-filed', 'DRUG_DEVICE_COSMETIC'],
      ['乙公司', '搁置', '食品'],
      ['丙公司', 'toString', null],
    ]);
  });
});
