/**
 * The team's site rules from its server (`GET /site-rules.json`), asked by the background with the user's token and
 * the ETag of the copy it has (If-None-Match): unchanged (304), a new file checked by core's SiteRules, none published
 * (404), or why not, from the first instance that answers (team-http.ts).
 */
import { SiteRules, problemLines, problemsOf } from '#core';
import { askInstances } from './team-http.ts';
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
  const headers: Record<string, string> = { authorization: `Bearer ${access.token}` };
  if (etag) headers['if-none-match'] = etag;
  // no-store: the ETag is ours to send, and a 304 must reach this code, not be hidden by the HTTP cache.
  const asked = await askInstances(access.server, '/site-rules.json', { headers, cache: 'no-store' }, TIMEOUT_MS, fetchImpl);
  if (asked.res === null)
    throw new UserError('site_rules_error_unreachable', [asked.unreachable], `server not reachable (${asked.unreachable})`);
  const { res, server } = asked;
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
