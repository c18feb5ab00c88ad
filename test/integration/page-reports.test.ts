/**
 * The page-report endpoint (读取有误？) on a real server, with SQLite and with a real PostgreSQL: a member's report is
 * stored under the token's user with the server's time, counted in /metrics, in the audit trail and the operational
 * log; every refusal (no token, readonly, another team, too large — declared or streamed —, too many, not a report)
 * answers its status and reason; the admin commands list, summarise and export, and `creditlens parse` reads an
 * exported page as the reader read it; no token is stored anywhere.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_REPORT_FORMAT, ParseResult, type PageReport } from '#core';
import { startPostgres, type PostgresServer } from '../support/services.ts';
import { startSyncServer, until, type RunningSyncServer } from '../support/sync-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'core/sites/fixtures/gsxt-gov-cn/listed-2026.html');
const PER_HOUR = 3;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A POST through node:http, so a body can be streamed without a length and a refusal mid-upload still read. */
function post(base: string, team: string, body: string | Buffer, options: { token?: string; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    const req = http.request(
      `${base}/team/${team}/page-reports`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.chunked ? {} : { 'content-length': String(data.length) }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    // The server may close the connection before the whole body is sent (413): the answer still comes.
    req.on('error', (error) => (req.destroyed && (error as NodeJS.ErrnoException).code !== 'ECONNREFUSED' ? undefined : reject(error)));
    if (options.chunked) {
      for (let i = 0; i < data.length; i += 64 * 1024) req.write(data.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(data);
  });
}

/** The fixture's reading by the built CLI: what the extension's reader says of this page. */
function cliParse(file: string): ParseResult {
  try {
    return ParseResult.parse(
      JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'cli/creditlens.mjs'), 'parse', file], { encoding: 'utf8' })),
    );
  } catch (error) {
    // Exit 3: not understood; the result is on stdout all the same.
    return ParseResult.parse(JSON.parse(String((error as { stdout?: string }).stdout)));
  }
}

const fixtureHtml = fs.readFileSync(FIXTURE, 'utf8');
const fixtureReading = cliParse(FIXTURE);
const understood = (comment?: string): PageReport => ({
  format: PAGE_REPORT_FORMAT,
  url: 'https://www.gsxt.gov.cn/%7BF6260C16E84E514120F47032FEAE9618A3CB98E8-1776061462891%7D',
  observedAt: '2026-12-01T02:00:00.000Z',
  html: fixtureHtml,
  reader: fixtureReading.reader!,
  extensionVersion: '0.1.0',
  result: { ok: true },
  ...(comment === undefined ? {} : { comment }),
});
const notUnderstood: PageReport = {
  // A comment a spreadsheet would take for a formula: listed with a leading apostrophe, exported as it is.
  ...understood('=1+1 表格读不出来'),
  html: '<!-- saved from url=(0024)https://www.gsxt.gov.cn/ -->\n<!DOCTYPE html><html><body><p>改版后的页面</p></body></html>\n',
  reader: { site: 'gsxt-gov-cn', version: '2.0.0', layout: 'unknown' },
  rulesVersion: 7,
  result: { ok: false, reason: 'structure-changed' },
};

const stores = { sqlite: false, postgres: true } as const;

