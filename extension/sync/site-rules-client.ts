/**
 * The team's site rules from its server (`GET /site-rules.json`), asked by the background with the user's token and
 * the ETag of the copy it has (If-None-Match): unchanged (304), a new file checked by core's SiteRules, none published
 * (404), or why not. The HTTP address is the socket's, as for the history (history-client.ts); with several
 * instances the next is tried when one cannot be reached.
 */
import { SiteRules, problemLines, problemsOf } from '#core';
import { addressesOf } from './config.ts';
import { httpAddressOf } from './history-client.ts';
import { UserError } from '../ui/errors.ts';

export type SiteRulesReply =
  | { kind: 'unchanged'; server: string }
  | { kind: 'new'; rules: SiteRules; etag: string | null; server: string }
  | { kind: 'none'; server: string };

const TIMEOUT_MS = 10_000;

export async function fetchSiteRules(
  access: { server: string; token: string },
  etag: string | null,
  fetchImpl: typeof fetch = fetch,
): Promise<SiteRulesReply> {
  let unreachable = 'no server address';
  for (const address of addressesOf(access.server)) {
    const server = httpAddressOf(address);
    const headers: Record<string, string> = { authorization: `Bearer ${access.token}` };
    if (etag) headers['if-none-match'] = etag;
    let res: Response;
    // An AbortController, not AbortSignal.timeout (Chromium 103): the extension still runs on 92 (extension/compat.ts).
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      // no-store: the ETag is ours to send, and a 304 must reach this code, not be hidden by the HTTP cache.
      res = await fetchImpl(`${server}/site-rules.json`, { headers, cache: 'no-store', signal: abort.signal });
    } catch (error) {
      unreachable = `${address}: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    } finally {
      clearTimeout(timer);
    }
    if (res.status === 304) return { kind: 'unchanged', server };
    if (res.status === 404) return { kind: 'none', server };
    if (!res.ok) throw new UserError('site_rules_error_http', [String(res.status)], `HTTP ${res.status}`);
    const body: unknown = await res.json().catch(() => null);
    const parsed = SiteRules.safeParse(body);
    if (!parsed.success) {
      const problems = problemLines(problemsOf(parsed.error)).slice(0, 5).join('; ');
      throw new UserError('site_rules_error_invalid', [problems], `invalid site rules: ${problems}`);
    }
    return { kind: 'new', rules: parsed.data, etag: res.headers.get('etag'), server };
  }
  throw new UserError('site_rules_error_unreachable', [unreachable], `server not reachable (${unreachable})`);
}
