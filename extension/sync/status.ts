/** The team connection as the extension's pages see it (options page, notes frame, popup): one schema, in messages. */
import * as z from 'zod';
import { TeamTokenClaims } from '#core';

/**
 * not-configured: no server or token; connecting: trying (a browser cannot tell a refused token from an unreachable
 * server — both are a failed connection); connected: in sync with the server; offline: the connection was lost or
 * refused, retrying by itself; token-expired: the token's time is up, no connection is tried until a new one is set.
 */
export const ConnectionState = z.enum(['not-configured', 'connecting', 'connected', 'offline', 'token-expired']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const TeamStatus = z.strictObject({
  state: ConnectionState,
  /** The configured address, or null. */
  server: z.string().nullable(),
  /** The token's claims (team, user, role, expiry) as decoded, unverified; null when not configured. */
  claims: TeamTokenClaims.nullable(),
  /** Why the server last closed the connection, or why the stored configuration was not used. */
  detail: z.string().nullable(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/** How often team views ask the background for the team's state (the record, the connection). */
export const TEAM_POLL_MS = 1_000;

export const NOT_CONFIGURED: TeamStatus = { state: 'not-configured', server: null, claims: null, detail: null };