for (const [store, usesPostgres] of Object.entries(stores)) {
  describe(`page reports (${store})`, () => {
    let postgres: PostgresServer | undefined;
    let server: RunningSyncServer;
    let tokens: Record<string, string>;
    const base = () => server.httpUrl;

    beforeAll(async () => {
      if (usesPostgres) postgres = await startPostgres();
      server = await startSyncServer({
        env: { PAGE_REPORTS_PER_HOUR: String(PER_HOUR), ...(postgres ? { STORE: 'postgres', DATABASE_URL: postgres.url } : {}) },
      });
      tokens = {
        ...(await server.team('east', { admin: 'admin', member: 'member', ro: 'readonly', busy: 'member' })),
        ...(await server.team('west', { other: 'member', burst: 'member' })),
      };
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
      await postgres?.stop();
    });

    it("stores a member's and an admin's report under the token's user, with the server's time; 201 with the id", async () => {
      const before = Date.now();
      const first = await post(base(), 'east', JSON.stringify(understood('第二页的处罚没读到')), { token: tokens.member });
      expect(first.status).toBe(201);
      const { id } = JSON.parse(first.body) as { id: number };
      expect(id).toBeGreaterThan(0);
      const second = await post(base(), 'east', JSON.stringify(notUnderstood), { token: tokens.admin });
      expect(second.status).toBe(201);
      expect(JSON.parse(second.body)).toEqual({ id: id + 1 });

      const listed = await server.cli(['page-reports', 'list', '--team', 'east']);
      expect(listed.code).toBe(0);
      const [header, ...rows] = listed.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      expect(header).toEqual(['id', 'received', 'team', 'user', 'site', 'layout', 'reader', 'understood', 'url', 'comment']);
      expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[9]])).toEqual([
        [
          String(id),
          'east',
          'member',
          'gsxt-gov-cn',
          fixtureReading.reader!.layout,
          fixtureReading.reader!.version,
          'yes',
          '第二页的处罚没读到',
        ],
        [String(id + 1), 'east', 'admin', 'gsxt-gov-cn', 'unknown', '2.0.0', 'no (structure-changed)', "'=1+1 表格读不出来"],
      ]);
      // The server's clock, not the report's observedAt.
      expect(Date.parse(rows[0]![1]!)).toBeGreaterThanOrEqual(before - 1000);
      expect((await server.cli(['page-reports', 'list', '--team', 'west'])).stdout.trim().split('\n')).toHaveLength(1);
    });

    it('counts reports per site and layout in /metrics, and records who reported in the audit trail and the log', async () => {
      const metrics = await (await fetch(`${base()}/metrics`)).text();
      expect(metrics).toContain('# TYPE creditlens_page_reports_total counter');
      expect(metrics).toContain(`creditlens_page_reports_total{site="gsxt-gov-cn",layout="${fixtureReading.reader!.layout}"} 1`);
      expect(metrics).toContain('creditlens_page_reports_total{site="gsxt-gov-cn",layout="unknown"} 1');
      const audit = async (): Promise<Record<string, unknown>[]> => {
        if (postgres) {
          const client = new pg.Client({ connectionString: postgres.url });
          await client.connect();
          try {
            return (await client.query("SELECT event FROM audit WHERE event->>'event' = 'page-report' ORDER BY id")).rows.map(
              (r: { event: Record<string, unknown> }) => r.event,
            );
          } finally {
            await client.end();
          }
        }
        return fs
          .readFileSync(path.join(server.dataDir, 'audit.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .filter((line) => line.event === 'page-report');
      };
      await until(async () => (await audit()).length >= 2, 'both reports in the audit trail');
      expect((await audit()).map((e) => [e.team, e.user, e.site, e.layout, e.ok])).toEqual([
        ['east', 'member', 'gsxt-gov-cn', fixtureReading.reader!.layout, true],
        ['east', 'admin', 'gsxt-gov-cn', 'unknown', false],
      ]);
      const logged = server
        .stderr()
        .split('\n')
        .filter((line) => line.includes('"event":"page-report"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.map((e) => [e.level, e.user, e.size])).toEqual([
        ['info', 'member', Buffer.byteLength(fixtureHtml)],
        ['info', 'admin', Buffer.byteLength(notUnderstood.html)],
      ]);
    });

    it("refuses without a token (401), for readonly (403), with another team's token (403), and stores nothing", async () => {
      const body = JSON.stringify(understood());
      expect((await post(base(), 'east', body)).status).toBe(401);
      expect((await post(base(), 'east', body, { token: 'not.a.token' })).status).toBe(401);
      const readonly = await post(base(), 'east', body, { token: tokens.ro });
      expect(readonly.status).toBe(403);
      expect(JSON.parse(readonly.body)).toEqual({ error: 'page reports are for admins and members' });
      expect((await post(base(), 'east', body, { token: tokens.other })).status).toBe(403);
      expect((await post(base(), 'west', body, { token: tokens.member })).status).toBe(403);
      expect((await server.cli(['page-reports', 'list'])).stdout.trim().split('\n')).toHaveLength(3);
    });

    it('refuses a body over 5 MB (413), declared or streamed, and anything that is not a report (400 with the reason)', async () => {
      const big = JSON.stringify({ ...understood(), html: 'x'.repeat(5 * 1024 * 1024) });
      const declared = await post(base(), 'east', big, { token: tokens.member });
      expect(declared.status).toBe(413);
      expect(declared.headers.connection).toBe('close');
      const streamed = await post(base(), 'east', big, { token: tokens.member, chunked: true });
      expect(streamed.status).toBe(413);
      const notJson = await post(base(), 'east', '{"url": ', { token: tokens.member });
      expect(notJson.status).toBe(400);
      expect(JSON.parse(notJson.body)).toEqual({ error: 'the body is not JSON' });
      const badComment = await post(base(), 'east', JSON.stringify({ ...understood(), comment: '长'.repeat(2001) }), {
        token: tokens.member,
      });
      expect(badComment.status).toBe(400);
      expect(JSON.parse(badComment.body).error).toMatch(/comment/);
      const noReader = await post(base(), 'east', JSON.stringify({ ...understood(), reader: undefined }), { token: tokens.member });
      expect(noReader.status).toBe(400);
      expect(JSON.parse(noReader.body).error).toMatch(/reader/);
      const token = await post(base(), 'east', JSON.stringify({ ...understood(), token: tokens.member }), { token: tokens.member });
      expect(token.status).toBe(400);
      const longLayout = await post(
        base(),
        'east',
        JSON.stringify({ ...understood(), reader: { ...fixtureReading.reader!, layout: 'x'.repeat(61) } }),
        { token: tokens.member },
      );
      expect(longLayout.status).toBe(400);
      expect(JSON.parse(longLayout.body).error).toMatch(/reader\.layout is at most 60/);
      // Just under the limit is taken.
      const fits = JSON.stringify({
        ...understood(),
        html: `${fixtureHtml}${' '.repeat(5 * 1024 * 1024 - 2_000 - Buffer.byteLength(JSON.stringify(understood())))}`,
      });
      expect(Buffer.byteLength(fits)).toBeLessThan(5 * 1024 * 1024);
      expect((await post(base(), 'east', fits, { token: tokens.member })).status).toBe(201);
    });

    it(`takes ${PER_HOUR} reports an hour from one user, then 429 with Retry-After; other users go on`, async () => {
      for (let i = 0; i < PER_HOUR; i++)
        expect((await post(base(), 'east', JSON.stringify(understood(`${i}`)), { token: tokens.busy })).status).toBe(201);
      const refused = await post(base(), 'east', JSON.stringify(understood('one too many')), { token: tokens.busy });
      expect(refused.status).toBe(429);
      const retry = Number(refused.headers['retry-after']);
      expect(retry).toBeGreaterThan(3000);
      expect(retry).toBeLessThanOrEqual(3600);
      expect((await post(base(), 'east', JSON.stringify(understood()), { token: tokens.admin })).status).toBe(201);
    });

    it(`takes ${PER_HOUR} of many reports sent at once by one user, not all that passed a count made before any was stored`, async () => {
      const answers = await Promise.all(
        Array.from({ length: PER_HOUR * 3 }, (_, i) =>
          post(base(), 'west', JSON.stringify(understood(`burst ${i}`)), { token: tokens.burst }),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(PER_HOUR);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(PER_HOUR * 2);
      const listed = (await server.cli(['page-reports', 'list', '--team', 'west'])).stdout
        .split('\n')
        .filter((line) => line.split('\t')[3] === 'burst');
      expect(listed).toHaveLength(PER_HOUR);
    });

    it('lists a summary per site, layout and reader version, and exports pages that creditlens parse reads as the reader did', async () => {
      const summary = await server.cli(['page-reports', 'list', '--summary', '--team', 'east']);
      expect(summary.code).toBe(0);
      const lines = summary.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'));
      expect(lines[0]).toEqual(['site', 'layout', 'reader', 'not_understood', 'understood', 'total']);
      expect(lines.slice(1)).toEqual([
        ['gsxt-gov-cn', fixtureReading.reader!.layout, fixtureReading.reader!.version, '0', '6', '6'],
        ['gsxt-gov-cn', 'unknown', '2.0.0', '1', '0', '1'],
      ]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-page-reports-'));
      try {
        const exported = await server.cli(['page-reports', 'export', dir, '--team', 'east', '--since', '2020-01-01']);
        expect(exported.code).toBe(0);
        expect(exported.stderr).toMatch(/7 page report\(s\) written/);
        const first = path.join(dir, '1.html');
        expect(fs.readFileSync(first, 'utf8')).toBe(fixtureHtml);
        const reread = cliParse(first);
        expect(reread.reader?.layout).toBe(fixtureReading.reader!.layout);
        expect(reread.ok).toBe(true);
        const facts = JSON.parse(fs.readFileSync(path.join(dir, '2.json'), 'utf8')) as Record<string, unknown>;
        expect(facts).toMatchObject({
          format: 'creditlens-page-report-export',
          id: 2,
          team: 'east',
          user: 'admin',
          layout: 'unknown',
          ok: false,
          reason: 'structure-changed',
          rulesVersion: 7,
          comment: '=1+1 表格读不出来',
          htmlFile: '2.html',
          reader: notUnderstood.reader,
        });
        expect(facts).not.toHaveProperty('html');
        const later = await server.cli(['page-reports', 'export', path.join(dir, 'none'), '--since', '2999-01-01']);
        expect(later.stderr).toMatch(/^0 page report/);
        expect((await server.cli(['page-reports', 'export', dir, '--since', 'yesterday'])).code).toBe(2);
        expect((await server.cli(['page-reports', 'list', '--summary=yes'])).code).toBe(2);
        // The page-reports options are its own: another command given one is refused as before.
        expect((await server.cli(['user', 'list', 'east', '--team', 'west'])).code).toBe(2);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('stores no token: neither the bearer token nor its signature is anywhere in the store', async () => {
      const secrets = Object.values(tokens).flatMap((token) => [token, token.split('.')[2]!]);
      let stored: string;
      if (postgres) {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        try {
          const rows = await client.query("SELECT to_jsonb(r) - 'html' AS row FROM page_reports r UNION ALL SELECT event FROM audit");
          stored = JSON.stringify(rows.rows);
        } finally {
          await client.end();
        }
      } else {
        stored = fs
          .readdirSync(server.dataDir)
          .filter((f) => fs.statSync(path.join(server.dataDir, f)).isFile())
          .map((f) => fs.readFileSync(path.join(server.dataDir, f)).toString('latin1'))
          .join('\n');
      }
      expect(stored).toContain('gsxt-gov-cn');
      for (const secret of secrets) expect(stored).not.toContain(secret);
    });
  });
}
