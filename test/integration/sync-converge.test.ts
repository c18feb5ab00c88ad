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

  it('after an unload, a fresh client gets the whole document and a returning client with part of it the rest', async () => {
    // The earlier tests' clients leave: the document must be able to leave memory.
    team.dropClients();
    const keys = (c: TeamClient) => c.doc.getMap('late').size;
    const inMemory = async () =>
      /creditlens_documents_in_memory (\d+)/.exec(await (await fetch(`${team.server().httpUrl}/metrics`)).text())?.[1];
    const li = client('li');
    const wang = client('wang');
    await Promise.all([synced(li), synced(wang)]);
    for (let i = 0; i < 200; i++) li.doc.getMap('late').set(`k${i}`, i);
    await until(() => keys(wang) === 200, 'wang to hold the first 200 keys');
    wang.provider.disconnect();
    for (let i = 200; i < 400; i++) li.doc.getMap('late').set(`k${i}`, i);
    li.destroy();
    // Nobody left: the room is compacted to one row and unloaded; the next connection opens it from that row.
    await until(async () => (await inMemory()) === '0', 'the document to leave memory');
    wang.doc.getMap('late').set('offline', 'wang');
    wang.provider.connect();
    const fresh = client('zhao');
    await until(() => keys(wang) === 401 && keys(fresh) === 401, "both to hold every key, wang's offline one too");
    expect(wang.doc.getMap('late').toJSON()).toEqual(fresh.doc.getMap('late').toJSON());
  });
});
