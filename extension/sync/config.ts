/**
 * What the options page asks for to join a team — the sync server's address and the user's token — read through
 * zod, and the token's claims decoded for display and for the role. The extension cannot check the token's signature
 * (the secret stays on the server) and need not: the server refuses a forged token before the connection opens.
 * Pure: the clock is a parameter.
 */
import * as z from 'zod';
import { formatPath, TeamTokenClaims } from '#core';
import { t } from '../ui/i18n.ts';
import { issueLines } from '../ui/issues.ts';

/**
 * ws:// or wss:// with a host, an optional path prefix (a reverse proxy may serve the server under one) and no query,
 * fragment or credentials; kept without the trailing slash, since `/team/<team>` is appended to it.
 */
export const TeamServerAddress = z
  .string()
  .trim()
  .max(500)
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'team_address_not_url' });
      return z.NEVER;
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') ctx.addIssue({ code: 'custom', message: 'team_address_scheme' });
    else if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
      ctx.addIssue({ code: 'custom', message: 'team_address_extras' });
    else return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    return z.NEVER;
  });

/**
 * One address, or several instances of the same service separated by spaces or commas (a province running the
 * server on several machines): kept as one string, the addresses joined by single spaces. The connection goes on
 * with the next address whenever one closes.
 */
export const TeamServerAddresses = z
  .string()
  .trim()
  .min(1, 'team_address_missing')
  .max(2_000)
  .transform((text, ctx) => {
    const addresses: string[] = [];
    const parts = text.split(/[\s,，]+/).filter(Boolean);
    for (const part of parts) {
      const one = TeamServerAddress.safeParse(part);
      if (one.success) addresses.push(one.data);
      // With several, say which one is wrong: the address becomes the issue's path (configProblems shows it).
      else
        for (const issue of one.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, ...(parts.length > 1 ? { path: [part] } : {}) });
    }
    return addresses.length > 0 ? [...new Set(addresses)].join(' ') : z.NEVER;
  });

/** The addresses of a stored `server` value. */
export const addressesOf = (server: string): string[] => server.split(' ').filter(Boolean);

/** A JWT as the server prints it: three base64url parts. */
export const TeamToken = z
  .string()
  .trim()
  .max(4_000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'team_token_not_jwt');

/** The server and the token, as stored (browser.storage.local) and as the options page sends them. */
export const TeamServerConfig = z.strictObject({ server: TeamServerAddresses, token: TeamToken });
export type TeamServerConfig = z.infer<typeof TeamServerConfig>;

/** TeamServerConfig's issues in the UI language, each named by its field (服务器地址, 令牌) and, with several, the address. */
export function configProblems(error: z.ZodError): string[] {
  return issueLines(error.issues, (path) => {
    const [field, address] = path;
    const name = field === 'server' ? t('options_team_server') : field === 'token' ? t('options_team_token') : null;
    return name !== null && typeof address === 'string' ? `${name} ${address}` : name;
  });
}

export type TokenRead = { ok: true; claims: TeamTokenClaims; expired: boolean } | { ok: false; problems: string[] };

function base64UrlText(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The token's claims, unverified, and whether it has expired at `nowMs`. */
export function readToken(token: string, nowMs: number): TokenRead {
  const shape = TeamToken.safeParse(token);
  // The token is one string: its problem needs no path.
  if (!shape.success) return { ok: false, problems: issueLines(shape.error.issues) };
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlText(shape.data.split('.')[1] ?? ''));
  } catch {
    return { ok: false, problems: [t('team_token_unreadable')] };
  }
  const claims = TeamTokenClaims.safeParse(payload);
  if (!claims.success) return { ok: false, problems: issueLines(claims.error.issues, (path) => t('team_token_claim', formatPath(path))) };
  return { ok: true, claims: claims.data, expired: claims.data.exp * 1000 <= nowMs };
}

/** Plain ws:// to anything but this computer sends the token and the team's data unencrypted. */
export function isUnencryptedRemote(server: string): boolean {
  return addressesOf(server).some((address) => {
    const url = new URL(address);
    return url.protocol === 'ws:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  });
}

/**
 * The name of the local copy (IndexedDB) of a team's document: one per server and team, so switching either never
 * sends one team's data to another server or room.
 */
export function localDocName(server: string, team: string): string {
  return `creditlens-team ${server} ${team}`;
}
