/**
 * The complete-record path end to end, without a browser: the simulated site's real HTTP server, the entity page's
 * declared section URLs, the fetch layer sending the page's own POST form (with the site's host name), and core
 * turning the JSON into the record — 23 penalties, not 5 — plus the captcha and NGIDERRORCODE stops.
 */
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteById, siteFor, type ParseSuccess, type SiteAdapter } from '#core';
import { CreditChinaReply, creditChinaItems } from '#core/sites/creditchina-json';
import { fetchSections, type Sender } from '../extension/features/overlay/sections.ts';
import { closeAll, htmlDocument } from './support/dom.ts';
import { OBSERVED_AT, fixturePages } from './support/fixtures.ts';
import { ENTITIES, pageByName, pageUrl } from './sim-site/entities.ts';
import { startSimSite, type SimSite } from './sim-site/server.ts';

let site: SimSite;
beforeAll(async () => {
  site = await startSimSite();
});
afterAll(async () => {
  await site.close();
  await closeAll();
});

/** One HTTP exchange with the simulated site under a credit site's host name (Node's fetch drops Host). */
function exchange(host: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: site.port,
        method,
        path,
        headers: {
          Host: host,
          ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const gsxt = siteById('gsxt-gov-cn').completeRead as NonNullable<SiteAdapter['completeRead']>;
const ENTITY = { name: '示例', uscc: '91330100MA2B3C4D5N' };

const senderFor =
  (host: string): Sender =>
  (path, form) =>
    exchange(host, 'POST', path, form.toString());

async function readEntityPage(name: string) {
  const page = pageByName(name);
  const url = new URL(pageUrl(page));
  const shell = await exchange(page.host, 'GET', page.path);
  expect(shell.status).toBe(200);
  return { page, url, shell: shell.body, declared: gsxt.targets(shell.body, ENTITY) };
}

describe('gsxt: complete records from the declared section endpoints', () => {
  it('reads all 23 penalties of the repeat offender in 5 requests, the abnormal and serious sections too', async () => {
    const { page, url, declared } = await readEntityPage('repeat-2017');
    expect(declared.map((d) => d.kind)).toEqual(['penalties', 'abnormal', 'serious']);
    const read = await fetchSections(declared, gsxt, senderFor(page.host));
    expect(read.stopped).toBeNull();
    const saved = fixturePages().find((p) => p.name === 'repeat-2017');
    const dom = siteFor(url)?.parse(htmlDocument(saved?.html ?? '', url.href), url, OBSERVED_AT) as ParseSuccess;
    expect(dom.completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
    const merged = gsxt.merge(dom, read.sections);
    if (!merged.ok) throw new Error(merged.detail);
    expect(merged.completeness.penalties).toEqual({ read: 23, total: 23, from: 'json' });
    // The JSON path gives exactly the truth of the simulated site, field for field (ids are page order).
    const strip = <T extends { id: string }>(items: readonly T[]) => items.map(({ id: _id, ...rest }) => rest);
    expect(strip(merged.record.penalties)).toEqual(strip(ENTITIES.repeat.record.penalties));
    expect(merged.completeness.abnormal.from).toBe('json');
    expect(merged.completeness.serious.from).toBe('json');
    expect(read.requests).toBeLessThanOrEqual(7);
  });

  it.each([
    ['captcha-2018', 'captcha'],
    ['blocked-2018', 'blocked'],
  ])('%s: stops at the first reply, says why, asks nothing more', async (name, reason) => {
    const { page, declared } = await readEntityPage(name);
    const read = await fetchSections(declared, gsxt, senderFor(page.host));
    expect(read.stopped?.reason).toBe(reason);
    expect(read.requests).toBe(1);
  });

  it('the saved section JSON of the fixtures gives the same 23 penalties', () => {
    const dir = fileURLToPath(new URL('../core/sites/fixtures/gsxt-gov-cn/json/', import.meta.url));
    const pages = [1, 2, 3, 4, 5].map(
      (n) =>
        JSON.parse(readFileSync(`${dir}repeat-punishment-p${n}.json`, 'utf8')) as {
          recordsTotal: number;
          data: Array<Record<string, unknown>>;
        },
    );
    const saved = fixturePages().find((p) => p.name === 'repeat-2017');
    const url = saved?.url as URL;
    const dom = siteFor(url)?.parse(htmlDocument(saved?.html ?? '', url.href), url, OBSERVED_AT) as ParseSuccess;
    const merged = gsxt.merge(dom, [{ kind: 'penalties', pages }]);
    if (!merged.ok) throw new Error(merged.detail);
    expect(merged.record.penalties).toHaveLength(23);
    // The 5 rows shown on the page are the first 5 of the JSON, field for field.
    expect(merged.record.penalties.slice(0, 5)).toEqual(dom.record.penalties);
  });
});

describe('Credit China: API rows give what the rendered page gives', () => {
  it('penalties and the abnormal entry of the category replies equal the page baseline (plus the legal basis)', () => {
    const dir = fileURLToPath(new URL('../core/sites/fixtures/creditchina-gov-cn/json/', import.meta.url));
    const reply = (file: string) => CreditChinaReply.parse(JSON.parse(readFileSync(`${dir}${file}`, 'utf8')));
    const admin = creditChinaItems('行政管理', reply('creditchina-typeSourceSearch-admin-p1.json').data.list ?? []);
    const abnormal = creditChinaItems('经营异常', reply('creditchina-typeSourceSearch-abnormal-p1.json').data.list ?? []);
    const serious = creditChinaItems('严重失信主体名单', reply('creditchina-typeSourceSearch-serious-p1.json').data.list ?? []);
    const expected = fixturePages().find((p) => p.name === 'entity-detail')?.expected as ParseSuccess;
    const strip = <T extends { id: string }>(items: T[]) => items.map(({ id: _id, ...rest }) => rest);
    expect(strip(admin.penalties.map(({ legalBasis: _basis, ...rest }) => rest))).toEqual(strip(expected.record.penalties));
    expect(strip(abnormal.abnormal)).toEqual(strip(expected.record.abnormalListings));
    expect(serious.serious).toEqual([]);
  });
});
