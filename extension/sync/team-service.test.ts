/**
 * The background's team against a y-websocket server in this process: configure, connect, write and see another
 * client's writes; edits made offline kept and merged on reconnect; the local copy surviving a restart of the
 * background; awareness both ways; expiry, a server's close reason, clearing. The document's local copy lives in
 * fake-indexeddb, as y-indexeddb keeps it in the browser.
 */
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTeamNote, ensureTeamEntity, readTeamEntity } from '#core';
import { localDocName } from './config.ts';
import { memoryConfigStore, type TeamConfigStore } from './config-store.ts';
import { TeamService } from './team-service.ts';
import { NOW_MS, claimsOf, startLocalSyncServer, tokenOf, type LocalSyncServer } from '../../test/support/extension/local-sync-server.ts';

const WS = NodeWebSocket as unknown as typeof WebSocket;
const KEY = '91330106MA27QX8BXF';
const ENTITY = { name: '示例市鲜味坊食品有限公司', uscc: KEY };

let server: LocalSyncServer;
let cleanups: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  server = await startLocalSyncServer();
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
  await server.stop();
});

function service(store: TeamConfigStore, clock = { ms: NOW_MS }, log: string[] = []): TeamService {
  const team = new TeamService({ store, now: () => clock.ms, log: (line) => log.push(line), WebSocket: WS });
  cleanups.push(() => team.stop());
  return team;
}

