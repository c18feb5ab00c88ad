/**
 * A page report (读取有误？) to the team server: `POST /team/<team>/page-reports` with the user's token, from the
 * background. The HTTP address comes from the socket's as for the history (history-client.ts); with several instances
 * the next is tried when one cannot be reached, and an answer (even a refusal) ends the search. Each refusal is a
 * UserError whose message says in the UI language why the report did not go (the caller then saves it as a file).
 */
import * as z from 'zod';
import { PAGE_REPORT_MAX_BYTES, type PageReport } from '#core';
import { UserError } from '../ui/errors.ts';
import type { MessageKey } from '../ui/i18n.ts';
import { addressesOf } from './config.ts';
import { httpAddressOf } from './history-client.ts';

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
  let unreachable = 'no server address';
  for (const address of addressesOf(access.server)) {
    const url = `${httpAddressOf(address)}/team/${encodeURIComponent(access.team)}/page-reports`;
    let res: Response;
    // An AbortController, not AbortSignal.timeout (Chromium 103): the extension still runs on 92 (extension/compat.ts).
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        body,
        signal: abort.signal,
        headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
      });
    } catch (error) {
      unreachable = `${address}: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    } finally {
      clearTimeout(timer);
    }
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
  throw new UserError('page_report_unreachable', [], `server not reachable (${unreachable})`);
}
