/**
 * The servers the sync benchmark compares, behind one shape: the reference (`@y/websocket-server` 0.1.1's own
 * bin, unmodified, no persistence, no auth), ours (sync-server/run.mjs, as `npm run sync-server` runs it, with its SQLite
 * storage and tokens) and, for the late join, Hocuspocus 4.7 with its SQLite extension (hocuspocus-main.mjs).
 * Clients of the first two connect to `<serverUrl>/<room>` with a `token` parameter; the reference ignores the token.
 * Hocuspocus speaks its own protocol (the document's name in every message): its clients are its own provider.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandOutput } from '../support/sync-server.ts';
import { freePort, startServerProcess, type ServerProcess } from './sync-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REFERENCE_BIN = join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
const HOCUSPOCUS_MAIN = join(ROOT, 'test/bench/hocuspocus-main.mjs');
/** What `npm run sync-server` runs (esbuild-compiled, plain Node, as the reference runs plain Node). */
export const OUR_MAIN = join(ROOT, 'sync-server/run.mjs');

/** One running server process, ready for clients. */
export interface RunningServer extends ServerProcess {
  /** ws://127.0.0.1:<port>/team — the client appends `/<room>`. */
  serverUrl: string;
  /** Which client speaks to it: y-websocket's provider, or Hocuspocus's own. */
  protocol: 'y-websocket' | 'hocuspocus';
  /** The token a client of `room` sends; `clientIndex` spreads a room's clients over its users. */
  token(room: string, clientIndex: number): string;
}

/** A server under test: knows how to prepare rooms (accounts) and to start a fresh process. */
export interface ServerUnderTest {
  label: string;
  /** Creates whatever a room needs before clients may join it (our server: a team, users, tokens). */
  prepareRooms(rooms: readonly string[], clientsPerRoom: number): Promise<void>;
  start(): Promise<RunningServer>;
  /** Removes anything the server left on disk. */
  dispose(): void;
}

export function referenceServer(label = 'reference'): ServerUnderTest {
  return {
    label,
    prepareRooms: async () => {},
    async start() {
      const port = await freePort();
      const server = await startServerProcess({
        args: [REFERENCE_BIN],
        // No YPERSISTENCE: the reference keeps documents in memory only.
        env: { HOST: '127.0.0.1', PORT: String(port) },
        readyPort: (stdout) => (/running at .* on port (\d+)/.test(stdout) ? port : undefined),
      });
      return {
        ...server,
        serverUrl: `ws://127.0.0.1:${server.port}/team`,
        protocol: 'y-websocket',
        token: () => 'reference-ignores-tokens',
      };
    },
    dispose: () => {},
  };
}

/** Hocuspocus 4.7 + its SQLite extension, unmodified, no auth hook; its database in a temporary directory. */
export function hocuspocusServer(label = 'hocuspocus'): ServerUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-bench-hocuspocus-'));
  return {
    label,
    prepareRooms: async () => {},
    async start() {
      const port = await freePort();
      const server = await startServerProcess({
        args: [HOCUSPOCUS_MAIN],
        env: { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir },
        readyPort: (stdout) => (/hocuspocus listening on port (\d+)/.test(stdout) ? port : undefined),
      });
      return { ...server, serverUrl: `ws://127.0.0.1:${server.port}`, protocol: 'hocuspocus', token: () => 'hocuspocus-has-no-auth-hook' };
    },
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A room's clients share users: at most this many connections per user, the lowest allowed limit. */
const CONNECTIONS_PER_USER = 10;

export function ourServer(label = 'ours'): ServerUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), 'creditlens-bench-sync-'));
  /** room → one token per user of that room's team. */
  const tokens = new Map<string, string[]>();
  const cli = (args: string[]) => runOurCli(dataDir, args);

  async function prepareRoom(room: string, clientsPerRoom: number): Promise<void> {
    if (tokens.has(room)) return;
    await cli(['team', 'add', room]);
    const users = Math.max(1, Math.ceil(clientsPerRoom / CONNECTIONS_PER_USER));
    const roomTokens: string[] = [];
    for (let u = 1; u <= users; u++) {
      const user = `bench-user-${u}`;
      await cli(['user', 'add', room, user]);
      roomTokens.push((await cli(['token', room, user])).trim());
    }
    tokens.set(room, roomTokens);
  }

  return {
    label,
    async prepareRooms(rooms, clientsPerRoom) {
      for (const room of rooms) await prepareRoom(room, clientsPerRoom);
    },
    async start() {
      const server = await startServerProcess({
        args: [OUR_MAIN],
        env: { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir },
        readyPort: (stdout) => {
          const port = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
          return port === undefined ? undefined : Number(port);
        },
      });
      return {
        ...server,
        serverUrl: `ws://127.0.0.1:${server.port}/team`,
        protocol: 'y-websocket',
        token(room, clientIndex) {
          const roomTokens = tokens.get(room);
          if (!roomTokens) throw new Error(`room ${room} was not prepared`);
          return roomTokens[Math.floor(clientIndex / CONNECTIONS_PER_USER) % roomTokens.length] as string;
        },
      };
    },
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function ourServerExists(): boolean {
  return existsSync(OUR_MAIN);
}

/** One account command in this process (a process per command would cost about a second each, 69 of them). */
const runOurCli = (dataDir: string, args: string[]) => commandOutput(args, { DATA_DIR: dataDir });
