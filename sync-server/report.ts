/**
 * GET /team/<team>/report?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv|xlsx[&unit=填报单位] — the special action's
 * 工作情况表 for the team, computed by core's workReport() from the team document as the server holds it (the same
 * function the ledger page uses). Token as `Authorization: Bearer`; admins and members only (a readonly user gets
 * 403); 401/403 as for the socket; a missing or malformed period → 400 with the reason.
 */
import type http from 'node:http';
import * as z from 'zod';
import { IsoDateString, reportCsv, reportXlsx, workReport, type TeamRead } from '#core';
import type { ServerEventBus } from './events.ts';
import { bearerToken, checkToken } from './auth.ts';
import type { AccountStore } from './persistence/store.ts';

const ReportQuery = z
  .strictObject({
    from: IsoDateString,
    to: IsoDateString,
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    /** 填报单位 in the CSV and XLSX headings; the team id when absent. */
    unit: z.string().trim().min(1).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from is after to', path: ['from'] });

export const REPORT_PATH = /^\/team\/([^/]+)\/report\/?$/;

function send(res: http.ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra }).end(body);
}

const problem = (res: http.ServerResponse, status: number, error: string) =>
  send(res, status, JSON.stringify({ error }), 'application/json; charset=utf-8');

export async function serveReport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: { secret: Uint8Array; accounts: AccountStore; events: Pick<ServerEventBus, 'emit'>; entitiesOf(team: string): Promise<TeamRead[]> },
): Promise<void> {
  const team = decodeURIComponent(REPORT_PATH.exec(url.pathname)?.[1] ?? '');
  const address = req.socket.remoteAddress ?? 'unknown';
  const bearer = bearerToken(req);
  const access = await checkToken(bearer, team, address, deps.secret, deps.accounts, Date.now());
  if (!access.ok)
    return problem(
      res,
      access.status,
      access.status === 401 ? 'a valid token is needed (Authorization: Bearer)' : 'this token is not for this team',
    );
  if (access.principal.role === 'readonly') return problem(res, 403, 'the report is for admins and members');
  const query = ReportQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    return problem(res, 400, query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; '));
  }
  const { from, to, format } = query.data;
  const report = workReport(await deps.entitiesOf(team), { from, to });
  deps.events.emit('report', { team, user: access.principal.user, from, to, format, address });
  const heading = { unit: query.data.unit ?? team };
  const file = `creditlens-report-${team}-${from}-${to}`;
  if (format === 'json') return send(res, 200, JSON.stringify(report), 'application/json; charset=utf-8');
  if (format === 'csv')
    return send(res, 200, reportCsv(report, heading), 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="${file}.csv"`,
    });
  return send(res, 200, reportXlsx(report, heading), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
    'content-disposition': `attachment; filename="${file}.xlsx"`,
  });
}
