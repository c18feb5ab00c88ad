/** The popup's search over the team document: each field that is searched, ranking, and records that do not parse. */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addTeamNote, addTeamTag, ENTITIES_MAP, ensureTeamEntity } from '#core';
import { searchTeam } from './search.ts';

const at = (s: number) => ({ by: 'alice', at: new Date(Date.UTC(2026, 10, 30, 8, 0, s)).toISOString() });

function doc(): Y.Doc {
  const d = new Y.Doc();
  ensureTeamEntity(d, { name: '示例市鲜味坊食品有限公司', uscc: '91330106MA27QX8BXF', legalRepresentative: '张三' }, at(1));
  addTeamTag(d, '91330106MA27QX8BXF', '冷链', at(2));
  ensureTeamEntity(d, { name: '示例市丙商贸有限公司', legalRepresentative: '李某某' }, at(3));
  addTeamNote(d, 'name:示例市丙商贸有限公司', { id: 'n1', text: '仓库存放过期原料' }, at(4));
  ensureTeamEntity(d, { name: '杭州示例市场有限公司', uscc: '91330100MA2B3C4D5N' }, at(5));
  return d;
}

const keys = (d: Y.Doc, q: string) => searchTeam(d, q).map((hit) => hit.key);

describe('searchTeam', () => {
  it.each([
    ['a name, in part', '鲜味坊', ['91330106MA27QX8BXF']],
    ['a credit code prefix, spaced and lower-case', '9133 0106 ma27', ['91330106MA27QX8BXF']],
    ['a legal representative', '李某某', ['name:示例市丙商贸有限公司']],
    ['a tag', '冷链', ['91330106MA27QX8BXF']],
    ['the text of a note', '过期原料', ['name:示例市丙商贸有限公司']],
    ['nothing', '   ', []],
  ])('finds by %s', (_, query, expected) => {
    expect(keys(doc(), query)).toEqual(expected);
  });

  it('ranks names that start with the query first, then the most recently changed', () => {
    expect(keys(doc(), '示例')).toEqual(['name:示例市丙商贸有限公司', '91330106MA27QX8BXF', '91330100MA2B3C4D5N']);
  });

  it('skips a record that does not parse', () => {
    const d = doc();
    const bad = new Y.Map<unknown>();
    bad.set('name', '示例市坏记录有限公司');
    d.getMap(ENTITIES_MAP).set('name:示例市坏记录有限公司', bad);
    expect(keys(d, '坏记录')).toEqual([]);
  });
});
