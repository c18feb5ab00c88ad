/**
 * The account commands as real processes against a running server's DATA_DIR: what they print where (the token
 * alone on stdout, the secret never), their refusals and exit codes, that each returns in about a second, the
 * online backup, and the server's settings check at start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamTokenClaims, addTeamNote, ensureTeamEntity } from '#core';
import { runCli, startSyncServer, synced, teamClient, type RunningSyncServer, type TeamClient } from '../support/sync-server.ts';

let server: RunningSyncServer;
const clients: TeamClient[] = [];

beforeAll(async () => {
  server = await startSyncServer();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

const claimsOf = (token: string) => TeamTokenClaims.parse(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')));

describe('sync server: account commands', () => {
  it('adds teams and users, issues a token alone on stdout, lists and revokes, each in about a second', async () => {
    const timed = async (args: string[]) => {
      const start = Date.now();
      const result = await server.cli(args);
      return { ...result, ms: Date.now() - start };
    };
    const steps = [
      await timed(['team', 'add', 'east']),
      await timed(['user', 'add', 'east', 'li', '--role', 'admin']),
      await timed(['user', 'add', 'east', 'wang']),
    ];
    for (const step of steps) expect(step).toMatchObject({ code: 0, stdout: '' });
    const issued = await timed(['token', 'east', 'li', '--ttl', '7d']);
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const claims = claimsOf(issued.stdout.trim());
    expect(claims).toMatchObject({ sub: 'li', team: 'east', role: 'admin' });
    expect(claims.exp - claims.iat).toBe(7 * 86_400);
    expect(issued.stderr).toContain(claims.jti);

    expect((await server.cli(['team', 'list'])).stdout).toMatch(/^east\t\d{4}-/);
    expect(
      (await server.cli(['user', 'list', 'east'])).stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t').slice(0, 2)),
    ).toEqual([
      ['li', 'admin'],
      ['wang', 'member'],
    ]);
    expect((await server.cli(['user', 'role', 'east', 'wang', 'readonly'])).code).toBe(0);
    expect((await server.cli(['user', 'list', 'east'])).stdout).toMatch(/wang\treadonly/);
    const list = await timed(['token', 'list', 'east', 'li']);
    expect(list.stdout.split('\n')[1]).toMatch(new RegExp(`^${claims.jti}\\tli\\t\\S+\\t\\S+\\t-$`));
    expect((await server.cli(['token', 'revoke', claims.jti])).code).toBe(0);
    expect((await server.cli(['token', 'list', 'east'])).stdout.split('\n')[1]).toMatch(/\t\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    // About a second each on an idle machine (the process start dominates); the margin is for a 2-core machine
    // running the other test files at the same time.
    for (const step of [...steps, issued, list]) expect(step.ms).toBeLessThan(10_000);
  }, 120_000);

  it('never prints the signing secret, and keeps it readable only by its owner', async () => {
    const secretFile = path.join(server.dataDir, 'token-secret');
    const secret = fs.readFileSync(secretFile, 'utf8').trim();
    expect(fs.statSync(secretFile).mode & 0o077).toBe(0);
    const outputs = await Promise.all(
      [
        ['team', 'list'],
        ['user', 'list', 'east'],
        ['token', 'east', 'li'],
        ['token', 'list', 'east'],
      ].map((a) => server.cli(a)),
    );
    for (const output of outputs) expect(output.stdout + output.stderr).not.toContain(secret);
    expect(server.stderr()).not.toContain(secret);
    expect(fs.readFileSync(path.join(server.dataDir, 'audit.jsonl'), 'utf8')).not.toContain(secret);
  });

  it('refuses bad input with the reason: exit 2 for usage, 1 for what the accounts refuse', async () => {
    const cases: [string[], number, RegExp][] = [
      [['team', 'add', 'East Team'], 2, /team "East Team": a team id is/],
      [['team', 'add', 'east'], 1, /team east exists already/],
      [['user', 'add', 'nowhere', 'li'], 1, /no team nowhere/],
      [['user', 'add', 'east', 'zhao', '--role', 'boss'], 2, /role "boss"/],
      [['user', 'remove', 'east', 'nobody'], 1, /no user nobody in team east/],
      [['token', 'east', 'nobody'], 1, /no user nobody in team east/],
      [['token', 'east', 'li', '--ttl', 'forever'], 2, /--ttl "forever"/],
      [['token', 'revoke', '00000000-0000-0000-0000-000000000000'], 1, /no token/],
      [['frobnicate'], 2, /no command|unknown/],
      [['team', 'list', '--port', 'many'], 2, /PORT="many": must be a number/],
      [['team', 'list', '--store', 'postgres'], 2, /DATABASE_URL=\(not shown\): is needed when STORE=postgres/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, { DATA_DIR: server.dataDir });
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code, stdout: '' });
      expect(result.stderr).toMatch(message);
    }
  }, 120_000);

  it('backs up online while the server writes, to a file that opens with the documents in it', async () => {
    await server.cli(['user', 'add', 'east', 'zhao']);
    const token = (await server.cli(['token', 'east', 'zhao'])).stdout.trim();
    const writer = teamClient(server, 'east', token);
    clients.push(writer);
    await synced(writer);
    ensureTeamEntity(writer.doc, { name: '备份测试公司', uscc: '91330100MA0000004D' }, { by: 'zhao', at: '2026-11-30T01:00:00.000Z' });
    let n = 0;
    const stream = setInterval(
      () => addTeamNote(writer.doc, '91330100MA0000004D', { id: `b${n++}`, text: 'x' }, { by: 'zhao', at: '2026-11-30T01:00:00.000Z' }),
      2,
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-backup-')), 'backup.sqlite');
    const backup = await server.cli(['backup', file]);
    clearInterval(stream);
    expect(backup.code).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc = 'east'").get() as { n: number }).n).toBeGreaterThan(0);
      expect((db.prepare("SELECT count(*) AS n FROM users WHERE team = 'east'").get() as { n: number }).n).toBe(3);
    } finally {
      db.close();
    }
  });

  it('refuses to start with bad settings, naming each', async () => {
    const bad = await runCli(['--port', '70000', '--max-message-bytes', 'lots'], { DATA_DIR: server.dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PORT="70000": must be at most 65535/);
    expect(bad.stderr).toMatch(/MAX_MESSAGE_BYTES="lots": must be a number/);
    const unknown = await runCli(['--prot', '1'], { DATA_DIR: server.dataDir });
    expect(unknown.stderr).toMatch(/unknown argument --prot/);
  });
});
