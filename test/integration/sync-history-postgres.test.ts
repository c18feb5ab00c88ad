/**
 * The change history on PostgreSQL (a real server from Debian's packages, started for this file): two instances on
 * one database record into the same table, so each answers what was written through the other — forged claims
 * included — and a record's history is trimmed to HISTORY_PER_ENTITY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntityHistory, addTeamNote, ensureTeamEntity, updateTeamEntity } from '#core';
import { TRIM_EVERY } from '../../sync-server/history.ts';
import { startPostgres, type PostgresServer } from '../support/services.ts';
import { startSyncServer, synced, teamClient, until, type RunningSyncServer, type TeamClient } from '../support/sync-server.ts';

let postgres: PostgresServer;
let instances: RunningSyncServer[];
let tokens: Record<string, string>;
const clients: TeamClient[] = [];
const KEY = '91330100MA00000002';
const KEEP = 5;

const history = async (instance: RunningSyncServer) => {
  const res = await fetch(`${instance.httpUrl}/team/east/entities/${KEY}/history`, {
    headers: { authorization: `Bearer ${tokens.admin}` },
  });
  expect(res.status).toBe(200);
  return EntityHistory.parse(await res.json());
};

beforeAll(async () => {
  postgres = await startPostgres();
  const env = { STORE: 'postgres', DATABASE_URL: postgres.url, HISTORY_PER_ENTITY: String(KEEP) };
  instances = await Promise.all([0, 1].map(() => startSyncServer({ env })));
  tokens = await instances[0]!.team('east', { admin: 'admin', alice: 'member', mallory: 'member' });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all((instances ?? []).map((i) => i.stop()));
  await postgres?.stop();
});

describe('change history on PostgreSQL', () => {
  it("two instances answer the same history, written through either; the forged claim beside the token's user", async () => {
    const alice = teamClient(instances[0]!, 'east', tokens.alice!);
    clients.push(alice);
    await synced(alice);
    ensureTeamEntity(alice.doc, { name: '乙商贸有限公司', uscc: KEY }, { by: 'alice', at: new Date().toISOString() });
    await until(async () => (await history(instances[1]!)).length === 1, "alice's entry on the other instance");
    // No Redis: the other instance loads the document from the database when mallory's connection opens it.
    const mallory = teamClient(instances[1]!, 'east', tokens.mallory!);
    clients.push(mallory);
    await synced(mallory);
    addTeamNote(mallory.doc, KEY, { id: 'forged', text: '伪造' }, { by: 'alice', at: '2020-01-01T00:00:00.000Z' });
    await until(async () => (await history(instances[0]!))[0]?.notesAdded === 1, "mallory's note on the first instance");
    const [one, two] = [await history(instances[0]!), await history(instances[1]!)];
    expect(one).toEqual(two);
    expect(one[0]).toMatchObject({ user: 'mallory', fields: ['notes'], claimedBy: 'alice', claimedAt: '2020-01-01T00:00:00.000Z' });
    expect(one.at(-1)).toMatchObject({ user: 'alice', fields: ['created', 'name', 'uscc'] });
  });

  it('keeps the newest HISTORY_PER_ENTITY entries of a record, trimmed every TRIM_EVERY rows', async () => {
    const alice = clients[0]!;
    for (let i = 0; i < 60; i++) addTeamNote(alice.doc, KEY, { id: `n${i}`, text: `${i}` }, { by: 'alice', at: new Date().toISOString() });
    await until(async () => (await history(instances[0]!)).length < 62, 'the notes committed and trimmed');
    // Then one change per commit, TRIM_EVERY of them: the last trim among them sees a commit of one row. (How many of
    // the 60 notes share a commit depends on the machine's load; a trim keeps KEEP plus its own commit's rows.)
    for (let i = 0; i < TRIM_EVERY; i++) {
      const newest = (await history(instances[0]!))[0]?.at;
      updateTeamEntity(alice.doc, KEY, { status: i % 2 === 0 ? 'verifying' : 'clue' }, { by: 'alice', at: new Date().toISOString() });
      await until(async () => (await history(instances[0]!))[0]?.at !== newest, `status change ${i + 1} committed`);
    }
    const kept = await history(instances[0]!);
    expect(kept.length).toBeGreaterThanOrEqual(KEEP);
    // 95 rows were written; since the last trim (a commit of one row) fewer than TRIM_EVERY more.
    expect(kept.length).toBeLessThanOrEqual(KEEP + TRIM_EVERY);
    expect(kept[0]?.fields).toEqual(['status']);
  });
});
