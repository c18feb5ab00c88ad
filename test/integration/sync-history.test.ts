/**
 * The change history on a real server: a member who writes in another's name and at another time (updatedBy 'alice',
 * 2020-01-01) is recorded under their own token's user and the server's time, the claim beside it; the history is
 * read from the store, so it survives a restart; and its access rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EntityHistory, addTeamNote, ensureTeamEntity, updateTeamEntity } from '#core';
import { fetchEntityHistory } from '../../extension/sync/history-client.ts';
import { synced, until } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

const team = useTeamServer({ east: { admin: 'admin', alice: 'member', mallory: 'member', ro: 'readonly' }, west: { other: 'admin' } });
const east = (user: string) => team.token('east', user);
const KEY = '91330100MA00000001';
const NAMED = 'name:丙/商贸 有限公司';
const PATH = `/team/east/entities/${KEY}/history`;

const get = (path: string, token?: string) =>
  fetch(`${team.server().httpUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const history = async (path = PATH, token = east('admin')) => {
  const res = await get(path, token);
  expect(res.status).toBe(200);
  return EntityHistory.parse(await res.json());
};

let before = '';
let after = '';

beforeAll(async () => {
  const honest = team.client('east', 'alice');
  await synced(honest);
  ensureTeamEntity(honest.doc, { name: '甲食品有限公司', uscc: KEY }, { by: 'alice', at: new Date().toISOString() });
  ensureTeamEntity(honest.doc, { name: '丙/商贸 有限公司' }, { by: 'alice', at: new Date().toISOString() });
  await until(async () => (await history()).length === 1, "alice's record in the history");
  before = new Date().toISOString();
  const forger = team.client('east', 'mallory');
  await synced(forger);
  const forged = { by: 'alice', at: '2020-01-01T00:00:00.000Z' };
  updateTeamEntity(forger.doc, KEY, { status: 'case-filed', assignee: 'alice' }, forged);
  addTeamNote(forger.doc, KEY, { id: 'forged-1', text: '已核实（伪造署名）' }, forged);
  await until(async () => (await history()).length === 3, "mallory's two updates in the history");
  after = new Date().toISOString();
  team.dropClients();
}, 60_000);

describe('sync server: change history', () => {
  it("records a forged name and time under the token's user and the server's time, the claim beside it, newest first", async () => {
    const [note, fields, made] = await history();
    expect(note).toMatchObject({
      user: 'mallory',
      fields: ['notes'],
      notesAdded: 1,
      claimedBy: 'alice',
      claimedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(fields).toMatchObject({
      user: 'mallory',
      fields: ['status', 'assignee'],
      notesAdded: 0,
      claimedBy: 'alice',
      claimedAt: '2020-01-01T00:00:00.000Z',
    });
    for (const entry of [note!, fields!]) expect(entry.at >= before && entry.at <= after).toBe(true);
    // The honest writer's own entry carries no claim.
    expect(made).toEqual({ at: made!.at, user: 'alice', fields: ['created', 'name', 'uscc'], notesAdded: 0 });
    expect(made!.at < before).toBe(true);
  });

  it('every role of the team reads it; a key with a slash, percent-encoded; an unknown record has none', async () => {
    for (const user of ['alice', 'mallory', 'ro']) expect(await history(PATH, east(user))).toHaveLength(3);
    expect(await history(`/team/east/entities/${encodeURIComponent(NAMED)}/history`)).toMatchObject([
      { user: 'alice', fields: ['created', 'name'] },
    ]);
    expect(await history('/team/east/entities/91330100MA0000000X/history')).toEqual([]);
  });

  it("401 without or with a bad token, 403 another team's, 404 an unknown team, 400 a bad key or limit", async () => {
    expect((await get(PATH)).status).toBe(401);
    expect((await get(PATH, 'nonsense')).status).toBe(401);
    expect((await get(`${PATH}?token=${east('admin')}`)).status).toBe(401);
    expect((await get(PATH, team.token('west', 'other'))).status).toBe(403);
    expect((await get(`/team/nowhere/entities/${KEY}/history`, east('admin'))).status).toBe(404);
    // Without a valid token, an unknown team is not told apart from a known one.
    expect((await get(`/team/nowhere/entities/${KEY}/history`)).status).toBe(401);
    for (const bad of [
      '/team/east/entities/%ZZ/history',
      '/team/east/entities/a%00b/history',
      `/team/east/entities/${'x'.repeat(311)}/history`,
      `${PATH}?limit=0`,
      `${PATH}?since=1`,
    ]) {
      expect((await get(bad, east('admin'))).status, bad).toBe(400);
    }
    // The preflight the extension's background sends before a GET with Authorization.
    const preflight = await fetch(`${team.server().httpUrl}${PATH}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
  });

  it("the extension's client reads it from the socket address, past an instance that cannot be reached", async () => {
    const server = `ws://127.0.0.1:1 ${team.server().url}`;
    const entries = await fetchEntityHistory({ server, token: east('alice'), team: 'east' }, KEY);
    expect(entries).toEqual(await history());
    await expect(fetchEntityHistory({ server: team.server().url, token: team.token('west', 'other'), team: 'east' }, KEY)).rejects.toThrow(
      /^HTTP 403 /,
    );
  });

  it('survives a restart (read from the store)', async () => {
    const kept = await history();
    await team.server().stop();
    await team.server().restart();
    expect(await history()).toEqual(kept);
  });
});
