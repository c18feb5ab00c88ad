/**
 * Site rules on the real server, SQLite and PostgreSQL: `site-rules publish` (the real command process) checks the
 * file and the version, `GET /site-rules.json` serves the active file to any team's valid token with a strong ETag
 * (If-None-Match → 304) and a new publication at once without a restart — on PostgreSQL through another instance
 * too — `rollback` restores the publication before as a new, higher version, one step further back each time, until
 * there is none; every publication and rollback is in the audit trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteRules } from '#core';
import { startPostgres, type PostgresServer } from '../support/services.ts';
import { startSyncServer, type RunningSyncServer } from '../support/sync-server.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-site-rules-'));

function rulesFile(version: number, message?: string): string {
  const file = path.join(dir, `rules-${version}-${message ? 'off' : 'alias'}.json`);
  const layouts = message ? { '*': { disabled: { message } } } : { 'web-2026': { columnAliases: { 处罚文书编号: '决定书文号' } } };
  fs.writeFileSync(file, JSON.stringify({ format: 'creditlens-site-rules', version, sites: { 'gsxt-gov-cn': { layouts } } }));
  return file;
}

async function get(
  server: RunningSyncServer,
  token: string | null,
  etag?: string,
): Promise<{ status: number; etag: string | null; body: unknown; cache: string | null }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (etag) headers['if-none-match'] = etag;
  const res = await fetch(`${server.httpUrl}/site-rules.json`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    cache: res.headers.get('cache-control'),
    body: text ? JSON.parse(text) : null,
  };
}

const versionOf = (body: unknown) => SiteRules.parse(body).version;

describe('site rules on SQLite', () => {
  let server: RunningSyncServer;
  let tokens: Record<string, string>;
  let westToken: string;

  beforeAll(async () => {
    server = await startSyncServer();
    tokens = await server.team('east', { admin: 'admin', reader: 'readonly' });
    westToken = (await server.team('west', { wanda: 'member' })).wanda!;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('none published: 404 with the reason; no token: 401', async () => {
    expect(await get(server, tokens.reader!)).toMatchObject({
      status: 404,
      body: { error: expect.stringContaining('site-rules publish') },
    });
    expect((await get(server, null)).status).toBe(401);
    expect((await get(server, 'not.a.token')).status).toBe(401);
    expect((await server.cli(['site-rules', 'show'])).code).toBe(1);
    expect((await server.cli(['site-rules', 'rollback'])).code).toBe(1);
  });

  it('a file that is not valid is refused, in Chinese and English, and nothing is written', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        format: 'creditlens-site-rules',
        version: 1,
        sites: { 'gsxt-gov-cn': { layouts: { '*': { columnAliases: { x: '' } } } } },
      }),
    );
    const r = await server.cli(['site-rules', 'publish', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未发布');
    expect(r.stderr).toContain('not published');
    expect(r.stderr).toContain('columnAliases');
    fs.writeFileSync(bad, '{');
    expect((await server.cli(['site-rules', 'publish', bad])).code).toBe(1);
    expect((await get(server, tokens.reader!)).status).toBe(404);
    expect((await server.cli(['site-rules', 'publish'])).code).toBe(2);
  });

  it("published: served to any team's token with a strong ETag, no-cache; If-None-Match → 304", async () => {
    const r = await server.cli(['site-rules', 'publish', rulesFile(1)]);
    expect(r.code, r.stderr).toBe(0);
    const first = await get(server, tokens.reader!);
    expect(first).toMatchObject({ status: 200, cache: 'no-cache' });
    expect(first.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(versionOf(first.body)).toBe(1);
    expect((await get(server, westToken)).etag).toBe(first.etag);
    const again = await get(server, tokens.admin!, first.etag!);
    expect(again.status).toBe(304);
    expect(again.etag).toBe(first.etag);
    const show = await server.cli(['site-rules', 'show']);
    expect(show.code).toBe(0);
    expect(versionOf(JSON.parse(show.stdout))).toBe(1);
  });

  it('a version not higher than the current one is refused; a higher one is served at once, without a restart', async () => {
    const same = await server.cli(['site-rules', 'publish', rulesFile(1, '停用')]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/不高于当前版本 1/);
    const before = await get(server, tokens.reader!);
    expect((await server.cli(['site-rules', 'publish', rulesFile(2, '页面改版，暂停读取')])).code).toBe(0);
    const after = await get(server, tokens.reader!, before.etag!);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      version: 2,
      sites: { 'gsxt-gov-cn': { layouts: { '*': { disabled: { message: '页面改版，暂停读取' } } } } },
    });
  });

  it('rollback restores the publication before as a new version; again goes further back; then refused', async () => {
    expect((await server.cli(['site-rules', 'publish', rulesFile(5, '第五版停用')])).code).toBe(0);
    const first = await server.cli(['site-rules', 'rollback']);
    expect(first.code, first.stderr).toBe(0);
    // Version 6 holds version 2's rules.
    expect((await get(server, tokens.reader!)).body).toMatchObject({
      version: 6,
      sites: { 'gsxt-gov-cn': { layouts: { '*': { disabled: { message: '页面改版，暂停读取' } } } } },
    });
    expect((await server.cli(['site-rules', 'rollback'])).code).toBe(0);
    expect((await get(server, tokens.reader!)).body).toMatchObject({
      version: 7,
      sites: { 'gsxt-gov-cn': { layouts: { 'web-2026': { columnAliases: { 处罚文书编号: '决定书文号' } } } } },
    });
    const last = await server.cli(['site-rules', 'rollback']);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('无法再回退');
    expect(versionOf((await get(server, tokens.reader!)).body)).toBe(7);
    // A publication after a rollback starts from the new version.
    expect((await server.cli(['site-rules', 'publish', rulesFile(7, 'x')])).code).toBe(1);
  });

  it('every publication and rollback is in the audit trail', () => {
    const events = fs
      .readFileSync(path.join(server.dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; version?: number; restoredFrom?: number });
    expect(events.filter((e) => e.event.startsWith('site-rules.')).map((e) => [e.event, e.version, e.restoredFrom])).toEqual([
      ['site-rules.publish', 1, undefined],
      ['site-rules.publish', 2, undefined],
      ['site-rules.publish', 5, undefined],
      ['site-rules.rollback', 6, 2],
      ['site-rules.rollback', 7, 1],
    ]);
  });
});

describe('site rules on PostgreSQL, two instances', () => {
  let postgres: PostgresServer;
  let instances: RunningSyncServer[];
  let token: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    const env = { STORE: 'postgres', DATABASE_URL: postgres.url };
    instances = await Promise.all([0, 1].map(() => startSyncServer({ env })));
    token = (await instances[0]!.team('east', { alice: 'member' })).alice!;
  }, 120_000);
  afterAll(async () => {
    await Promise.all((instances ?? []).map((i) => i.stop()));
    await postgres?.stop();
  });

  it("published through one instance's command, served by both; rollback likewise", async () => {
    expect((await get(instances[1]!, token)).status).toBe(404);
    expect((await instances[0]!.cli(['site-rules', 'publish', rulesFile(3)])).code).toBe(0);
    expect((await instances[1]!.cli(['site-rules', 'publish', rulesFile(4, '停用')])).code).toBe(0);
    const [a, b] = [await get(instances[0]!, token), await get(instances[1]!, token)];
    expect(a.etag).toBe(b.etag);
    expect(versionOf(b.body)).toBe(4);
    expect((await get(instances[0]!, token, b.etag!)).status).toBe(304);
    expect((await instances[1]!.cli(['site-rules', 'publish', rulesFile(4)])).code).toBe(1);
    expect((await instances[0]!.cli(['site-rules', 'rollback'])).code).toBe(0);
    expect((await get(instances[1]!, token)).body).toMatchObject({
      version: 5,
      sites: { 'gsxt-gov-cn': { layouts: { 'web-2026': { columnAliases: { 处罚文书编号: '决定书文号' } } } } },
    });
    expect((await instances[1]!.cli(['site-rules', 'rollback'])).code).toBe(1);
  });
});
