import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_CHUNK_ROWS, importClues, parseClueRows } from './clue-import.ts';
import { readTeamEntities, readTeamEntity } from './entities-doc.ts';

const EDIT = { by: 'li', at: '2026-11-30T01:00:00.000Z' };
// 名称, 代码, 法定代表人, 状态, 领域, 承办人, 标签, 备注
const MAPPING = { name: 0, uscc: 1, legalRepresentative: 2, status: 3, domain: 4, assignee: 5, tags: 6, note: 7 };

const ROWS = [
  ['示例市鲜味坊食品有限公司', '91330106MA27QX8BXF', '张某某', '核查中', '食品安全', 'wang', '重点，回访', '群众举报'],
  ['某某商行', '', '', 'clue', 'COMPETITION_ORDER', '', '', ''],
  ['', '91330106MA27QX8BXF', '', '', '', '', '', ''],
  ['坏代码公司', '12345', '', '', '', '', '', ''],
  ['坏状态公司', '', '', '搁置', '食品', '王 五', '', ''],
  [null, null, null, null, null, null, null, null],
  ['药品、医疗器械公司', '91330106MA27QX8BXA', '李四', '已列入', '药品医疗器械化妆品', '', '', ''],
];

describe('clue import', () => {
  it('reports each bad row with its row number and reasons, and keeps the good ones', () => {
    const { good, bad } = parseClueRows(ROWS, MAPPING);
    expect(good.map((g) => g.row)).toEqual([2, 3, 8]);
    expect(good[0]!.clue).toEqual({
      name: '示例市鲜味坊食品有限公司',
      uscc: '91330106MA27QX8BXF',
      legalRepresentative: '张某某',
      status: 'verifying',
      domain: 'FOOD',
      assignee: 'wang',
      tags: ['重点', '回访'],
      note: '群众举报',
    });
    // A wrong check character is kept (issued codes can fail it); the domain is read from the 工作情况表's wording.
    expect(good[2]!.clue).toMatchObject({ uscc: '91330106MA27QX8BXA', status: 'listed', domain: 'DRUG_DEVICE_COSMETIC' });
    expect(bad).toEqual([
      { row: 4, reason: '主体名称为空 (name is empty)', problems: [{ field: 'name', kind: 'empty' }] },
      { row: 5, reason: '统一社会信用代码无效 (USCC 12345: length)', problems: [{ field: 'uscc', kind: 'invalid', value: '12345' }] },
      {
        row: 6,
        reason: '状态无法识别 (status "搁置")；监管领域无法识别 (domain "食品")；承办人不是用户编号 (assignee "王 五")',
        problems: [
          { field: 'status', kind: 'unknown', value: '搁置' },
          { field: 'domain', kind: 'unknown', value: '食品' },
          { field: 'assignee', kind: 'invalid', value: '王 五' },
        ],
      },
    ]);
  });

  it('says field by field what zod refused: too long with the limit, empty, not a user id', () => {
    const long = (n: number) => '甲'.repeat(n);
    const rows = [[long(301), '', long(101), '', '', 'a b', `${long(51)},好`, long(20_001)]];
    const [bad] = parseClueRows(rows, MAPPING).bad;
    expect(bad!.problems).toEqual([
      { field: 'name', kind: 'too-long', limit: 300, value: `${long(40)}…` },
      { field: 'legalRepresentative', kind: 'too-long', limit: 100, value: `${long(40)}…` },
      { field: 'assignee', kind: 'invalid', value: 'a b' },
      { field: 'tags', kind: 'too-long', limit: 50, value: `${long(40)}…` },
      { field: 'note', kind: 'too-long', limit: 20_000, value: `${long(40)}…` },
    ]);
    expect(bad!.reason.split('；')).toHaveLength(5);
  });

  it('writes a small import in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const { good } = parseClueRows(ROWS, MAPPING);
    expect(importClues(doc, good, EDIT, (row) => `import-${row}`)).toBe(3);
    expect(transactions).toBe(1);
    expect(readTeamEntities(doc).every((r) => r.ok)).toBe(true);
    const read = readTeamEntity(doc, '91330106MA27QX8BXF');
    expect(read?.ok && read.value).toMatchObject({
      status: 'verifying',
      domain: 'FOOD',
      assignee: 'wang',
      tags: ['重点', '回访'],
      notes: [{ id: 'import-2', author: 'li', at: EDIT.at, text: '群众举报' }],
    });
    expect(readTeamEntity(doc, 'name:某某商行')?.ok).toBe(true);
  });

  it("writes a big import in transactions of IMPORT_CHUNK_ROWS rows, each update under the sync server's 1 MiB message limit", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [
      `示例市第${i}号商贸有限公司`,
      '',
      `张${i}`,
      '线索',
      '食品安全',
      'wang',
      '重点，冷链',
      `现场检查发现过期原料，需要进一步核查（第${i}次）`,
    ]);
    const { good } = parseClueRows(rows, MAPPING);
    const doc = new Y.Doc();
    const updates: number[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update.length));
    expect(importClues(doc, good, EDIT, (row) => `import-${row}`)).toBe(2_000);
    expect(updates).toHaveLength(Math.ceil(2_000 / IMPORT_CHUNK_ROWS));
    expect(Math.max(...updates)).toBeLessThan(512 * 1024);
    expect(readTeamEntities(doc)).toHaveLength(2_000);
  });

  it('records the report columns: a decision (number and date together), the 集中公示 and 曝光 dates; a re-import adds nothing', () => {
    // 名称, 代码, 领域, 决定书文号, 决定日期, 集中公示日期, 曝光日期, 状态
    const mapping = { name: 0, uscc: 1, domain: 2, decisionNo: 3, decidedOn: 4, publicizedOn: 5, exposedOn: 6, status: 7 };
    const rows = [
      ['甲公司', '91330106MA27QX8BXF', '食品安全', '示市监列严〔2026〕1号', '2026年3月5日', '2026/4/1', '2026-05-20', ''],
      ['乙公司', '', '', '示市监列严〔2026〕2号', '2026-02-01', '', '', '核查中'],
      ['丙公司', '', '', '示市监列严〔2026〕3号', '', '', '', ''],
      ['丁公司', '', '', '', '2026-02-30', '长期', '20260301', ''],
    ];
    const { good, bad } = parseClueRows(rows, mapping);
    expect(good.map((g) => g.row)).toEqual([2, 3]);
    expect(good[0]!.clue).toMatchObject({
      listing: { decisionNo: '示市监列严〔2026〕1号', decidedOn: '2026-03-05' },
      publicizedOn: '2026-04-01',
      exposedOn: '2026-05-20',
    });
    expect(bad.map((b) => b.problems)).toEqual([
      [{ field: 'decidedOn', kind: 'empty' }],
      [
        { field: 'decidedOn', kind: 'invalid', value: '2026-02-30' },
        { field: 'decisionNo', kind: 'empty' },
        { field: 'publicizedOn', kind: 'invalid', value: '长期' },
        { field: 'exposedOn', kind: 'invalid', value: '20260301' },
      ],
    ]);
    const doc = new Y.Doc();
    importClues(doc, good, EDIT, (row) => `import-${row}`);
    importClues(doc, parseClueRows(rows, mapping).good, EDIT, (row) => `again-${row}`);
    const first = readTeamEntity(doc, '91330106MA27QX8BXF');
    expect(first?.ok && first.value).toMatchObject({
      status: 'listed',
      domain: 'FOOD',
      repeatOffenderPublicizedOn: '2026-04-01',
      typicalCaseExposedOn: '2026-05-20',
      listings: [{ id: 'import-2-listing', decisionNo: '示市监列严〔2026〕1号', decidedOn: '2026-03-05', domain: 'FOOD' }],
    });
    // No domain on the row or the record: 其他; the row's own status wins over 已列入.
    const second = readTeamEntity(doc, 'name:乙公司');
    expect(second?.ok && second.value).toMatchObject({ status: 'verifying', listings: [{ domain: 'OTHER', decidedOn: '2026-02-01' }] });
  });
});
