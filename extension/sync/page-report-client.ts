/**
 * A page report (读取有误？) to the team server: `POST /team/<team>/page-reports` with the user's token, from the
 * background (team-http.ts: the first instance that answers). Each refusal is a
 * UserError whose message says in the UI language why the report did not go (the caller then saves it as a file).
 */
import * as z from 'zod';
import { PAGE_REPORT_MAX_BYTES, type PageReport } from '#core';
import { UserError } from '../ui/errors.ts';
import type { MessageKey } from '../ui/i18n.ts';
import { askInstances } from './team-http.ts';

const Created = z.object({ id: z.number().int().positive() });

/** Past this the server is taken as unreachable (a 5 MB upload on a slow office line included). */
const TIMEOUT_MS = 60_000;

/** The server's refusals, by status, in the user's words. */
const REFUSED: Record<number, MessageKey> = {
  401: 'page_report_http_401',
  403: 'page_report_http_403',
  413: 'page_report_too_large',
  429: 'page_report_http_429',
};

export async function postPageReport(
  access: { server: string; token: string; team: string },
  report: PageReport,
  fetchImpl: typeof fetch = fetch,
): Promise<{ id: number }> {
  const body = JSON.stringify(report);
  // Refused before it leaves: the server would read no further than its limit anyway.
  if (new TextEncoder().encode(body).length > PAGE_REPORT_MAX_BYTES) throw new UserError('page_report_too_large', [], 'report over 5 MB');
  const init = { method: 'POST', body, headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' } };
  const asked = await askInstances(access.server, `/team/${encodeURIComponent(access.team)}/page-reports`, init, TIMEOUT_MS, fetchImpl);
  if (asked.res === null) throw new UserError('page_report_unreachable', [], `server not reachable (${asked.unreachable})`);
  const { res } = asked;
  const answer: unknown = await res.json().catch(() => null);
  if (res.status === 201) {
    const created = Created.safeParse(answer);
    if (created.success) return created.data;
    throw new UserError('page_report_http', [String(res.status)], 'malformed answer to a page report');
  }
  const retry = Math.max(1, Math.ceil(Number(res.headers.get('retry-after') ?? '3600') / 60));
  const key = REFUSED[res.status] ?? 'page_report_http';
  throw new UserError(key, key === 'page_report_http_429' ? [String(retry)] : [String(res.status)], `HTTP ${res.status}`);
}
