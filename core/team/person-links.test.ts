import { describe, expect, it } from 'vitest';
import { PersonIndex, personForm } from './person-links.ts';

const entry = (key: string, person: string, flags: { seriousListed?: boolean; teamListed?: boolean } = {}) => ({
  key, name: `主体${key}`, person, seriousListed: flags.seriousListed ?? false, teamListed: flags.teamListed ?? false,
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
