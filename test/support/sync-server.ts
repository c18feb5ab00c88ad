/**
 * The real sync server as a child process on a free loopback port, with its own temporary DATA_DIR, for tests and
 * benchmarks; and real y-websocket clients to talk to it. Each helper cleans up after itself (stop/kill/destroy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { runCommand } from '../../sync-server/commands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** What `npm run sync-server` runs: the server compiled by esbuild, in a plain Node process. */
const MAIN = path.join(ROOT, 'sync-server/run.mjs');

export type CliResult = { code: number; stdout: string; stderr: string };

export type RunningSyncServer = {
  /** ws://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT */
  httpUrl: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** An account command against this server's DATA_DIR. */
  cli(args: string[]): Promise<CliResult>;
  /** A team with one user per entry, and a token for each: the tokens by user (the commands run in this process). */
  team(team: string, users: Record<string, 'admin' | 'member' | 'readonly'>): Promise<Record<string, string>>;
  /** SIGTERM, then wait for the exit (its code). */
  stop(): Promise<number | null>;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
  /** Starts the server again on the same DATA_DIR and port. */
  restart(): Promise<void>;
};

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * An account command run in this process — the same function `sync-server/main.ts` calls — for setting up accounts
 * quickly (no process start per command; the command-line tests run the real process).
 */
export async function commandHere(args: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(args, { ...process.env, ...env }, { out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { code, stdout, stderr };
}

/** commandHere's standard output, trimmed; throws with the command's stderr when it failed. */
export async function commandOutput(args: string[], env: Record<string, string>): Promise<string> {
  const result = await commandHere(args, env);
  if (result.code !== 0) throw new Error(`sync-server ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout.trim();
}

export async function startSyncServer(options: { env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningSyncServer> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-sync-'));
  let port = 0;
  let child!: ChildProcess;
  let stderr = '';
  const env = { ...options.env, DATA_DIR: dataDir, HOST: '127.0.0.1' };

  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`sync server did not start in 20 s:\n${stderr}`)), 20_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sync server exited with ${code}:\n${stderr}`));
      });
    });
  };
  await launch();

  const cli = (args: string[]) => runCli(args, { ...options.env, DATA_DIR: dataDir });
  const command = (args: string[]) => commandHere(args, { ...options.env, DATA_DIR: dataDir });
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get httpUrl() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child.pid ?? -1;
    },
    dataDir,
    stderr: () => stderr,
    cli,
    async team(team, users) {
      const tokens: Record<string, string> = {};
      const added = await command(['team', 'add', team]);
      if (added.code !== 0 && !added.stderr.includes('exists already')) throw new Error(added.stderr);
      for (const [user, role] of Object.entries(users)) {
        const made = await command(['user', 'add', team, user, '--role', role]);
        if (made.code !== 0) throw new Error(made.stderr);
        const token = await command(['token', team, user]);
        if (token.code !== 0) throw new Error(token.stderr);
        tokens[user] = token.stdout.trim();
      }
      return tokens;
    },
    async stop() {
      child.kill('SIGTERM');
      return waitForExit(child);
    },
    async kill() {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    async restart() {
      await launch();
    },
  };
}

/**
 * A client that knows several instances: when its connection closes it goes on with the next address (the
 * provider reads `serverUrl` at each reconnection).
 */
export function failoverClient(urls: string[], team: string, token: string): TeamClient & { current(): string } {
  const client = teamClient({ url: urls[0]! }, team, token);
  let at = 0;
  client.provider.on('connection-close', () => {
    at = (at + 1) % urls.length;
    client.provider.serverUrl = `${urls[at]}/team`;
  });
  return { ...client, current: () => urls[at]! };
}

/** A y-websocket client as the extension runs it (Node's `ws` in place of the browser's WebSocket). */
export type TeamClient = { doc: Y.Doc; provider: WebsocketProvider; destroy(): void };

export function teamClient(
  server: { url: string },
  team: string,
  token: string,
  options: { connect?: boolean; doc?: Y.Doc } = {},
): TeamClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${server.url}/team`, team, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: { token },
    // Tests restart servers: come back quickly.
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The client has finished its first sync with the server. */
export function synced(client: TeamClient, ms = 10_000): Promise<void> {
  return until(() => client.provider.synced, 'the first sync', ms);
}
