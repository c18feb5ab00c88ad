import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTeamListing, addTeamNote, addTeamTag, ensureTeamEntity, removeTeamTag, updateTeamEntity, ENTITIES_MAP } from '#core';
import { EntityHistoryWatch, type HistoryRow } from './history.ts';

const NOW = Date.parse('2026-11-30T08:00:00.000Z');
const KEY = '91330100MA00000001';
const honest = { by: 'bob', at: '2026-11-30T08:00:30.000Z' };
const bob = { principal: { user: 'bob' } };

/** A server-side document fed with a client's updates, as a room is; the rows of each update. */
function server() {
  const doc = new Y.Doc();
  const watch = new EntityHistoryWatch(doc, 'east', () => NOW);
  const rows: HistoryRow[][] = [];
  doc.on('update', (_u: Uint8Array, origin: unknown, _d: Y.Doc, transaction: Y.Transaction) =>
    rows.push(watch.rowsOf(transaction, origin)),
  );
  const client = new Y.Doc();
  client.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update, bob));
  return { client, rows, last: () => rows.at(-1) ?? [] };
}

describe('history: what an update changed, attributed by the server', () => {
  it('names the record made and each field changed, the notes added, the server time and the connection user', () => {
    const s = server();
    ensureTeamEntity(s.client, { name: '甲公司', uscc: KEY }, honest);
    expect(s.last()).toEqual([
      { team: 'east', key: KEY, at: '2026-11-30T08:00:00.000Z', user: 'bob', fields: ['created', 'name', 'uscc'], notesAdded: 0 },
    ]);
    updateTeamEntity(s.client, KEY, { status: 'verifying', assignee: 'bob' }, honest);
    expect(s.last()[0]?.fields).toEqual(['status', 'assignee']);
    addTeamTag(s.client, KEY, '重点', honest);
    removeTeamTag(s.client, KEY, '重点', honest);
    expect(s.last()[0]?.fields).toEqual(['tags']);
    addTeamListing(s.client, KEY, { id: 'l1', decidedOn: '2026-01-01', domain: 'FOOD', decisionNo: '1号' }, honest);
    expect(s.last()[0]?.fields).toEqual(['listings']);
    addTeamNote(s.client, KEY, { id: 'n1', text: '核实中' }, honest);
    expect(s.last()).toEqual([{ team: 'east', key: KEY, at: '2026-11-30T08:00:00.000Z', user: 'bob', fields: ['notes'], notesAdded: 1 }]);
  });

  it("keeps the client's claim of another name or a far time beside the attribution", () => {
    const s = server();
    ensureTeamEntity(s.client, { name: '甲公司', uscc: KEY }, honest);
    addTeamNote(s.client, KEY, { id: 'n1', text: '伪造' }, { by: 'alice', at: '2020-01-01T00:00:00.000Z' });
    expect(s.last()).toEqual([
      {
        team: 'east',
        key: KEY,
        at: '2026-11-30T08:00:00.000Z',
        user: 'bob',
        fields: ['notes'],
        notesAdded: 1,
        claimedBy: 'alice',
        claimedAt: '2020-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('a record made offline with notes arrives as one update: made, with its notes counted', () => {
    const s = server();
    const offline = new Y.Doc();
    ensureTeamEntity(offline, { name: '乙公司', uscc: KEY }, honest);
    addTeamNote(offline, KEY, { id: 'n1', text: 'a' }, honest);
    addTeamNote(offline, KEY, { id: 'n2', text: 'b' }, honest);
    Y.applyUpdate(s.client, Y.encodeStateAsUpdate(offline));
    expect(s.last()[0]).toMatchObject({ key: KEY, fields: ['created', 'name', 'uscc', 'notes'], notesAdded: 2 });
    s.client.getMap(ENTITIES_MAP).delete(KEY);
    expect(s.last()[0]).toMatchObject({ key: KEY, fields: ['deleted'], notesAdded: 0 });
  });

  it("a stamp alone is recorded as such; an update touching no record records nothing; the server's own merges are (server)", () => {
    const s = server();
    ensureTeamEntity(s.client, { name: '甲公司', uscc: KEY }, honest);
    (s.client.getMap(ENTITIES_MAP).get(KEY) as Y.Map<unknown>).set('updatedBy', 'alice');
    expect(s.last()[0]).toMatchObject({ fields: ['updatedBy'], user: 'bob', claimedBy: 'alice' });
    s.client.getMap('elsewhere').set('x', 1);
    expect(s.last()).toEqual([]);
    const doc = new Y.Doc();
    const watch = new EntityHistoryWatch(doc, 'east', () => NOW);
    let rows: HistoryRow[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown, _d: Y.Doc, tr: Y.Transaction) => (rows = watch.rowsOf(tr, origin)));
    ensureTeamEntity(doc, { name: '丙公司', uscc: KEY }, honest);
    expect(rows[0]).toMatchObject({ user: '(server)', claimedBy: 'bob' });
  });
});
