import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { isEmptyStateVector } from './join.ts';
import { PendingUpdates } from './pending.ts';
import { SqliteStore } from './persistence/sqlite.ts';
import { MESSAGE_SYNC, SYNC_STEP2, SYNC_UPDATE, syncMessage } from './protocol.ts';
import { Rooms, type Member } from './rooms.ts';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function rooms(): { rooms: Rooms; store: SqliteStore } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-join-'));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  stores.push(store);
  return { store, rooms: new Rooms(store, { compactAfterUpdates: 1000, log: () => {}, onCommitFailure: () => {} }) };
}

function member(): Member & { closed?: string } {
  const m: Member & { closed?: string } = {
    send: () => {},
    awarenessClients: new Set(),
    pending: new PendingUpdates({ maxUpdates: 10, maxBytes: 1 << 20, maxAgeMs: 10_000 }),
    waitingFailed: () => {},
    close: (code, reason) => {
      m.closed = `${code} ${reason}`;
    },
  };
  return m;
}

/** The update a sync step 2 frame carries. */
function payloadOf(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
  expect(decoding.readVarUint(decoder)).toBe(SYNC_STEP2);
  const update = decoding.readVarUint8Array(decoder);
  expect(decoding.hasContent(decoder)).toBe(false);
  return update;
}

function filled(keys: number, clientID = 11): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  for (let i = 0; i < keys; i++) doc.getMap('m').set(`k${i}`, i);
  return doc;
}

describe('sync messages', () => {
  it('are byte for byte what lib0 encodes, around every length boundary of the varuint', () => {
    for (const length of [0, 1, 127, 128, 16_383, 16_384, 300_000, 2_097_152]) {
      const payload = Uint8Array.from({ length }, (_, i) => i % 251);
      const lib0 = encoding.encode((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, payload);
      });
      expect(Buffer.from(syncMessage(SYNC_UPDATE, payload)).equals(lib0)).toBe(true);
    }
  });
});

describe('answers to a sync step 1', () => {
  it('knows an empty state vector, in either spelling', () => {
    expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
    expect(isEmptyStateVector(Y.encodeStateVector(filled(1)))).toBe(false);
    const zeros = encoding.encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 5);
      encoding.writeVarUint(e, 0);
    });
    expect(isEmptyStateVector(zeros)).toBe(true);
  });

  it('a room opened from its compacted row sends that row as is, and a diff to a client with part of it', async () => {
    const { rooms: all, store } = rooms();
    const source = filled(400);
    const first400 = Y.encodeStateAsUpdate(source);
    for (let i = 400; i < 500; i++) source.getMap('m').set(`k${i}`, i);
    const stored = Y.encodeStateAsUpdate(source);
    await store.appendUpdates([{ name: 't', update: stored }]);
    const room = await all.open('t');
    const full = room.answerStep1(new Uint8Array([0]));
    expect(payloadOf(full)).toEqual(stored);
    // The same bytes for the next joiner: nothing encoded again.
    expect(room.answerStep1(new Uint8Array([0]))).toBe(full);

    // A client holding the first 400 keys gets only the rest.
    const partial = new Y.Doc();
    Y.applyUpdate(partial, first400);
    const diff = payloadOf(room.answerStep1(Y.encodeStateVector(partial)));
    expect(diff.byteLength).toBeLessThan(stored.byteLength / 3);
    Y.applyUpdate(partial, diff);
    expect(partial.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON());
    // The diff built the document; the whole-state frame is still the stored row.
    expect(room.doc.getMap('m').size).toBe(500);
    expect(room.answerStep1(new Uint8Array([0]))).toBe(full);
  });

  it('a change replaces the kept frame, once committed', async () => {
    const { rooms: all } = rooms();
    const room = await all.open('t');
    const client = filled(3, 42);
    const before = room.answerStep1(new Uint8Array([0]));
    const writer = member();
    room.members.add(writer);
    room.applyClientUpdate(Y.encodeStateAsUpdate(client), writer);
    await all.committed('t');
    const after = room.answerStep1(new Uint8Array([0]));
    expect(after).not.toBe(before);
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, payloadOf(after));
    expect(joiner.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2 });
    expect(room.storedState()).toEqual(payloadOf(after));
  });

  it("the server's own state vector waits for a staged document, which is built at the latest after a moment", async () => {
    const { rooms: all, store } = rooms();
    await store.appendUpdates([{ name: 't', update: Y.encodeStateAsUpdate(filled(10)) }]);
    const room = await all.open('t');
    const vectors: Uint8Array[] = [];
    room.afterBuild(() => vectors.push(Y.encodeStateVector(room.doc)));
    expect(vectors).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(vectors).toHaveLength(1);
    expect(Y.decodeStateVector(vectors[0]!).get(11)).toBe(10);
  });

  it("a stored row that does not apply closes the room's connections and drops it", async () => {
    const { rooms: all, store } = rooms();
    await store.appendUpdates([{ name: 't', update: Uint8Array.of(1, 5, 200, 3) }]);
    const room = await all.open('t');
    const joiner = member();
    room.members.add(joiner);
    room.build();
    expect(joiner.closed).toBe('1011 document unavailable; reconnect');
    expect(all.size).toBe(0);
  });
});
