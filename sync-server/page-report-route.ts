/**
 * POST /team/<team>/page-reports — a page report (读取有误？, core's PageReport) from the extension: the page as a saved
 * page, the reader's diagnostics, the overlay's verdict and a comment, stored with the token's user, the team and the
 * server's time. Token as `Authorization: Bearer`; admins and members only (readonly → 403, another team's token →
 * 403, none or a bad one → 401). The body is read up to PAGE_REPORT_MAX_BYTES and no further (413 beyond, declared or
 * not); each user may send PAGE_REPORTS_PER_HOUR to a team per hour, counted in the store so every instance agrees
 * (429 with Retry-After); a body that is not a report → 400 with the reason. 201 `{ id }`. CORS as for the history.
 */
import type http from 'node:http';
import * as z from 'zod/mini';
import { PageReport, TeamId, problemLines, problemsOf } from '#core';
import type { Config } from './config.ts';
import type { ServerEventBus } from './events.ts';
import { bearerToken, checkToken, decodedSegment } from './auth.ts';
import type { AccountStore } from './persistence/store.ts';
import type { PageReportStore } from './persistence/page-reports.ts';

export const PAGE_REPORTS_PATH = /^\/team\/([^/]+)\/page-reports\/?$/;

const HOUR_MS = 3_600_000;

/** The reader's names become metric labels and listing columns: as short as the readers' own (site-rules' layout keys are ≤ 60). */
const Report = PageReport.check(
  z.refine((r) => r.reader.layout.length <= 60 && r.reader.version.length <= 40, {
    message: 'reader.layout is at most 60 characters and reader.version at most 40',
  }),
);

/** Bearer tokens, no cookies: any origin may send, the token decides. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'POST',
};

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS, ...extra })
    .end(JSON.stringify(body));
}

export function servePageReportsPreflight(res: http.ServerResponse): void {
  res.writeHead(204, { ...CORS, 'access-control-max-age': '600' }).end();
}

/** The body, or 'too-large' as soon as it passes `max` bytes (what is left is not read: the connection is closed). */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    // A client that goes away mid-body: nothing is kept waiting (after 'end' this changes nothing).
    req.once('close', () => reject(new Error('the request closed before its body ended')));
  });
}

export async function servePageReport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: {
    secret: Uint8Array;
    accounts: AccountStore;
    reports: PageReportStore;
    events: Pick<ServerEventBus, 'emit'>;
    limits: Pick<Config, 'PAGE_REPORT_MAX_BYTES' | 'PAGE_REPORTS_PER_HOUR'>;
    now?: () => number;
  },
): Promise<void> {
  const now = deps.now ?? Date.now;
  // A refusal before the body is read closes the connection: the rest of the body is not waited for.
  const refuse = (status: number, error: string, extra: Record<string, string> = {}) =>
    send(res, status, { error }, { connection: 'close', ...extra });
  const team = TeamId.safeParse(decodedSegment(PAGE_REPORTS_PATH.exec(url.pathname)?.[1] ?? ''));
  if (!team.success) return refuse(400, 'not a team id');
  const address = req.socket.remoteAddress ?? 'unknown';
  const bearer = bearerToken(req);
  const access = await checkToken(bearer, team.data, address, deps.secret, deps.accounts, now());
  if (!access.ok)
    return refuse(
      access.status,
      access.status === 401 ? 'a valid token is needed (Authorization: Bearer)' : 'this token is not for this team',
    );
  const { user, role } = access.principal;
  if (role === 'readonly') return refuse(403, 'page reports are for admins and members');
  const limit = { since: new Date(now() - HOUR_MS).toISOString(), max: deps.limits.PAGE_REPORTS_PER_HOUR };
  const tooMany = (oldest: string | null) => {
    const freeAt = oldest ? Date.parse(oldest) + HOUR_MS : now() + HOUR_MS;
    const seconds = Math.max(1, Math.ceil((freeAt - now()) / 1000));
    return refuse(429, `at most ${limit.max} page reports an hour`, { 'retry-after': String(seconds) });
  };
  // Refused before the body is read when the limit is already reached; counted again as the report is stored.
  const recent = await deps.reports.pageReportsSince(team.data, user, limit.since);
  if (recent.count >= limit.max) return tooMany(recent.oldest);
  const body = await readBody(req, deps.limits.PAGE_REPORT_MAX_BYTES);
  if (body === 'too-large') return refuse(413, `a page report is at most ${deps.limits.PAGE_REPORT_MAX_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return send(res, 400, { error: 'the body is not JSON' });
  }
  const parsed = z.safeParse(Report, json);
  if (!parsed.success) return send(res, 400, { error: problemLines(problemsOf(parsed.error)).join('; ').slice(0, 2000) });
  const report = parsed.data;
  const row = {
    team: team.data,
    user,
    receivedAt: new Date(now()).toISOString(),
    site: report.reader.site,
    layout: report.reader.layout,
    readerVersion: report.reader.version,
    rulesVersion: report.rulesVersion ?? null,
    url: report.url,
    observedAt: report.observedAt,
    ok: report.result.ok,
    reason: report.result.ok ? null : report.result.reason,
    comment: report.comment ?? null,
    extensionVersion: report.extensionVersion,
    size: Buffer.byteLength(report.html, 'utf8'),
    reader: report.reader,
  };
  const added = await deps.reports.addPageReport({ ...row, html: report.html }, limit);
  if ('full' in added) return tooMany(added.full.oldest);
  const { id } = added;
  deps.events.emit('page-report', {
    team: row.team,
    user,
    id,
    site: row.site,
    layout: row.layout,
    readerVersion: row.readerVersion,
    ok: row.ok,
    size: row.size,
    address,
  });
  send(res, 201, { id });
}
