/**
 * The simulated credit sites over real HTTP (node:http with a Host header: Node's fetch does not let a caller set
 * Host), the saved-page fixtures against a fresh build, and the page scripts run in happy-dom against the server so
 * that what a browser renders is what the fixtures hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { Browser, Window, type BrowserWindow } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecord, validateRegNo, validateUscc } from '#core';
import { FIXTURES_DIR, savedPage } from './build-fixtures.ts';
import {
  BENCH_PENALTY_COUNT,
  CREDITCHINA_API_HOST,
  CREDITCHINA_HOST,
  ENTITIES,
  GSXT_HOST,
  PAGES,
  PROVINCIAL_HOST,
  XSS_MARKER,
  XSS_PAYLOADS,
  pageByName,
  pageUrl,
  type SimPage,
} from './entities.ts';
import { expectedFor, normaliseText } from './expected.ts';
import { cnDate, cnDateUnpadded } from './render/html.ts';
import { endpointVar, sectionEndpoints } from './routes.ts';
import { startSimSite, type SimSite } from './server.ts';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let site: SimSite;

beforeAll(async () => {
  site = await startSimSite({ port: 0 });
});

afterAll(async () => {
  await site.close();
});

function call(host: string, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: site.port,
        path,
        method: init.method ?? 'GET',
        headers: { ...init.headers, Host: host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

function post(path: string, form: Record<string, string>, host = GSXT_HOST): Promise<Reply> {
  return call(host, path, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With': 'XMLHttpRequest' },
  });
}

interface TablePage {
  draw: number;
  recordsTotal: number;
  totalPage: number;
  data: Array<Record<string, unknown>>;
}

function parseJson<T>(reply: Reply): T {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(reply.body) as T;
}

describe('pages', () => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s answers 200 for its host', async (_name, page) => {
    const reply = await call(page.host, page.path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body.startsWith('<!-- layout: ')).toBe(true);
  });

  it('serves www.gsxt.gov.cn for an unknown host, and not a provincial page there', async () => {
    const repeat = pageByName('repeat-2017');
    expect((await call(`127.0.0.1:${site.port}`, repeat.path)).status).toBe(200);
    expect((await call(GSXT_HOST, pageByName('listed-zj-provincial').path)).status).toBe(404);
    expect((await call(PROVINCIAL_HOST, repeat.path)).status).toBe(404);
  });

  it('answers the search form by POST and by GET', async () => {
    const byPost = await call(GSXT_HOST, '/corp-query-search-1.html', {
      method: 'POST',
      body: 'searchword=%E6%83%A0%E6%B0%91&tab=ent_tab',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(byPost.status).toBe(200);
    expect(byPost.body).toContain(ENTITIES.individual.record.entity.name);
    expect(byPost.body).not.toContain(ENTITIES.repeat.record.entity.name);
    expect((await call(GSXT_HOST, '/corp-query-search-1.html')).body).toContain(ENTITIES.repeat.record.entity.name);
  });

  it('lists every demo URL at /__sim/ and serves the truth', async () => {
    const index = await call('localhost', '/__sim/');
    expect(index.status).toBe(200);
    for (const page of PAGES) expect(index.body).toContain(`http://${page.host}${page.path}`.replace(/&/g, '&amp;'));
    const truth = parseJson<Record<string, unknown>>(await call(GSXT_HOST, '/__sim/truth.json'));
    expect(Object.keys(truth).sort()).toEqual(Object.keys(ENTITIES).sort());
  });
});

describe('section endpoints', () => {
  const repeat = pageByName('repeat-2017');
  const punish = endpointVar(repeat, 'punishmentDetailInfoUrl').path;

  it('paginates 23 penalties as 5/5/5/5/3', async () => {
    const sizes: number[] = [];
    for (let page = 0; page < 5; page++) {
      const reply = parseJson<TablePage>(await post(punish, { draw: String(page + 1), start: String(page * 5), length: '5' }));
      expect(reply).toMatchObject({ draw: page + 1, recordsTotal: 23, totalPage: 5 });
      sizes.push(reply.data.length);
      const saved = JSON.parse(
        readFileSync(join(FIXTURES_DIR, 'gsxt-gov-cn', 'json', `repeat-punishment-p${page + 1}.json`), 'utf8'),
      ) as TablePage;
      expect(reply).toEqual(saved);
    }
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
  });

  it('ignores a firewall token in the query and unknown form fields', async () => {
    const plain = await post(punish, { draw: '1', start: '5', length: '5' });
    const tokened = await post(`${punish}?8kWd3Ph5=0qXjQkGalq9fXm.Rq_token`, {
      draw: '1',
      start: '5',
      length: '5',
      _: '1700000000000',
      columns: 'x',
    });
    expect(tokened.status).toBe(200);
    expect(tokened.body).toBe(plain.body);
    expect(parseJson<TablePage>(tokened).data[0]?.penDecNo).toBe(ENTITIES.repeat.record.penalties[5]?.decisionNo);
  });

  it('refuses GET', async () => {
    expect((await call(GSXT_HOST, punish)).status).toBe(405);
  });

  it('answers the declared but unrelated variables with empty lists, and picks the 个体户 list by entity type', async () => {
    const individual = pageByName('individual-2018');
    const ind = parseJson<TablePage>(await post(endpointVar(individual, 'indBusExcepUrl').path, { draw: '1', start: '0', length: '5' }));
    const ent = parseJson<TablePage>(await post(endpointVar(individual, 'entBusExcepUrl').path, { draw: '1', start: '0', length: '5' }));
    expect(ind.recordsTotal).toBe(2);
    expect(ent).toEqual({ draw: 1, recordsTotal: 0, totalPage: 0, data: [] });
    expect(sectionEndpoints(repeat).length).toBeGreaterThan(20);
  });

  it('answers an HTML captcha page where JSON was expected', async () => {
    const captchaPage = pageByName('captcha-2018');
    const replies = [
      await post(endpointVar(captchaPage, 'punishmentDetailInfoUrl').path, { draw: '1', start: '0', length: '5' }),
      await post(`${punish}?__sim=captcha`, { draw: '1', start: '0', length: '5' }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.body).toContain('安全验证');
      expect(() => JSON.parse(reply.body) as unknown).toThrow();
    }
  });

  it('answers NGIDERRORCODE for a blocked entity or on request', async () => {
    const blocked = pageByName('blocked-2018');
    for (const path of [endpointVar(blocked, 'entBusExcepUrl').path, `${punish}?__sim=ngid`]) {
      const reply = parseJson<Record<string, unknown>>(await post(path, { draw: '1', start: '0', length: '5' }));
      expect(reply).toHaveProperty('NGIDERRORCODE');
      expect(reply).not.toHaveProperty('data');
    }
  });
});

describe('Credit China', () => {
  const entity = ENTITIES.creditchina;
  const code = entity.record.entity.uscc ?? '';
  const query = (type: string): string =>
    `/private-api/typeSourceSearch?source=&type=${encodeURIComponent(type)}&searchState=1&entityType=1&scenes=defaultscenario&keyword=${encodeURIComponent(entity.record.entity.name)}&tyshxydm=${code}&page=1&pageSize=10&pubSort=desc&_t=123`;
  interface ListReply {
    status: number;
    data: {
      total: number;
      list: Array<{ table_name: string; columnList: string[]; sencesMap: Record<string, string>; entity: Record<string, string> }>;
    };
  }

  it('serves the entity page on www.creditchina.gov.cn', async () => {
    const page = pageByName('entity-detail');
    expect(page.host).toBe(CREDITCHINA_HOST);
    expect((await call(CREDITCHINA_HOST, page.path)).status).toBe(200);
  });

  it('answers the entity details with CORS for the page host', async () => {
    const reply = await call(
      CREDITCHINA_API_HOST,
      `/private-api/getTyshxydmDetailsContent?keyword=x&scenes=defaultscenario&entityType=1&searchState=1&uuid=${entity.creditChina?.uuid ?? ''}&tyshxydm=${code}`,
      {
        headers: { Origin: 'http://www.creditchina.gov.cn' },
      },
    );
    expect(reply.headers['access-control-allow-origin']).toBe('http://www.creditchina.gov.cn');
    const body = parseJson<{ status: number; data: { headEntity: Record<string, string> } }>(reply);
    expect(body.status).toBe(1);
    expect(body.data.headEntity).toMatchObject({ jgmc: entity.record.entity.name, tyshxydm: code });
  });

  it('mixes licences and penalties under 行政管理, told apart by table_name', async () => {
    const body = parseJson<ListReply>(await call(CREDITCHINA_API_HOST, query('行政管理')));
    expect(body.status).toBe(1);
    expect(body.data.total).toBe(5);
    const kinds = body.data.list.map((row) => (row.table_name.includes('xzcf') ? 'cf' : row.table_name.includes('xzxk') ? 'xk' : '?'));
    expect(kinds).toEqual(['cf', 'xk', 'cf', 'xk', 'cf']);
    const penalty = body.data.list[0];
    expect(penalty?.columnList.every((key) => penalty.sencesMap[key] !== undefined)).toBe(true);
    expect(penalty?.entity.cf_wsh).toBe(entity.record.penalties[0]?.decisionNo);
  });

  it('answers one 经营异常 row, no 严重失信 rows, and 40001 when a captcha is due', async () => {
    expect(parseJson<ListReply>(await call(CREDITCHINA_API_HOST, query('经营异常'))).data.list).toHaveLength(1);
    expect(parseJson<ListReply>(await call(CREDITCHINA_API_HOST, query('严重失信主体名单'))).data.list).toHaveLength(0);
    expect(parseJson<{ status: number }>(await call(CREDITCHINA_API_HOST, `${query('经营异常')}&__sim=captcha`)).status).toBe(40001);
  });
});

/** The text a browser shows for a raw HTML value: tags dropped, the escapes a careful site writes decoded. */
function shownText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('truth data', () => {
  it('has valid check characters in every code', () => {
    for (const entity of Object.values(ENTITIES)) {
      const { uscc, regNo } = entity.record.entity;
      expect(uscc && validateUscc(uscc), `${entity.key} ${uscc ?? ''}`).toEqual({ valid: true, kind: 'uscc', reason: null });
      if (regNo) expect(validateRegNo(regNo).valid, `${entity.key} ${regNo}`).toBe(true);
    }
    expect(ENTITIES.individual.record.entity.uscc?.startsWith('92')).toBe(true);
    for (const extra of Object.values(ENTITIES.creditchina.creditChina?.penaltyExtras ?? {})) {
      expect(validateUscc(extra.authorityCode).valid, extra.authorityCode).toBe(true);
    }
  });

  it('is a valid record for every entity, with normalised texts and raw values that normalise to them', () => {
    for (const entity of Object.values(ENTITIES)) {
      expect(parseRecord(entity.record).ok, entity.key).toBe(true);
      const texts = [
        ...entity.record.penalties.flatMap((p) => [p.decisionNo, p.authority, p.content ?? '', p.violationText ?? '']),
        ...entity.record.abnormalListings.flatMap((a) => [a.reasonText ?? '', a.authority ?? '', a.removalReasonText ?? '']),
        ...entity.record.seriousListings.flatMap((s) => [s.reasonText ?? '', s.authority ?? '']),
      ];
      for (const text of texts) expect(normaliseText(text)).toBe(text);
      const all = [...entity.record.penalties, ...entity.record.abnormalListings, ...entity.record.seriousListings] as Array<
        Record<string, unknown>
      >;
      for (const [id, overrides] of Object.entries(entity.raw ?? {})) {
        const item = all.find((x) => x.id === id);
        for (const [field, raw] of Object.entries(overrides)) {
          expect(normaliseText(shownText(raw)), `${entity.key} ${id} ${field}`).toBe(item?.[field]);
        }
      }
    }
  });

  it('has the repeat offender with 23 penalties, 21 within 3 years before 2026-11-30, all published by then', () => {
    const penalties = ENTITIES.repeat.record.penalties;
    expect(penalties).toHaveLength(23);
    expect(penalties.filter((p) => p.decisionDate > '2023-11-30' && p.decisionDate <= '2026-11-30')).toHaveLength(21);
    expect(penalties.every((p) => (p.publicityDate ?? '') <= '2026-11-30')).toBe(true);
    expect(ENTITIES.listed.record.penalties.some((p) => /停产停业|吊销/.test(p.content ?? ''))).toBe(true);
  });

  it('has script payloads in the xss entity name and in every kind of penalty cell', () => {
    const { entity, penalties } = ENTITIES.xss.record;
    expect(entity.name).toContain(XSS_PAYLOADS.img);
    for (const field of ['decisionNo', 'violationText', 'content', 'authority'] as const) {
      expect(
        penalties.some((p) => Object.values(XSS_PAYLOADS).some((payload) => (p[field] ?? '').includes(payload))),
        field,
      ).toBe(true);
    }
    expect(penalties.length).toBeGreaterThanOrEqual(2);
  });

  it('has the bench entity with 200 penalties, newest first, all within the 5 years before 2026-11-30', () => {
    const dates = ENTITIES.bench.record.penalties.map((p) => p.decisionDate);
    expect(dates).toHaveLength(BENCH_PENALTY_COUNT);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(dates.every((d) => d > '2021-11-30' && d < '2026-11-30')).toBe(true);
    expect(dates.some((d) => d < '2022-06-01')).toBe(true);
    expect(new Set(ENTITIES.bench.record.penalties.map((p) => p.decisionNo)).size).toBe(BENCH_PENALTY_COUNT);
  });
});

