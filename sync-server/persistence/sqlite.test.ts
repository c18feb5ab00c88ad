import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { TRIM_EVERY } from '../history.ts';
import { DATABASE_FILE, SqliteStore } from './sqlite.ts';

const DOC = 'east';
const opened: SqliteStore[] = [];

/** Two connections to one DATA_DIR, as the server and a second writer would have. */
function twoConnections(): [SqliteStore, SqliteStore] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-sqlite-'));
  const stores: [SqliteStore, SqliteStore] = [new SqliteStore(dir), new SqliteStore(dir)];
  opened.push(...stores);
  return stores;
}

/** A client document whose every change is appended through `store`, as the server's rooms do. */
function writer(store: SqliteStore, clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return {
    doc,
    async set(key: string, value: string) {
      doc.getMap('entities').set(key, value);
      await store.appendUpdates(updates.splice(0).map((update) => ({ name: DOC, update })));
    },
  };
}

async function storedMap(store: SqliteStore): Promise<Record<string, unknown>> {
  const doc = new Y.Doc();
  for (const update of await store.loadDocument(DOC)) Y.applyUpdate(doc, update);
  return doc.getMap('entities').toJSON();
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describe('SQLite compaction', () => {
  it('swaps the rows it knows for the caller’s state, keeping what others appended after them', async () => {
    const [server, other] = twoConnections();
    await server.loadDocument(DOC);
    const mine = writer(server, 1);
    for (let i = 0; i < 5; i++) await mine.set(`k${i}`, `v${i}`);
    await writer(other, 2).set('late', 'from another connection');

    await server.compact(DOC, Y.encodeStateAsUpdate(mine.doc));

    expect(await server.countUpdates(DOC)).toBe(2);
    expect(await storedMap(other)).toEqual({ k0: 'v0', k1: 'v1', k2: 'v2', k3: 'v3', k4: 'v4', late: 'from another connection' });
  });

  it('merges the long way when another connection wrote among its rows, and loses none of them', async () => {
    const [server, other] = twoConnections();
    await server.loadDocument(DOC);
    const mine = writer(server, 1);
    await mine.set('a', '1');
    await writer(other, 2).set('between', 'theirs');
    await mine.set('b', '2');

    // The state lacks 'between': swapping the rows up to the last known one would drop it.
    await server.compact(DOC, Y.encodeStateAsUpdate(mine.doc));

    expect(await server.countUpdates(DOC)).toBe(1);
    expect(await storedMap(other)).toEqual({ a: '1', b: '2', between: 'theirs' });
  });

  it('merges the long way after another connection compacted, or without a state', async () => {
    const [server, other] = twoConnections();
    await server.loadDocument(DOC);
    const mine = writer(server, 1);
    await mine.set('a', '1');
    await mine.set('b', '2');
    await writer(other, 2).set('c', '3');
    await other.compact(DOC);
    await mine.set('d', '4');

    await server.compact(DOC, Y.encodeStateAsUpdate(mine.doc));
    expect(await storedMap(other)).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    expect(await server.countUpdates(DOC)).toBe(1);

    await mine.set('e', '5');
    await server.compact(DOC);
    expect(await server.countUpdates(DOC)).toBe(1);
    expect(await storedMap(other)).toEqual({ a: '1', b: '2', c: '3', d: '4', e: '5' });
  });
});

describe('SQLite checkpoints of the server’s connection', () => {
  it('happen off the commit path, and the log starts over after one; the commands’ connections keep SQLite’s own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-sqlite-'));
    const errors: unknown[] = [];
    const server = new SqliteStore(dir, { backgroundCheckpoints: { everyMs: 50, onError: (error) => errors.push(error) } });
    const command = new SqliteStore(dir);
    opened.push(server, command);
    expect(server.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(command.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    await server.loadDocument(DOC);
    const mine = writer(server, 1);
    for (let i = 0; i < 400; i++) await mine.set(`k${i}`, 'v');
    // Fewer than 1,000 pages: SQLite would not have checkpointed on its own. Only the timer can.
    const restarts = logRestarts(dir);
    await vi.waitFor(() => expect(server.checkpointsDone).toBeGreaterThan(0), { timeout: 2000 });
    // Fully checkpointed, the next commit writes the log from its beginning again.
    await mine.set('after', 'v');
    expect(logRestarts(dir)).toBe(restarts + 1);
    expect(Object.keys(await storedMap(command))).toHaveLength(401);
    expect(errors).toEqual([]);
  });
});

/** The write-ahead log header's checkpoint sequence number: SQLite adds one each time the log starts over. */
function logRestarts(dir: string): number {
  const header = fs.readFileSync(path.join(dir, DATABASE_FILE + '-wal')).subarray(0, 32);
  return header.readUInt32BE(12);
}

