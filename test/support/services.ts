/**
 * Real Redis and PostgreSQL servers for the multi-instance tests, from Debian's packages (test/support/
 * ensure-packages.mjs installs them): each on a free loopback port with its own temporary data, owned by the test
 * run, stopped at the end. PostgreSQL refuses to run as root, so it runs as the `postgres` user (runuser) when the
 * tests run as root.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port: number, ms: number, what: string): Promise<void> {
  const start = Date.now();
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() - start > ms) throw new Error(`${what} did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export type RedisServer = {
  url: string;
  port: number;
  pid(): number;
  stop(): Promise<void>;
  kill(): Promise<void>;
  start(): Promise<void>;
};

/** redis-server on a free port, no persistence; `kill` then `start` is a restart on the same port. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    await waitForPort(port, 10_000, 'redis-server');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child.pid ?? -1,
    start,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

export type PostgresServer = { url: string; port: number; stop(): Promise<void> };

const asPostgres = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/** A fresh cluster (initdb, trust on loopback) on a free port; the database `creditlens` made. */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-pg-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(`${PG_BIN}/initdb`, [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [command, args] = asPostgres(`${PG_BIN}/postgres`, [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const child = spawn(command, args, { stdio: 'ignore' });
  await waitForPort(port, 20_000, 'postgres');
  const [createCommand, createArgs] = asPostgres(`${PG_BIN}/createdb`, [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    'creditlens',
  ]);
  for (let attempt = 0; ; attempt++) {
    const created = spawnSync(createCommand, createArgs, { encoding: 'utf8' });
    if (created.status === 0) break;
    if (attempt > 50) throw new Error(`createdb failed: ${created.stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/creditlens`,
    port,
    async stop() {
      const [stopCommand, stopArgs] = asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, 'stop', '-m', 'fast', '-w']);
      spawnSync(stopCommand, stopArgs);
      await exited(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
