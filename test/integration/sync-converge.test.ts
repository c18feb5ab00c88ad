/**
 * Real server process, real y-websocket clients: three clients editing concurrently converge, and a fresh client
 * loading from the restarted server sees the same document; edits made offline merge on reconnect, including two
 * people who both started the same entity's record while offline.
 */
import { describe, expect, it } from 'vitest';
import { addTeamNote, addTeamTag, ensureTeamEntity, readTeamEntities, readTeamEntity, updateTeamEntity } from '#core';
import { synced, until, type TeamClient } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

const team = useTeamServer({ east: { li: 'member', wang: 'member', zhao: 'member', fresh: 'member' } });
const client = (user: string) => team.client('east', user);
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 2, 0, s)).toISOString();
const json = (c: TeamClient) => JSON.stringify(readTeamEntities(c.doc));

describe('sync server: convergence', () => {
  it('three clients with concurrent edits converge, and a fresh client after a restart loads the same', async () => {
    const [a, b, c] = [client('li'), client('wang'), client('zhao')];
    await Promise.all([a, b, c].map((x) => synced(x)));
    const entity = { name: '示例市鲜味坊食品有限公司', uscc: '91330106MA27QX8BXF' };
    ensureTeamEntity(a.doc, entity, { by: 'li', at: at(0) });
    await until(() => readTeamEntity(b.doc, entity.uscc) !== null && readTeamEntity(c.doc, entity.uscc) !== null, 'the record everywhere');
    // All three at once, on the same record.
    for (let i = 0; i < 50; i++) {
      addTeamNote(a.doc, entity.uscc, { id: `a${i}`, text: `li ${i}` }, { by: 'li', at: at(i) });
      addTeamTag(b.doc, entity.uscc, `tag${i % 7}`, { by: 'wang', at: at(i) });
      updateTeamEntity(c.doc, entity.uscc, { status: i % 2 ? 'verifying' : 'clue', assignee: 'zhao' }, { by: 'zhao', at: at(i) });
    }
    await until(() => json(a) === json(b) && json(b) === json(c), 'the three replicas to agree');
    const read = readTeamEntity(a.doc, entity.uscc);
    expect(read?.ok && read.value.notes).toHaveLength(50);
    expect(read?.ok && read.value.tags).toHaveLength(7);

    const before = json(a);
    await team.server().stop();
    await team.server().restart();
    const fresh = client('fresh');
    await synced(fresh);
    expect(json(fresh)).toBe(before);
  });

  it('merges edits made offline, including a record two people both started offline', async () => {
    const li = client('li');
    const wang = client('wang');
    await Promise.all([synced(li), synced(wang)]);
    li.provider.disconnect();
    wang.provider.disconnect();
    const entity = { name: '离线测试商行', uscc: '92330106MA2XXXXX1Y' };
    ensureTeamEntity(li.doc, entity, { by: 'li', at: at(1) });
    addTeamNote(li.doc, entity.uscc, { id: 'li-offline', text: '离线时记录' }, { by: 'li', at: at(2) });
    ensureTeamEntity(wang.doc, entity, { by: 'wang', at: at(3) });
    addTeamNote(wang.doc, entity.uscc, { id: 'wang-offline', text: '另一人离线记录' }, { by: 'wang', at: at(4) });
    updateTeamEntity(wang.doc, entity.uscc, { status: 'verifying' }, { by: 'wang', at: at(5) });
    li.provider.connect();
    wang.provider.connect();
    await until(() => {
      const read = readTeamEntity(li.doc, entity.uscc);
      return json(li) === json(wang) && read?.ok === true && read.value.notes.length === 2;
    }, 'both offline notes on both replicas');
    const read = readTeamEntity(wang.doc, entity.uscc);
    expect(read?.ok && read.value.notes.map((n) => n.id).sort()).toEqual(['li-offline', 'wang-offline']);
    expect(read?.ok && read.value.status).toBe('verifying');
  });
});
