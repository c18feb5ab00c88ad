import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureTeamEntity, updateTeamEntity } from './entities-doc.ts';
import { PersonIndex, personForm, teamEntriesOfPerson } from './person-links.ts';

const entry = (key: string, person: string, flags: { seriousListed?: boolean; teamListed?: boolean } = {}) => ({
  key,
  name: `主体${key}`,
  person,
  seriousListed: flags.seriousListed ?? false,
  teamListed: flags.teamListed ?? false,
});

describe('person links', () => {
  it('matches names across spaces and full/half width', () => {
    expect(personForm(' 张 三 ')).toBe('张三');
    expect(personForm('ＺＨＡＮＧ San')).toBe('ZHANGSAN');
  });

  it('warns about other entities of the same-name person that are listed, merging sources', () => {
    const index = new PersonIndex([
      entry('A', '张三'),
      entry('B', '张 三', { seriousListed: true }),
      entry('C', '张三'),
      entry('C', '张三', { teamListed: true }),
      entry('D', '李四', { seriousListed: true }),
    ]);
    expect(index.listedLinks({ key: 'A', person: '张三' })).toEqual([
      { key: 'B', name: '主体B', seriousListed: true, teamListed: false },
      { key: 'C', name: '主体C', seriousListed: false, teamListed: true },
    ]);
    // The entity itself is never its own link; no person, no warning.
    expect(index.listedLinks({ key: 'B', person: '张三' }).map((l) => l.key)).toEqual(['C']);
    expect(index.listedLinks({ key: 'A', person: undefined })).toEqual([]);
    expect(index.entitiesOf('张三').map((l) => l.key)).toEqual(['A', 'B', 'C']);
    expect(index.entitiesOf('王五')).toEqual([]);
  });
});

describe('team entries of a person', () => {
  it('finds the team records of a same-name legal representative, with whether the team marked them listed', () => {
    const doc = new Y.Doc();
    const edit = { by: 'li', at: '2026-11-30T01:00:00.000Z' };
    ensureTeamEntity(doc, { name: '甲公司', uscc: '91330100MA00000001', legalRepresentative: '张 三' }, edit);
    updateTeamEntity(doc, '91330100MA00000001', { status: 'listed' }, edit);
    ensureTeamEntity(doc, { name: '乙公司', uscc: '91330100MA00000002', legalRepresentative: '张三' }, edit);
    ensureTeamEntity(doc, { name: '丙公司', uscc: '91330100MA00000003', legalRepresentative: '李四' }, edit);
    expect(teamEntriesOfPerson(doc, '张三')).toEqual([
      { key: '91330100MA00000001', name: '甲公司', person: '张 三', seriousListed: false, teamListed: true },
      { key: '91330100MA00000002', name: '乙公司', person: '张三', seriousListed: false, teamListed: false },
    ]);
    expect(teamEntriesOfPerson(doc, '')).toEqual([]);
  });
});
