/**
 * Who may open a team's document: checked at the HTTP upgrade, before any WebSocket exists. The token comes in the
 * query parameter `token` (y-websocket's `params`); it must be signed by this server, unexpired, not revoked, and
 * its user must still be in the team. The role is the user's current one from the accounts, not the token's.
 * Missing, bad, expired or revoked → 401; a valid token of another team → 403. Reasons are for the audit trail and
 * never contain the token.
 */
import type http from 'node:http';
import { TeamId } from '#core';
import type { AccountStore } from './persistence/store.ts';
import type { Principal } from './peer.ts';
import { verifyToken } from './tokens.ts';

export type Admission =
  { ok: true; principal: Principal } | { ok: false; status: 401 | 403 | 404; reason: string; team?: string; user?: string };

/** `/team/<team>` → the team id; anything else is not a document of this server. */
export function teamOfPath(pathname: string): string | undefined {
  const match = /^\/team\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  const team = TeamId.safeParse(decodeURIComponent(match[1]!));
  return team.success ? team.data : undefined;
}

export async function admit(url: URL, address: string, secret: Uint8Array, accounts: AccountStore, nowMs: number): Promise<Admission> {
  const team = teamOfPath(url.pathname);
  if (team === undefined) return { ok: false, status: 404, reason: 'no such document path' };
  return checkToken(url.searchParams.get('token'), team, address, secret, accounts, nowMs);
}

/** The token of an HTTP request's `Authorization: Bearer <token>` header, null without one. */
export function bearerToken(req: Pick<http.IncomingMessage, 'headers'>): string | null {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** A path segment percent-decoded; undefined when it is not valid percent-encoding (`%ZZ`). */
export function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The same checks for a token given another way (the report endpoint's `Authorization: Bearer`). */
export async function checkToken(
  token: string | null,
  team: string,
  address: string,
  secret: Uint8Array,
  accounts: AccountStore,
  nowMs: number,
): Promise<Admission> {
  if (!token) return { ok: false, status: 401, reason: 'no token', team };
  const checked = await verifyToken(secret, token, Math.floor(nowMs / 1000));
  if (!checked.ok) return { ok: false, status: 401, reason: checked.reason, team };
  const { claims } = checked;
  const row = await accounts.token(claims.jti);
  if (!row || row.team !== claims.team || row.user !== claims.sub)
    return { ok: false, status: 401, reason: 'token unknown', team, user: claims.sub };
  if (row.revokedAt !== null) return { ok: false, status: 401, reason: 'token revoked', team, user: claims.sub };
  const user = await accounts.user(claims.team, claims.sub);
  if (!user) return { ok: false, status: 401, reason: 'user removed', team, user: claims.sub };
  if (claims.team !== team) return { ok: false, status: 403, reason: `token of team ${claims.team}`, team, user: claims.sub };
  return {
    ok: true,
    principal: { team, user: claims.sub, jti: claims.jti, role: user.role, expiresAt: claims.exp * 1000, address },
  };
}

/** Still allowed, as the accounts say now: the reason to close the connection, or the current role. */
export async function recheck(
  principal: Principal,
  accounts: AccountStore,
  nowMs: number,
): Promise<{ ok: true; role: Principal['role'] } | { ok: false; reason: string }> {
  if (nowMs >= principal.expiresAt) return { ok: false, reason: 'token expired' };
  // The user first: removing a user also revokes their tokens, and the reason should say what happened.
  const user = await accounts.user(principal.team, principal.user);
  if (!user) return { ok: false, reason: 'user removed' };
  const row = await accounts.token(principal.jti);
  if (!row || row.revokedAt !== null) return { ok: false, reason: 'token revoked' };
  return { ok: true, role: user.role };
}
