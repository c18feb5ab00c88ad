/**
 * GET /site-rules.json — the active site rules (site-rules.ts), for the extension's background. The rules are no
 * secret, but a team server is private: any valid token of any team of this server may read them (Authorization:
 * Bearer); no or a bad token → 401. Read from the store on every request — one indexed row — so a publication from
 * the command line, or through another instance on the same PostgreSQL, is served at once, no restart and no cache
 * to go stale. A strong ETag (the hash of the stored file) answers If-None-Match with 304; Cache-Control: no-cache
 * makes every use ask again. None published → 404 with the reason as JSON. CORS as the other routes: the extension
 * asks from its own origin.
 */
import type http from 'node:http';
import { bearerToken, checkToken } from './auth.ts';
import type { AccountStore } from './persistence/store.ts';
import type { SiteRulesStore } from './persistence/site-rules-store.ts';
import { etagOf } from './site-rules.ts';
import { verifyToken } from './tokens.ts';

export const SITE_RULES_PATH = '/site-rules.json';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, if-none-match',
  'access-control-allow-methods': 'GET',
  'access-control-expose-headers': 'etag',
};

function problem(res: http.ServerResponse, status: number, error: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS })
    .end(JSON.stringify({ error }));
}

export function serveSiteRulesPreflight(res: http.ServerResponse): void {
  res.writeHead(204, { ...CORS, 'access-control-max-age': '600' }).end();
}

/** If-None-Match holds this ETag (a list, or `*`). */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim() === etag);
}

export async function serveSiteRules(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  deps: { secret: Uint8Array; accounts: AccountStore; rules: Pick<SiteRulesStore, 'activeSiteRules'> },
): Promise<void> {
  const bearer = bearerToken(req);
  const now = Date.now();
  const claims = bearer ? await verifyToken(deps.secret, bearer, Math.floor(now / 1000)) : null;
  // Any team's token: the full check (known, not revoked, user still there) against the token's own team.
  const access = claims?.ok
    ? await checkToken(bearer, claims.claims.team, req.socket.remoteAddress ?? 'unknown', deps.secret, deps.accounts, now)
    : null;
  if (!access?.ok) return problem(res, 401, 'a valid token of a team of this server is needed (Authorization: Bearer)');
  const active = await deps.rules.activeSiteRules();
  if (!active) return problem(res, 404, 'no site rules have been published on this server (sync-server site-rules publish <file>)');
  const etag = etagOf(active.body);
  const headers = { etag, 'cache-control': 'no-cache', ...CORS };
  if (notModified(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(active.body);
}
