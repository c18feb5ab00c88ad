/**
 * What the server keeps, behind one small interface with two implementations: the embedded SQLite store (default)
 * and PostgreSQL (STORE=postgres, for several instances). Documents are logs of Yjs updates; accounts are teams,
 * users and tokens. Every method is asynchronous, so both stores fit; a method resolves once its change is durable.
 */
import type { AccountId, TeamId, TeamRole } from '#core';
import type { AuditEvent } from '../audit.ts';
import type { HistoryRow } from '../history.ts';
import type { PageReportStore } from './page-reports.ts';
import type { SiteRulesStore } from './site-rules-store.ts';

export type TeamRow = { id: TeamId; createdAt: string };
export type UserRow = { team: TeamId; id: AccountId; role: TeamRole; createdAt: string };
export type TokenRow = { jti: string; team: TeamId; user: AccountId; issuedAt: string; expiresAt: string; revokedAt: string | null };

export interface DocumentStore {
  /** Every stored update of the document. */
  loadDocument(name: string): Promise<Uint8Array[]>;
  /**
   * Commits the updates in one transaction, with the history rows of each (history.ts), and trims each touched
   * record's history to the newest `historyPerEntity` (the store's setting).
   */
  appendUpdates(batch: { name: string; update: Uint8Array; history?: HistoryRow[] }[]): Promise<void>;
  /** A record's history, newest first (by the server's time, then by commit order). */
  entityHistory(team: string, key: string, limit: number): Promise<HistoryRow[]>;
  /**
   * Replaces the document's stored updates by one of the same state, in one transaction. `state` is an offer: the
   * caller's copy of the document, holding exactly the updates this store object loaded and appended for it (none
   * pending). A store may swap its rows for it instead of reading and merging them; it must check that nobody else
   * wrote the document meanwhile, and merge the long way if so.
   */
  compact(name: string, state?: Uint8Array): Promise<void>;
  /**
   * Makes `owner` the owner of each client id of the document that has none (atomically: of two claims at once, in
   * any instance, one wins), and returns the owner of each.
   */
  claimClients(name: string, owner: string, clients: number[]): Promise<Map<number, string>>;
  /** Number of stored updates of the document. */
  countUpdates(name: string): Promise<number>;
  /** Bytes the store takes. */
  bytesStored(): Promise<number>;
}

export interface AccountStore {
  addTeam(id: TeamId, at: string): Promise<boolean>;
  listTeams(): Promise<TeamRow[]>;
  addUser(user: Omit<UserRow, 'createdAt'>, at: string): Promise<'added' | 'exists' | 'no-team'>;
  setRole(team: TeamId, id: AccountId, role: TeamRole): Promise<boolean>;
  listUsers(team: TeamId): Promise<UserRow[]>;
  /** Removes the user and revokes their tokens. */
  removeUser(team: TeamId, id: AccountId, at: string): Promise<boolean>;
  user(team: TeamId, id: AccountId): Promise<UserRow | undefined>;
  addToken(token: Omit<TokenRow, 'revokedAt'>): Promise<void>;
  token(jti: string): Promise<TokenRow | undefined>;
  listTokens(team: TeamId, user?: AccountId): Promise<TokenRow[]>;
  revokeToken(jti: string, at: string): Promise<'revoked' | 'already' | 'unknown'>;
  /** A value that changes whenever accounts changed (in any process or instance); cheap to poll. */
  changeMark(): Promise<string>;
}

/** Where shared secrets and the audit trail live: files in DATA_DIR (SQLite) or tables (PostgreSQL). */
export interface SharedState {
  /** The token-signing secret, made on first use by whichever process comes first. */
  secret(): Promise<Uint8Array>;
  appendAudit(event: AuditEvent, at: Date): Promise<void>;
}

export type Store = DocumentStore &
  AccountStore &
  SharedState &
  PageReportStore &
  SiteRulesStore & {
    /** SQLite's online backup; PostgreSQL is backed up with its own tools (pg_dump). */
    backup?(file: string): Promise<void>;
    close(): Promise<void>;
  };
