import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../../test/support/dom.ts';
import { readLabels } from './labels.ts';
import { cellsOf, readTables, recordTables, rowsOf, statedTotal, type Grid } from './tables.ts';
import { PageText } from './text.ts';

afterAll(closeAll);

const texts = (rows: Element[]) => rows.map((tr) => cellsOf(tr).map((c) => c.textContent?.trim()));

describe('rowsOf', () => {
  it('gives the rows of thead, tbody, tfoot and the table itself in tree order, never a nested table’s', () => {
    const doc = htmlDocument(`<table id="t"><thead><tr><th>序号</th><th>决定书文号</th></tr></thead>
      <tbody><tr><td>1</td><td><table><tr><td>里层</td></tr></table>示罚〔2023〕1号</td></tr></tbody>
      <tfoot><tr><td colspan="2">共 1 条</td></tr></tfoot></table>`);
    const table = doc.getElementById('t') as Element;
    expect(texts(rowsOf(table))).toEqual([['序号', '决定书文号'], ['1', '里层示罚〔2023〕1号'], ['共 1 条']]);
    // happy-dom's own `rows` also returns the nested table's row: the reason rowsOf exists.
    expect(all(table)).toBeGreaterThan(rowsOf(table).length);
  });

  it('keeps hidden rows (record tables are found hidden or not) and skips what is not a cell', () => {
    const doc = htmlDocument(`<table id="t"><tr style="display:none"><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`);
    expect(texts(rowsOf(doc.getElementById('t') as Element))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

function all(table: Element): number {
  return table.querySelectorAll('tr').length;
}

describe('reading tables by their own rows', () => {
  it('reads a 2017 split table (header table, then body table) and marks both as record tables', () => {
    const doc = htmlDocument(`<table id="h"><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>处罚决定日期</th></tr></table>
      <table id="b"><tr><td>1</td><td>示罚〔2023〕1号</td><td>虚假宣传</td><td>2023年01月02日</td></tr></table>`);
    const t = new PageText();
    const found = recordTables(doc, t);
    expect([...found].map((el) => el.id)).toEqual(['h', 'b']);
    const [grid] = readTables(doc, t);
    expect(grid?.headers).toEqual(['序号', '决定书文号', '违法行为类型', '处罚决定日期']);
    expect(grid?.rows).toEqual([['1', '示罚〔2023〕1号', '虚假宣传', '2023年01月02日']]);
  });

  it('never takes a label from a record table, and still reads the label tables around it', () => {
    const doc = htmlDocument(`<table><tr><td>统一社会信用代码：</td><td>91330100MA2B3C4D5N</td></tr></table>
      <table><tr><th>序号</th><th>名称</th><th>决定书文号</th></tr><tr><td>名称</td><td>别的公司</td><td>示罚1号</td></tr></table>
      <table><tr><td>名称</td><td>示例市某某有限公司</td></tr></table>`);
    const t = new PageText();
    const labels = readLabels(
      doc,
      [
        ['统一社会信用代码', 'uscc'],
        ['名称', 'name'],
      ],
      t,
      { skipTables: recordTables(doc, t) },
    );
    expect(Object.fromEntries(labels)).toEqual({ uscc: '91330100MA2B3C4D5N', name: '示例市某某有限公司' });
  });

  it('never reads an inline label：value inside a record table (a record’s own text), nor one in a table nested in it', () => {
    const doc = htmlDocument(`<table><tr><th>序号</th><th>决定书文号</th><th>处罚内容</th></tr>
      <tr><td>1</td><td>示罚1号</td><td><span>名称：别的公司</span><table><tr><td>登记机关</td><td>别的局</td></tr></table></td></tr></table>
      <p>名称：示例市某某有限公司</p><p>登记机关：示例市市场监督管理局</p>`);
    const t = new PageText();
    const labels = readLabels(
      doc,
      [
        ['名称', 'name'],
        ['登记机关', 'registrationAuthority'],
      ],
      t,
      { skipTables: recordTables(doc, t) },
    );
    expect(Object.fromEntries(labels)).toEqual({ name: '示例市某某有限公司', registrationAuthority: '示例市市场监督管理局' });
  });
});

describe('statedTotal', () => {
  const total = (around: string) => {
    const doc = htmlDocument(
      `<div><table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th></tr><tr><td>1</td><td>示罚1号</td><td>在公共场所吸烟</td></tr></table>${around}</div>`,
    );
    const t = new PageText();
    const grids = readTables(doc, t);
    return statedTotal(grids[0] as Grid, grids, t).total;
  };

  it.each([
    ['<div class="pager">共 200 条</div>', 200],
    ['<div>共<span>２０</span>\u200b条</div>', 20],
    ['<p>共\u3000查询到\u300012 条记录</p>', 12],
    ['<p>公共信息</p><p>共 3 项</p>', 3],
    ['<p>共计2条信息</p>', null],
    ['', null],
  ])('%s → %s (the first 共 that states a count, full width, spaces and zero-width characters folded)', (html, expected) => {
    expect(total(html)).toBe(expected);
  });
});
