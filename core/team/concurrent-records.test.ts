/**
 * Two offline replicas start the same entity's record: when they meet, Yjs keeps one map. The watcher hands over
 * the other one's content and the merge writes it into the survivor, so nobody's notes, tags or status are lost —
 * whichever map Yjs happens to keep.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTeamNote, addTeamTag, ensureTeamEntity, readTeamEntity, removeTeamTag, updateTeamEntity } from './entities-doc.ts';
import { mergeLostRecord, watchConcurrentRecords } from './concurrent-records.ts';

const ENTITY = { name: '示例市鲜味坊食品有限公司', uscc: '91330106MA27QX8BXF' };
const KEY = ENTITY.uscc;

function offlineReplica(clientID: number, by: string, at: string, write: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  ensureTeamEntity(doc, ENTITY, { by, at });
  write(doc);
  return doc;
}

/** The server's copy: it receives both replicas' updates and merges what the first loses. */
function serverReceives(...replicas: Y.Doc[]): Y.Doc {
  const server = new Y.Doc();
  const watch = watchConcurrentRecords(server);
  for (const replica of replicas) {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(replica), 'remote');
    for (const lost of watch.take()) mergeLostRecord(server, lost);
  }
  watch.stop();
  return server;
}

describe('concurrent records of one entity', () => {
  // Both orders of arrival, and both clientID orders (which decides the map Yjs keeps).
  for (const [first, second] of [
    [1, 2],
    [2, 1],
  ] as const) {
    for (const order of ['li first', 'wang first'] as const) {
      it(`keeps both people's notes, tags and fields (clientIDs ${first}/${second}, ${order})`, () => {
        const li = offlineReplica(first, 'li', '2026-11-30T02:00:00.000Z', (doc) => {
          addTeamNote(doc, KEY, { id: 'n-li', text: '现场核查发现无证经营' }, { by: 'li', at: '2026-11-30T02:01:00.000Z' });
          addTeamTag(doc, KEY, '重点', { by: 'li', at: '2026-11-30T02:02:00.000Z' });
          addTeamTag(doc, KEY, '已撤回', { by: 'li', at: '2026-11-30T02:02:30.000Z' });
          removeTeamTag(doc, KEY, '已撤回', { by: 'li', at: '2026-11-30T02:02:40.000Z' });
          updateTeamEntity(doc, KEY, { status: 'verifying' }, { by: 'li', at: '2026-11-30T02:03:00.000Z' });
        });
        const wang = offlineReplica(second, 'wang', '2026-11-30T03:00:00.000Z', (doc) => {
          addTeamNote(doc, KEY, { id: 'n-wang', text: '已调取处罚决定书' }, { by: 'wang', at: '2026-11-30T03:01:00.000Z' });
          addTeamTag(doc, KEY, '食品', { by: 'wang', at: '2026-11-30T03:02:00.000Z' });
          expect(updateTeamEntity(doc, KEY, { assignee: 'wang', domain: 'FOOD' }, { by: 'wang', at: '2026-11-30T03:03:00.000Z' }).ok).toBe(
            true,
          );
        });
        const server = order === 'li first' ? serverReceives(li, wang) : serverReceives(wang, li);
        const read = readTeamEntity(server, KEY);
        expect(read?.ok).toBe(true);
        if (!read?.ok) return;
        expect(read.value.notes.map((n) => n.id).sort()).toEqual(['n-li', 'n-wang']);
        expect([...read.value.tags].sort()).toEqual(['重点', '食品'].sort());
        expect(read.value.status).toBe('verifying');
        expect(read.value.assignee).toBe('wang');
        expect(read.value.domain).toBe('FOOD');
        expect(read.value.updatedAt).toBe('2026-11-30T03:03:00.000Z');
        // The replicas converge on the same record once they receive the server's state.
        for (const replica of [li, wang]) {
          Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
          expect(readTeamEntity(replica, KEY)).toEqual(read);
        }
      });
    }
  }

  it('does not bring back a record the team deleted, nor merge when nothing was lost', () => {
    const server = new Y.Doc();
    const watch = watchConcurrentRecords(server);
    ensureTeamEntity(server, ENTITY, { by: 'li', at: '2026-11-30T02:00:00.000Z' });
    addTeamNote(server, KEY, { id: 'n', text: 'x' }, { by: 'li', at: '2026-11-30T02:00:00.000Z' });
    expect(watch.take()).toEqual([]);
    server.getMap('entities').delete(KEY);
    expect(watch.take()).toEqual([]);
    expect(readTeamEntity(server, KEY)).toBeNull();
  });
});

describe('two merges of the same loss', () => {
  it('read as one: each note, listing and tag once', () => {
    const li = offlineReplica(1, 'li', '2026-11-30T02:00:00.000Z', (doc) => {
      addTeamNote(doc, KEY, { id: 'n-li', text: '记录' }, { by: 'li', at: '2026-11-30T02:01:00.000Z' });
      addTeamTag(doc, KEY, '重点', { by: 'li', at: '2026-11-30T02:02:00.000Z' });
    });
    const wang = offlineReplica(2, 'wang', '2026-11-30T03:00:00.000Z', () => {});
    // Two servers (instances) each receive both replicas and each merge what was lost; then they exchange.
    const a = serverReceives(li, wang);
    const b = serverReceives(wang, li);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const read = readTeamEntity(a, KEY);
    expect(read?.ok && read.value.notes.map((n) => n.id)).toEqual(['n-li']);
    expect(read?.ok && read.value.tags).toEqual(['重点']);
  });
});