/** Another member's browser, as a plain y-websocket client. */
function otherClient(token: string, team = 't1'): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${server.url}/team`, team, doc, { params: { token }, WebSocketPolyfill: WS, disableBc: true });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider };
}

async function connected(team: TeamService): Promise<void> {
  await expect.poll(async () => (await team.status()).state, { timeout: 5_000 }).toBe('connected');
}

const edit = (by: string, second = 0) => ({ by, at: new Date(NOW_MS + second * 1000).toISOString() });

describe('TeamService', () => {
  it('is not configured until a server and a token are set, and refuses unusable ones without storing them', async () => {
    const store = memoryConfigStore();
    const team = service(store);
    await team.start();
    expect(await team.status()).toEqual({ state: 'not-configured', server: null, claims: null, detail: null });
    expect(await team.configure({ server: 'http://127.0.0.1:1234', token: tokenOf(claimsOf()) })).toEqual({
      ok: false,
      problems: ['服务器地址：地址须以 ws:// 或 wss:// 开头'],
    });
    expect(await team.configure({ server: server.url, token: 'not a token' })).toMatchObject({ ok: false });
    expect(await team.configure({ server: server.url, token: tokenOf(claimsOf({ exp: NOW_MS / 1000 - 1 })) })).toEqual({
      ok: false,
      problems: ['令牌已过期'],
    });
    expect(await store.load()).toBeNull();
    expect(await team.session()).toBeNull();
  });

  it('connects, and a write of this browser and of another member reach each other', async () => {
    const token = tokenOf(claimsOf());
    const bobToken = tokenOf(claimsOf({ sub: 'bob', jti: 'j2' }));
    server.allow(token);
    server.allow(bobToken);
    const store = memoryConfigStore();
    const team = service(store);
    const result = await team.configure({ server: `${server.url}/`, token });
    expect(result).toMatchObject({ ok: true, status: { server: server.url, claims: { sub: 'alice', team: 't1', role: 'member' } } });
    expect(await store.load()).toEqual({ server: server.url, token });
    await connected(team);

    const session = await team.session();
    if (!session) throw new Error('no session');
    expect(ensureTeamEntity(session.doc, ENTITY, edit('alice')).ok).toBe(true);
    const bob = otherClient(bobToken);
    await expect.poll(() => readTeamEntity(bob.doc, KEY)?.ok).toBe(true);
    addTeamNote(bob.doc, KEY, { id: 'b1', text: '已电话核实' }, edit('bob', 1));
    await expect
      .poll(() => {
        const read = readTeamEntity(session.doc, KEY);
        return read?.ok ? read.value.notes.map((n) => `${n.author}: ${n.text}`) : [];
      })
      .toEqual(['bob: 已电话核实']);
  });

  it('with several addresses, goes on with the next one when a connection fails', async () => {
    const token = tokenOf(claimsOf({ jti: 'j-failover' }));
    server.allow(token);
    // An address where nothing listens, first: the connection fails there and moves on to the live one.
    const dead = await startLocalSyncServer();
    await dead.stop();
    const team = service(memoryConfigStore());
    expect(await team.configure({ server: `${dead.url}, ${server.url}`, token })).toMatchObject({
      ok: true,
      status: { server: `${dead.url} ${server.url}` },
    });
    await connected(team);
  });

  it("keeps edits made offline and merges them with the others' when the server lets it in again", async () => {
    // Each test its own team: the reference server keeps a room's document for the whole file.
    const token = tokenOf(claimsOf({ team: 't-offline' }));
    const bobToken = tokenOf(claimsOf({ sub: 'bob', jti: 'j2', team: 't-offline' }));
    server.allow(token);
    server.allow(bobToken);
    const team = service(memoryConfigStore());
    await team.configure({ server: server.url, token });
    await connected(team);
    const doc = (await team.session())?.doc;
    if (!doc) throw new Error('no session');
    ensureTeamEntity(doc, ENTITY, edit('alice'));
    const bob = otherClient(bobToken, 't-offline');
    await expect.poll(() => readTeamEntity(bob.doc, KEY)?.ok).toBe(true);

    // Alice's background starts again with a token the server does not let in yet: she works offline.
    const allowedAgain = tokenOf(claimsOf({ jti: 'j3', team: 't-offline' }));
    const offline = new TeamService({
      store: memoryConfigStore({ server: server.url, token: allowedAgain }),
      now: () => NOW_MS,
      log: () => {},
      WebSocket: WS,
    });
    cleanups.push(() => offline.stop());
    await team.stop();
    await offline.start();
    await expect.poll(async () => (await offline.status()).state, { timeout: 5_000 }).toBe('offline');
    const offlineDoc = (await offline.session())?.doc;
    if (!offlineDoc) throw new Error('no session');
    // The local copy was loaded from IndexedDB: the record made online is there without the server.
    expect(readTeamEntity(offlineDoc, KEY)?.ok).toBe(true);
    addTeamNote(offlineDoc, KEY, { id: 'a1', text: '现场检查（离线记录）' }, edit('alice', 2));
    addTeamNote(bob.doc, KEY, { id: 'b1', text: '同一时间的另一条' }, edit('bob', 3));

    server.allow(allowedAgain);
    await expect.poll(async () => (await offline.status()).state, { timeout: 10_000 }).toBe('connected');
    const notes = (d: Y.Doc) => {
      const read = readTeamEntity(d, KEY);
      return read?.ok ? read.value.notes.map((n) => n.id).sort() : [];
    };
    await expect.poll(() => notes(bob.doc)).toEqual(['a1', 'b1']);
    await expect.poll(() => notes(offlineDoc)).toEqual(['a1', 'b1']);
  });

  it('opens the stored configuration when the background starts again, with the local copy, before any server answers', async () => {
    const token = tokenOf(claimsOf({ team: 't-restart' }));
    const store = memoryConfigStore();
    const first = service(store);
    await first.configure({ server: server.url, token });
    const doc = (await first.session())?.doc;
    if (!doc) throw new Error('no session');
    ensureTeamEntity(doc, ENTITY, edit('alice'));
    await first.stop();

    const second = service(store);
    await second.start();
    expect((await second.status()).claims?.team).toBe('t-restart');
    const again = (await second.session())?.doc;
    expect(again && readTeamEntity(again, KEY)?.ok).toBe(true);
  });

  it("tells the team what this browser's tabs show, and names the others looking at the same entity", async () => {
    const token = tokenOf(claimsOf());
    const bobToken = tokenOf(claimsOf({ sub: 'bob', jti: 'j2' }));
    server.allow(token);
    server.allow(bobToken);
    const team = service(memoryConfigStore());
    await team.configure({ server: server.url, token });
    await connected(team);
    team.setTabEntity(7, KEY);
    team.setTabEntity(8, 'name:示例市丙商贸有限公司');
    const bob = otherClient(bobToken);
    const aliceState = () => [...bob.provider.awareness.getStates().values()].find((s) => (s as { user?: string }).user === 'alice');
    await expect.poll(aliceState).toEqual({ user: 'alice', viewing: [KEY, 'name:示例市丙商贸有限公司'] });
    bob.provider.awareness.setLocalState({ user: 'bob', viewing: [KEY] });
    await expect.poll(() => team.viewersOf(KEY)).toEqual(['bob']);
    expect(team.viewersOf('name:示例市丙商贸有限公司')).toEqual([]);
    // A malformed state from the network is ignored, not shown.
    bob.provider.awareness.setLocalState({ user: '<img src=x>', viewing: 'everything' });
    await expect.poll(() => team.viewersOf(KEY)).toEqual([]);
    team.setTabEntity(7, null);
    await expect.poll(aliceState).toEqual({ user: 'alice', viewing: ['name:示例市丙商贸有限公司'] });
  });

  it('shows why the server closed the connection, and stops connecting once the token has expired', async () => {
    const token = tokenOf(claimsOf());
    server.allow(token);
    const clock = { ms: NOW_MS };
    const log: string[] = [];
    const team = service(memoryConfigStore(), clock, log);
    await team.configure({ server: server.url, token });
    await connected(team);
    server.closeAll(1008, 'token revoked');
    await expect.poll(async () => team.status()).toMatchObject({ detail: '1008 token revoked' });
    expect(log).toContain('team t1: offline (1008 token revoked)');

    clock.ms = claimsOf().exp * 1000;
    expect(await team.status()).toMatchObject({ state: 'token-expired', claims: { sub: 'alice' } });
    // The local copy stays readable after expiry.
    expect(await team.session()).not.toBeNull();
  });

  it('stops retrying when the server withdraws the right (4401), and shows why', async () => {
    const token = tokenOf(claimsOf({ team: 't-withdrawn' }));
    server.allow(token);
    const team = service(memoryConfigStore());
    await team.configure({ server: server.url, token });
    await connected(team);
    server.closeAll(4401, 'token revoked');
    await expect.poll(async () => team.status()).toMatchObject({ state: 'offline', detail: '4401 token revoked' });
    // The server would let it in again, but y-websocket takes 4401 as final: it stays offline.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await team.status()).state).toBe('offline');
  });

  it('a stored token that has expired opens the local copy without connecting; a stored value that does not parse is ignored with the reason', async () => {
    const expired = service(memoryConfigStore({ server: server.url, token: tokenOf(claimsOf({ exp: NOW_MS / 1000 })) }));
    await expired.start();
    expect((await expired.status()).state).toBe('token-expired');

    const broken = service(memoryConfigStore({ server: 'ftp://x', token: 'x' }));
    await broken.start();
    const status = await broken.status();
    expect(status.state).toBe('not-configured');
    expect(status.detail).toMatch(/^已保存的团队设置无法使用：/);
  });

  it('disconnecting forgets the server and token and deletes the local copy', async () => {
    const token = tokenOf(claimsOf({ team: 't-clear' }));
    const store = memoryConfigStore();
    const team = service(store);
    await team.configure({ server: server.url, token });
    const doc = (await team.session())?.doc;
    if (!doc) throw new Error('no session');
    ensureTeamEntity(doc, ENTITY, edit('alice'));
    const name = localDocName(server.url, 't-clear');
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(name);
    expect((await team.disconnect()).state).toBe('not-configured');
    expect(await store.load()).toBeNull();
    await expect.poll(async () => (await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});
