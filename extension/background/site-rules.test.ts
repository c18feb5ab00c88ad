/**
 * The background's copy of the team's site rules against the real sync server (a child process): fetched and kept,
 * asked again with its ETag (304 keeps it), replaced by a newer publication; a server that answers a file that is not
 * valid, or does not answer, keeps the last good copy and says why; no team, nothing fetched. The reader-health
 * counters: per day, site and layout, a week summed per site, old days dropped.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSyncServer, type RunningSyncServer } from '../../test/support/sync-server.ts';
import { countRead, lastWeek, readerHealthItem } from '../storage/reader-health.ts';
import { readStoredSiteRules, siteRulesFor } from '../storage/site-rules-items.ts';
import { SiteRulesSync } from './site-rules.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-ext-rules-'));
let server: RunningSyncServer;
let token: string;
let bad: http.Server;
let badUrl: string;

function publish(version: number, layouts: unknown): Promise<{ code: number }> {
  const file = path.join(dir, `v${version}.json`);
  fs.writeFileSync(file, JSON.stringify({ format: 'creditlens-site-rules', version, sites: { 'gsxt-gov-cn': { layouts } } }));
  return server.cli(['site-rules', 'publish', file]);
}

beforeAll(async () => {
  server = await startSyncServer();
  token = (await server.team('east', { alice: 'member' })).alice!;
  // A server that answers a rules file that is not valid.
  bad = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"format":"creditlens-site-rules","version":-1,"sites":{}}'),
  );
  await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', resolve));
  badUrl = `ws://127.0.0.1:${(bad.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => bad?.close(resolve));
});
beforeEach(() => fakeBrowser.reset());

const sync = (access: { server: string; token: string } | null) =>
  new SiteRulesSync({ access: async () => access, now: () => new Date().toISOString(), log: () => {} });

describe('site rules in the background', () => {
  it('no team configured: nothing fetched, the reason kept', async () => {
    const state = await sync(null).check();
    expect(state.active).toBeNull();
    expect(state.check?.error).toBe('未配置团队服务器，无法获取站点规则');
  });

  it('none published, then published: kept with version, server and time; 304 keeps it; a newer one replaces it', async () => {
    const rules = sync({ server: server.url, token });
    expect((await rules.check()).check?.error).toBe('团队服务器尚未发布站点规则');
    expect((await publish(1, { '*': { columnAliases: { 处罚文书编号: '决定书文号' } } })).code).toBe(0);
    const first = await rules.check();
    expect(first.active).toMatchObject({ version: 1, server: server.url });
    expect(first.check?.error).toBeNull();
    const etag = (await readStoredSiteRules())?.etag;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await rules.check();
    expect(again.active?.fetchedAt).toBe(first.active?.fetchedAt);
    expect((await publish(2, { 'web-2026': { disabled: { message: '暂停' } } })).code).toBe(0);
    expect((await rules.check()).active?.version).toBe(2);
    expect(await siteRulesFor('gsxt-gov-cn')).toMatchObject({
      version: 2,
      site: { layouts: { 'web-2026': { disabled: { message: '暂停' } } } },
    });
    expect(await siteRulesFor('creditchina-gov-cn')).toBeUndefined();
  });

  it('a file that is not valid, or no answer, keeps the last good copy and says why', async () => {
    await sync({ server: server.url, token }).check();
    const kept = (await readStoredSiteRules())?.rules.version;
    expect(kept).toBeGreaterThan(0);
    const invalid = await sync({ server: badUrl, token }).check();
    expect(invalid.active?.version).toBe(kept);
    expect(invalid.check?.error).toBe('团队服务器上的站点规则文件无效');
    const gone = await sync({ server: 'ws://127.0.0.1:9', token }).check();
    expect(gone.active?.version).toBe(kept);
    expect(gone.check?.error).toBe('无法连接团队服务器');
  });

  it('a bad token: the refusal, the copy kept', async () => {
    await sync({ server: server.url, token }).check();
    const refused = await sync({ server: server.url, token: 'a.b.c' }).check();
    expect(refused.check?.error).toBe('团队服务器拒绝了请求（HTTP 401）');
    expect(refused.active).not.toBeNull();
  });
});

describe('reader-health counters', () => {
  it('counts per day, site and layout; the week sums per site; days past the kept ones are dropped', async () => {
    await countRead({ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'understood' }, '2026-11-01');
    await countRead({ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'partial' }, '2026-11-24');
    await Promise.all([
      countRead({ site: 'gsxt-gov-cn', layout: 'web-2017', outcome: 'understood' }, '2026-11-30'),
      countRead({ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'understood' }, '2026-11-30'),
      countRead({ site: 'creditchina-gov-cn', layout: 'detail-2024', outcome: 'notUnderstood' }, '2026-11-30'),
    ]);
    expect(await lastWeek('2026-11-30')).toEqual([
      { site: 'creditchina-gov-cn', counts: { understood: 0, partial: 0, notUnderstood: 1 } },
      { site: 'gsxt-gov-cn', counts: { understood: 2, partial: 1, notUnderstood: 0 } },
    ]);
    expect(Object.keys((await readerHealthItem.getValue()) as object).sort()).toEqual(['2026-11-24', '2026-11-30']);
  });

  it('counters that do not parse start again', async () => {
    await readerHealthItem.setValue({ nonsense: 1 });
    await countRead({ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'partial' }, '2026-11-30');
    expect(await lastWeek('2026-11-30')).toEqual([{ site: 'gsxt-gov-cn', counts: { understood: 0, partial: 1, notUnderstood: 0 } }]);
  });
});
