/**
 * What the server keeps, behind one small interface (the embedded SQLite store today; the scale-out issue adds
 * PostgreSQL). Documents are logs of Yjs updates; accounts are teams, users and tokens.
 */
import type { AccountId, TeamId, TeamRole } from '#core';

export type TeamRow = { id: TeamId; createdAt: string };
export type UserRow = { team: TeamId; id: AccountId; role: TeamRole; createdAt: string };
export type TokenRow = { jti: string; team: TeamId; user: AccountId; issuedAt: string; expiresAt: string; revokedAt: string | null };

export interface DocumentStore {
  /** Every stored update of the document, in the order they were stored. */
  loadDocument(name: string): Uint8Array[];
  /** Commits the updates in one transaction; returns when they are durable. */
  appendUpdates(batch: { name: string; update: Uint8Array }[]): void;
  /** Replaces all the document's stored updates by `merged`, which must hold all of them, in one transaction. */
  compact(name: string, merged: Uint8Array): void;
  /** Bytes of stored updates. */
  bytesStored(): number;
}

export interface AccountStore {
  addTeam(id: TeamId, at: string): boolean;
  listTeams(): TeamRow[];
  addUser(user: Omit<UserRow, 'createdAt'>, at: string): 'added' | 'exists' | 'no-team';
  setRole(team: TeamId, id: AccountId, role: TeamRole): boolean;
  listUsers(team: TeamId): UserRow[];
  /** Removes the user and revokes their tokens. */
  removeUser(team: TeamId, id: AccountId, at: string): boolean;
  user(team: TeamId, id: AccountId): UserRow | undefined;
  addToken(token: Omit<TokenRow, 'revokedAt'>): void;
  token(jti: string): TokenRow | undefined;
  listTokens(team: TeamId, user?: AccountId): TokenRow[];
  revokeToken(jti: string, at: string): 'revoked' | 'already' | 'unknown';
  /** Changes whenever another process committed to the accounts (cheap to poll). */
  changeMark(): number;
}
