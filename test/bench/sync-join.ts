/**
 * Sync scenario (c), the late join: a room holds `keys` map entries (written by one client, 100 to a transaction);
 * a new client joins and the time from opening its connection to its replica holding every entry is taken.
 *  - warm: the writer is still connected, the room is in the server's memory;
 *  - cold: everybody left, the server unloaded the room, the joiner's connection loads it from the store (servers
 *    that keep nothing, like the reference without persistence, have no cold figure).
 * Each join is a fresh client (a new Y.Doc and connection), closed before the next.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { closeClients, connectClient } from './sync-clients.ts';
import type { RunningServer } from './sync-servers.ts';

const MAP = 'join';
const KEYS_PER_TRANSACTION = 100;
/** After the last client left: time for a server to store and unload the room (Hocuspocus stores on that leave). */
const UNLOAD_WAIT_MS = 500;
const JOIN_TIMEOUT_MS = 60_000;

export interface JoinFigures {
  warm: number[];
  cold: number[];
}

interface Joined {
  doc: Y.Doc;
  close(): void;
}

/** A client of the server's own kind: y-websocket's provider, or Hocuspocus's. */
function open(server: RunningServer, room: string, clientIndex: number): Joined {
  if (server.protocol === 'y-websocket') {
    const client = connectClient(server.serverUrl, room, server.token(room, clientIndex));
    return { doc: client.doc, close: () => closeClients([client]) };
  }
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: server.serverUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider, name: room, document: doc, token: server.token(room, clientIndex) });
  // A provider given its socket does not attach by itself.
  provider.attach();
  return {
    doc,
    close: () => {
      provider.destroy();
      websocketProvider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the map holds `size` entries (counted from the events: every key is set once). */
function whenHolds(doc: Y.Doc, size: number): Promise<void> {
  const map = doc.getMap(MAP);
  let entries = map.size;
  return new Promise((resolve, reject) => {
    if (entries >= size) return resolve();
    const timer = setTimeout(() => reject(new Error(`not all ${size} keys within ${JOIN_TIMEOUT_MS} ms (${entries})`)), JOIN_TIMEOUT_MS);
    const count = (event: Y.YMapEvent<unknown>) => {
      entries += event.keysChanged.size;
      if (entries < size) return;
      clearTimeout(timer);
      map.unobserve(count);
      resolve();
    };
    map.observe(count);
  });
}

/** One timed join: from opening the connection to holding every key. */
async function joinOnce(server: RunningServer, room: string, keys: number): Promise<number> {
  const start = performance.now();
  const joiner = open(server, room, 1);
  try {
    await whenHolds(joiner.doc, keys);
    return performance.now() - start;
  } finally {
    joiner.close();
  }
}

/** A fresh room filled with `keys` entries; then `joins` warm joins and, if the server stores, `joins` cold ones. */
export async function lateJoins(server: RunningServer, room: string, keys: number, joins: number, stores: boolean): Promise<JoinFigures> {
  const writer = open(server, room, 0);
  const figures: JoinFigures = { warm: [], cold: [] };
  try {
    const map = writer.doc.getMap(MAP);
    for (let from = 0; from < keys; from += KEYS_PER_TRANSACTION) {
      writer.doc.transact(() => {
        for (let i = from; i < Math.min(keys, from + KEYS_PER_TRANSACTION); i++) map.set(`k${i}`, i);
      });
    }
    // An untimed join first: the server has every entry once some client got them all from it.
    await joinOnce(server, room, keys);
    for (let i = 0; i < joins; i++) figures.warm.push(await joinOnce(server, room, keys));
  } finally {
    writer.close();
  }
  if (!stores) return figures;
  for (let i = 0; i < joins; i++) {
    await sleep(UNLOAD_WAIT_MS);
    figures.cold.push(await joinOnce(server, room, keys));
  }
  return figures;
}