describe('SQLite page cache', () => {
  it('is smaller than SQLite’s default, and a log larger than it still loads whole', async () => {
    const [store, other] = twoConnections();
    expect(store.db.pragma('cache_size', { simple: true })).toBe(-1024);
    await store.loadDocument(DOC);
    const mine = writer(store, 1);
    // About 2 MiB of rows, twice the cache.
    for (let i = 0; i < 500; i++) await mine.set(`k${i}`, 'x'.repeat(4096));
    expect(Object.keys(await storedMap(other))).toHaveLength(500);
  });
});

describe('client id owners', () => {
  it('the first claim wins, for every connection and after reopening', async () => {
    const [one, two] = twoConnections();
    expect(await one.claimClients(DOC, 'li', [7, 8])).toEqual(
      new Map([
        [7, 'li'],
        [8, 'li'],
      ]),
    );
    expect(await two.claimClients(DOC, 'mallory', [8, 9])).toEqual(
      new Map([
        [8, 'li'],
        [9, 'mallory'],
      ]),
    );
    expect(await two.claimClients('west', 'mallory', [7])).toEqual(new Map([[7, 'mallory']]));
    const reopened = new SqliteStore(path.dirname(one.db.name));
    opened.push(reopened);
    expect(await reopened.claimClients(DOC, 'wang', [7, 9, 2 ** 40])).toEqual(
      new Map([
        [7, 'li'],
        [9, 'mallory'],
        [2 ** 40, 'wang'],
      ]),
    );
  });
});

describe('file modes', () => {
  it('makes DATA_DIR 0700 and the database, its -wal and -shm, the audit trail and backups 0600, whatever existed before', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-modes-'));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'audit.jsonl'), '', { mode: 0o644 });
    const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
    const umask = process.umask(0);
    try {
      const store = new SqliteStore(dir);
      opened.push(store);
      await store.appendUpdates([{ name: DOC, update: Y.encodeStateAsUpdate(new Y.Doc()) }]);
      expect(mode(dir)).toBe('700');
      for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'audit.jsonl'])
        expect([file, mode(path.join(dir, file))]).toEqual([file, '600']);
      const backup = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-backup-')), 'copy.sqlite');
      await store.backup(backup);
      expect(mode(backup)).toBe('600');
      // Files an older version left readable are closed at the next start.
      fs.chmodSync(path.join(dir, DATABASE_FILE), 0o644);
      fs.chmodSync(dir, 0o755);
      opened.push(new SqliteStore(dir));
      expect(mode(dir)).toBe('700');
      expect(mode(path.join(dir, DATABASE_FILE))).toBe('600');
    } finally {
      process.umask(umask);
    }
  });
});

describe('SQLite store: change history', () => {
  it('keeps the history rows with their update, newest first per record, trimmed to historyPerEntity every TRIM_EVERY rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-sqlite-'));
    const store = new SqliteStore(dir, { historyPerEntity: 3 });
    opened.push(store);
    const row = (key: string, i: number) => ({
      team: DOC,
      key,
      at: new Date(Date.UTC(2026, 10, 30, 8, 0, i)).toISOString(),
      user: 'bob',
      fields: ['notes' as const],
      notesAdded: 1,
      ...(i === 4 ? { claimedBy: 'alice', claimedAt: '2020-01-01T00:00:00.000Z' } : {}),
    });
    const append = (i: number) => store.appendUpdates([{ name: DOC, update: new Uint8Array([0, 0]), history: [row('a', i), row('b', i)] }]);
    for (let i = 0; i < 5; i++) await append(i);
    const a = await store.entityHistory(DOC, 'a', 100);
    expect(a.map((h) => h.at.slice(17, 19))).toEqual(['04', '03', '02', '01', '00']);
    expect(a[0]).toEqual(row('a', 4));
    expect(await store.entityHistory(DOC, 'b', 2)).toHaveLength(2);
    expect(await store.entityHistory('west', 'a', 100)).toEqual([]);
    expect(await store.countUpdates(DOC)).toBe(5);
    // Trimmed when first written (row 0), then once TRIM_EVERY more rows came: at row TRIM_EVERY.
    for (let i = 5; i < TRIM_EVERY; i++) await append(i);
    expect(await store.entityHistory(DOC, 'a', 100)).toHaveLength(TRIM_EVERY);
    await append(TRIM_EVERY);
    expect((await store.entityHistory(DOC, 'a', 100)).map((h) => h.at)).toEqual(
      [TRIM_EVERY, TRIM_EVERY - 1, TRIM_EVERY - 2].map((i) => row('a', i).at),
    );
  });
});
