/**
 * GET /team/<team>/entities/<key>/history — who changed one entity record, and what, newest first, as the server
 * recorded it (history.ts): `[{at, user, fields, notesAdded, claimedBy?, claimedAt?}]`. Token as `Authorization:
 * Bearer`, as for the report; every role of the team may read it, readonly included, since the socket gives them the
 * whole document. No or a bad token → 401; a team that does not exist → 404; another team's token → 403; a key that
 * is no entity key → 400. Answers CORS: the extension's background asks from its own origin, with the bearer token.
 */
import type http from 'node:http';
import * as z from 'zod';
import { EntityHistory, TeamId } from '#core';
import type { ServerEventBus } from './events.ts';
import { bearerToken, checkToken, decodedSegment } from './auth.ts';
import type { AccountStore, DocumentStore } from './persistence/store.ts';

export const HISTORY_PATH = /^\/team\/([^/]+)\/entities\/([^/]+)\/history\/?$/;

/** An entity key as core's entityKey() makes it (a USCC, or `name:<entity name>`); no control characters. */
const EntityKey = z
  .string()
  .min(1)
  .max(310)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

const HistoryQuery = z.strictObject({
  /** Newest entries answered; the store keeps HISTORY_PER_ENTITY. */
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Bearer tokens, no cookies: any origin may ask, the token decides. */
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization', 'access-control-allow-methods': 'GET' };

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS })
    .end(JSON.stringify(body));
}

/** The preflight a browser sends before a GET with `Authorization`. */
export function serveHistoryPreflight(res: http.ServerResponse): void {
  res.writeHead(204, { ...CORS, 'access-control-max-age': '600' }).end();
}

export async function serveHistory(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: {
    secret: Uint8Array;
    accounts: AccountStore;
    documents: Pick<DocumentStore, 'entityHistory'>;
    events: Pick<ServerEventBus, 'emit'>;
  },
): Promise<void> {
  const [, rawTeam = '', rawKey = ''] = HISTORY_PATH.exec(url.pathname) ?? [];
  const team = TeamId.safeParse(decodedSegment(rawTeam));
  const key = EntityKey.safeParse(decodedSegment(rawKey));
  if (!team.success) return send(res, 400, { error: 'not a team id' });
  if (!key.success) return send(res, 400, { error: `not an entity key: ${key.error.issues.map((i) => i.message).join('; ')}` });
  const address = req.socket.remoteAddress ?? 'unknown';
  const bearer = bearerToken(req);
  const access = await checkToken(bearer, team.data, address, deps.secret, deps.accounts, Date.now());
  // Whether a team exists is said only to someone holding a valid token.
  if (!access.ok && access.status === 401) return send(res, 401, { error: 'a valid token is needed (Authorization: Bearer)' });
  if (!(await deps.accounts.listTeams()).some((t) => t.id === team.data)) return send(res, 404, { error: 'no such team' });
  if (!access.ok) return send(res, 403, { error: 'this token is not for this team' });
  const query = HistoryQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success)
    return send(res, 400, { error: query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
  const rows = await deps.documents.entityHistory(team.data, key.data, query.data.limit);
  deps.events.emit('history', { team: team.data, user: access.principal.user, key: key.data, address });
  send(res, 200, EntityHistory.parse(rows.map(({ team: _team, key: _key, ...entry }) => entry)));
}