describe('test-only pages', () => {
  it('escape the xss payloads in the served name and in the section JSON', async () => {
    const page = pageByName('xss-2017');
    const html = (await call(page.host, page.path)).body;
    for (const payload of Object.values(XSS_PAYLOADS)) expect(html).not.toContain(payload);
    expect(html).toContain('示例市&lt;img src=x onerror=&quot;');
    const reply = await post(endpointVar(page, 'punishmentDetailInfoUrl').path, { draw: '1', start: '0', length: '5' });
    expect(reply.body).not.toMatch(/<(img|script|svg)/);
    expect(parseJson<TablePage>(reply).data[0]?.penDecNo).toBe(
      ENTITIES.xss.record.penalties[0]?.decisionNo.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
  });

  it("answer the bench page's 200 rows in one request of its own page length", async () => {
    const page = pageByName('bench-200');
    const reply = parseJson<TablePage>(
      await post(endpointVar(page, 'punishmentDetailInfoUrl').path, { draw: '1', start: '0', length: '200' }),
    );
    expect(reply).toMatchObject({ recordsTotal: 200, totalPage: 1 });
    expect(reply.data).toHaveLength(200);
    // Other pages keep the cap of 100 rows a request.
    const repeat = parseJson<TablePage>(
      await post(endpointVar(pageByName('repeat-2017'), 'punishmentDetailInfoUrl').path, { draw: '1', start: '0', length: '200' }),
    );
    expect(repeat.totalPage).toBe(5);
  });

  it('stay out of the search results', async () => {
    const body = (await call(GSXT_HOST, '/corp-query-search-1.html')).body;
    expect(body).not.toContain(ENTITIES.bench.record.entity.name);
    expect(body).not.toContain('安信测评商行');
  });
});

/** The visible text of a saved page: scripts, styles and comments out, white space folded. */
function visibleText(html: string): string {
  const window = new Window();
  window.document.write(html);
  for (const el of window.document.querySelectorAll('script, style')) el.remove();
  const text = normaliseText(window.document.body.textContent);
  void window.happyDOM.close();
  return text;
}

describe('fixtures', () => {
  const fixturePages = PAGES.filter((p) => p.fixture);

  it('are all on disk, each with its expected result', () => {
    for (const site of ['gsxt-gov-cn', 'creditchina-gov-cn']) {
      const files = readdirSync(join(FIXTURES_DIR, site));
      for (const page of fixturePages.filter((p) => p.site === site)) {
        expect(files).toContain(`${page.name}.html`);
        expect(files).toContain(`${page.name}.expected.json`);
      }
    }
  });

  it.each(fixturePages.map((p) => [p.name, p] as const))(
    '%s is up to date, starts with the saved-from line and the layout comment',
    (_name, page) => {
      const html = readFileSync(join(FIXTURES_DIR, page.site, `${page.name}.html`), 'utf8');
      expect(html, 'run: npx tsx test/sim-site/build-fixtures.ts').toBe(savedPage(page));
      const [first, second] = html.split('\n');
      const url = pageUrl(page);
      expect(first).toBe(`<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`);
      expect(second).toMatch(/^<!-- layout: .+; invented data -->$/);
      const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, page.site, `${page.name}.expected.json`), 'utf8')) as unknown;
      expect(expected).toEqual(expectedFor(page));
    },
  );

  it.each(fixturePages.filter((p) => p.layout !== 'gsxt-search').map((p) => [p.name, p] as const))(
    '%s shows every expected value and only the rendered rows',
    (_name, page) => {
      const result = expectedFor(page);
      if (!result.ok) throw new Error('expected a record');
      expect(parseRecord(result.record).ok).toBe(true);
      const text = visibleText(readFileSync(join(FIXTURES_DIR, page.site, `${page.name}.html`), 'utf8'));
      const { entity, penalties, abnormalListings, seriousListings } = result.record;
      const shown = (value: string): boolean =>
        /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? [value, cnDate(value), cnDateUnpadded(value)].some((form) => text.includes(form))
          : text.includes(value);
      const values = [entity, ...penalties, ...abnormalListings, ...seriousListings]
        // `kind` (个体工商户, a mark) is read from what the page shows, not a text it shows.
        .flatMap((item) =>
          Object.entries(item)
            .filter(([key]) => key !== 'id' && key !== 'kind')
            .map(([key, value]) => `${key}=${String(value)}`),
        );
      for (const pair of values) expect(shown(pair.slice(pair.indexOf('=') + 1)), `${page.name}: ${pair}`).toBe(true);
      // Rows beyond the first page are not on the page.
      const truth = page.entityKey ? ENTITIES[page.entityKey].record : null;
      for (const p of truth?.penalties.slice(penalties.length) ?? []) expect(text.includes(p.decisionNo), p.decisionNo).toBe(false);
    },
  );

  it('hold the repeat offender page with 5 of 23 rows and its own count', () => {
    const text = visibleText(readFileSync(join(FIXTURES_DIR, 'gsxt-gov-cn', 'repeat-2017.html'), 'utf8'));
    expect(text).toContain('共 23 条');
    expect(text).toContain('共5页');
    const expected = expectedFor(pageByName('repeat-2017'));
    expect(expected.ok && expected.completeness.penalties).toEqual({ read: 5, total: 23, from: 'dom' });
  });

  it('expect unsupported-page for the search results', () => {
    expect(expectedFor(pageByName('search'))).toEqual({ ok: false, reason: 'unsupported-page' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The pages' own scripts, run in happy-dom against the server, render what the saved fixtures hold.

/**
 * A happy-dom browser whose requests go to the simulated site under their real host names. happy-dom does not make a
 * classic script's top-level `var` visible to later scripts (browsers do), so the declared section URLs are put on
 * the window before the page's scripts run.
 */
async function openInHappyDom(page: SimPage): Promise<{ window: BrowserWindow; settle(): Promise<void>; close(): Promise<void> }> {
  const browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: {
        interceptor: {
          async beforeAsyncRequest({ request: req, window }) {
            const url = new URL(req.url);
            const headers: Record<string, string> = {};
            req.headers.forEach((value, key) => {
              headers[key] = value;
            });
            const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.text();
            const reply = await call(url.host, `${url.pathname}${url.search}`, { method: req.method, body, headers });
            const responseHeaders: Record<string, string> = {};
            for (const [key, value] of Object.entries(reply.headers)) if (typeof value === 'string') responseHeaders[key] = value;
            return new window.Response(reply.body, { status: reply.status, headers: responseHeaders });
          },
        },
      },
    },
  });
  const tab = browser.newPage();
  await tab.goto(`http://${page.host}${page.path}`, {
    beforeContentCallback: (window) => {
      for (const e of sectionEndpoints(page)) Reflect.set(window, e.varName, e.path);
    },
  });
  await tab.waitUntilComplete();
  return { window: tab.mainFrame.window, settle: () => tab.waitUntilComplete(), close: () => browser.close() };
}

function savedDocument(page: SimPage): Window {
  const window = new Window({ url: pageUrl(page) });
  window.document.write(readFileSync(join(FIXTURES_DIR, page.site, `${page.name}.html`), 'utf8'));
  return window;
}

function inner(doc: { querySelector(selector: string): { innerHTML: string } | null }, selector: string): string {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el.innerHTML;
}

describe('page scripts render what the fixtures hold', () => {
  it.each(['repeat-2017', 'individual-2018'])('%s: every section table and pager', async (name) => {
    const page = pageByName(name);
    const live = await openInHappyDom(page);
    const saved = savedDocument(page);
    try {
      const ids = [...saved.document.querySelectorAll('.page-box[data-table]')].map((el) => el.getAttribute('data-table') ?? '');
      expect(ids.length).toBeGreaterThan(15);
      for (const id of ids) {
        const body = saved.document.querySelector(`#${id}_box`) ? `#${id}_box` : `#${id} tbody`;
        expect(inner(live.window.document, body), `${name} ${body}`).toBe(inner(saved.document, body));
        expect(inner(live.window.document, `#${id}_pager`), `${name} ${id} pager`).toBe(inner(saved.document, `#${id}_pager`));
      }
    } finally {
      await live.close();
      await saved.happyDOM.close();
    }
  });

  it('xss-2017: the payloads are literal text and none runs', async () => {
    const live = await openInHappyDom(pageByName('xss-2017'));
    try {
      const doc = live.window.document;
      expect(Reflect.get(live.window, XSS_MARKER)).toBeUndefined();
      const table = doc.querySelector('#needPaging_punish tbody');
      expect(table?.querySelectorAll('tr')).toHaveLength(ENTITIES.xss.record.penalties.length);
      expect(table?.querySelectorAll('img, script, svg')).toHaveLength(0);
      const text = table?.textContent ?? '';
      for (const p of ENTITIES.xss.record.penalties)
        for (const value of [p.decisionNo, p.violationText ?? '', p.content ?? '', p.authority]) expect(text).toContain(value);
      expect(doc.querySelector('.fullName')?.textContent).toContain(ENTITIES.xss.record.entity.name);
      expect(doc.body.querySelectorAll('img, svg')).toHaveLength(0);
    } finally {
      await live.close();
    }
  });

  it('bench-200: all 200 rows on load, 共 200 条, no page links', async () => {
    const live = await openInHappyDom(pageByName('bench-200'));
    try {
      const doc = live.window.document;
      expect(doc.querySelectorAll('#needPaging_punish tbody tr')).toHaveLength(200);
      expect(normaliseText(doc.querySelector('#needPaging_punish_pager')?.textContent ?? '')).toBe('共 200 条共1页');
      expect(doc.querySelector('#needPaging_punish tbody tr:last-child td')?.textContent).toBe('200');
    } finally {
      await live.close();
    }
  });

  it('repeat-2017: the pager loads rows 6–10', async () => {
    const live = await openInHappyDom(pageByName('repeat-2017'));
    try {
      const doc = live.window.document;
      const next = doc.querySelector('#needPaging_punish_pager a[data-page="2"]');
      next?.dispatchEvent(new live.window.MouseEvent('click', { bubbles: true }));
      await live.settle();
      const firstCells = [...doc.querySelectorAll('#needPaging_punish tbody tr')].map((tr) => tr.querySelector('td')?.textContent);
      expect(firstCells).toEqual(['6', '7', '8', '9', '10']);
      expect(doc.querySelector('#needPaging_punish tbody')?.textContent).toContain(ENTITIES.repeat.record.penalties[5]?.decisionNo);
    } finally {
      await live.close();
    }
  });

  it.each(['clean-2026', 'listed-2026'])('%s: the sections opened from the menu', async (name) => {
    const page = pageByName(name);
    const live = await openInHappyDom(page);
    const saved = savedDocument(page);
    try {
      const doc = live.window.document;
      expect(doc.querySelector('#xzcf .block-body')?.textContent).toContain('正在加载，请稍候');
      for (const anchor of ['xzcf', 'jyyc', 'yzwf']) {
        doc.querySelector(`#resultMenu [data-target="#${anchor}"]`)?.dispatchEvent(new live.window.MouseEvent('click', { bubbles: true }));
      }
      await live.settle();
      for (const anchor of ['xzcf', 'jyyc', 'yzwf']) {
        expect(inner(doc, `#${anchor} .block-body`), `${name} #${anchor}`).toBe(inner(saved.document, `#${anchor} .block-body`));
      }
      expect(inner(doc, '#resultMenu')).toBe(inner(saved.document, '#resultMenu'));
    } finally {
      await live.close();
      await saved.happyDOM.close();
    }
  });

  it('entity-detail: the Credit China groups built from the API', async () => {
    const page = pageByName('entity-detail');
    const live = await openInHappyDom(page);
    const saved = savedDocument(page);
    try {
      for (const selector of ['#detailHead', '#basicCard', '#category0', '#category1', '#category2', '#category3', '#category4']) {
        expect(inner(live.window.document, selector), selector).toBe(inner(saved.document, selector));
      }
    } finally {
      await live.close();
      await saved.happyDOM.close();
    }
  });
});
