/**
 * The embedded store: one SQLite file in DATA_DIR, in WAL mode, shared by the running server and the account
 * commands (each its own connection; SQLite serialises the writers). better-sqlite3 is synchronous; the methods
 * are async only to share the Store interface with PostgreSQL. The token secret and the audit trail are files in
 * DATA_DIR. synchronous=NORMAL in WAL mode makes each commit survive the process being killed (kill -9); FULL would
 * add an fsync per commit for power loss. Schema creation is idempotent and runs in one transaction, so two processes
 * opening a new directory at once are safe.
 *
 * The server's connection checkpoints in the background (`backgroundCheckpoints`), never inside a commit, where
 * SQLite's automatic checkpoint would fsync on the event loop: once a second the log is flushed to disk on libuv's
 * thread pool, then checkpointed on this thread with next to nothing left to write
 * (docs/adr/0007-compaction-and-checkpoints.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import * as Y from 'yjs';
import type { AccountId, TeamId, TeamRole } from '#core';
import { AuditLog, type AuditEvent } from '../audit.ts';
import { Database } from '../commonjs.ts';
import { loadSecret } from '../tokens.ts';
import { HISTORY_PER_ENTITY, TrimSchedule, historyOfRow, type HistoryRow } from '../history.ts';
import { OwnerRow } from '../ownership.ts';
import type { NewPageReport, PageReportAdded, PageReportFilter, PageReportLimit, PageReportRow } from './page-reports.ts';
import { SqlitePageReports } from './page-reports-sqlite.ts';
import { SQLITE_SITE_RULES_SCHEMA, sqliteSiteRules, type SiteRulesStore } from './site-rules-store.ts';
import type { Store, TeamRow, TokenRow, UserRow } from './store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (doc, seq);
CREATE TABLE IF NOT EXISTS teams (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (team TEXT NOT NULL REFERENCES teams(id), id TEXT NOT NULL, role TEXT NOT NULL,
  created_at TEXT NOT NULL, PRIMARY KEY (team, id));
CREATE TABLE IF NOT EXISTS tokens (jti TEXT PRIMARY KEY, team TEXT NOT NULL, user TEXT NOT NULL, issued_at TEXT NOT NULL,
  expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE INDEX IF NOT EXISTS tokens_user ON tokens (team, user);
CREATE TABLE IF NOT EXISTS client_owners (doc TEXT NOT NULL, client INTEGER NOT NULL, owner TEXT NOT NULL,
  claimed_at TEXT NOT NULL, PRIMARY KEY (doc, client)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_history (seq INTEGER PRIMARY KEY, team TEXT NOT NULL, entity TEXT NOT NULL, at TEXT NOT NULL,
  user TEXT NOT NULL, fields TEXT NOT NULL, notes_added INTEGER NOT NULL, claimed_by TEXT, claimed_at TEXT);
CREATE INDEX IF NOT EXISTS entity_history_key ON entity_history (team, entity, at, seq);
`;

export const DATABASE_FILE = 'creditlens.sqlite';

/**
 * SQLite's page cache per connection, KiB (its default is 2,000): the server appends at the right edge of two B-trees,
 * so half the default commits as fast, and less is slower (docs/adr/0006-server-memory.md).
 */
const PAGE_CACHE_KIB = 1024;

export type SqliteOptions = {
  synchronous?: 'NORMAL' | 'FULL';
  /** The server's connection: checkpoints off the commit path (above); a failed one is reported here. */
  backgroundCheckpoints?: { everyMs?: number; onError(error: unknown): void };
  /** Newest history rows kept per entity record (HISTORY_PER_ENTITY). */
  historyPerEntity?: number;
};

type Row = Record<string, unknown>;

/** Case clues: the directory is its owner's alone (0700) and so is every file of it (0600), whatever was there before. */
function restrictDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(dataDir, entry.name), 0o600);
  }
}

function tokenOf(row: Row): TokenRow {
  return {
    jti: String(row.jti),
    team: String(row.team),
    user: String(row.user),
    issuedAt: String(row.issued_at),
    expiresAt: String(row.expires_at),
    revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
  };
}

export class SqliteStore implements Store {
  readonly db: BetterSqlite3.Database;
  readonly #statements;
  /** One transaction for a batch; built once, as better-sqlite3 makes a new wrapper on every db.transaction() call. */
  readonly #appendAll: (batch: { name: string; update: Uint8Array; history?: HistoryRow[] }[]) => void;
  readonly #historyPerEntity: number;
  readonly #trims = new TrimSchedule();
  readonly #claimAll: (name: string, owner: string, clients: number[], at: string) => Map<number, string>;

  readonly #dataDir: string;
  readonly #pageReports: SqlitePageReports;
  readonly #siteRules: SiteRulesStore;
  #audit: AuditLog | undefined;
  readonly #checkpoints: { timer: NodeJS.Timeout; running?: Promise<void>; commitsSince: number; done: number } | undefined;

  constructor(dataDir: string, options: SqliteOptions = {}) {
    this.#dataDir = dataDir;
    this.#historyPerEntity = options.historyPerEntity ?? HISTORY_PER_ENTITY;
    restrictDataDir(dataDir);
    // SQLite gives the -wal and -shm files the database file's mode: made 0600 here, before SQLite makes it.
    fs.closeSync(fs.openSync(path.join(dataDir, DATABASE_FILE), 'a', 0o600));
    this.db = new Database(path.join(dataDir, DATABASE_FILE), { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    const background = options.backgroundCheckpoints;
    if (background) {
      this.db.pragma('wal_autocheckpoint = 0');
      const timer = setInterval(() => {
        const state = this.#checkpoints;
        if (!state || state.running || state.commitsSince === 0) return;
        state.running = this.#checkpoint(state)
          .catch((error: unknown) => {
            state.commitsSince++;
            background.onError(error);
          })
          .finally(() => {
            state.running = undefined;
          });
      }, background.everyMs ?? 1000);
      timer.unref();
      this.#checkpoints = { timer, commitsSince: 0, done: 0 };
    }
    this.db.pragma('foreign_keys = ON');
    this.db.transaction(() => this.db.exec(SCHEMA + SQLITE_SITE_RULES_SCHEMA)).immediate();
    this.#pageReports = new SqlitePageReports(this.db);
    restrictDataDir(dataDir);
    const db = this.db;
    this.#siteRules = sqliteSiteRules(db);
    this.#statements = {
      load: db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq'),
      append: db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)'),
      deleteAll: db.prepare('DELETE FROM doc_updates WHERE doc = ?'),
      deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      count: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ?'),
      countUpTo: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc = ? AND seq <= ?'),
      addTeam: db.prepare('INSERT OR IGNORE INTO teams (id, created_at) VALUES (?, ?)'),
      teams: db.prepare('SELECT id, created_at FROM teams ORDER BY id'),
      team: db.prepare('SELECT id FROM teams WHERE id = ?'),
      addUser: db.prepare('INSERT OR IGNORE INTO users (team, id, role, created_at) VALUES (?, ?, ?, ?)'),
      setRole: db.prepare('UPDATE users SET role = ? WHERE team = ? AND id = ?'),
      users: db.prepare('SELECT team, id, role, created_at FROM users WHERE team = ? ORDER BY id'),
      user: db.prepare('SELECT team, id, role, created_at FROM users WHERE team = ? AND id = ?'),
      removeUser: db.prepare('DELETE FROM users WHERE team = ? AND id = ?'),
      revokeUserTokens: db.prepare('UPDATE tokens SET revoked_at = ? WHERE team = ? AND user = ? AND revoked_at IS NULL'),
      addToken: db.prepare('INSERT INTO tokens (jti, team, user, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      token: db.prepare('SELECT * FROM tokens WHERE jti = ?'),
      tokens: db.prepare('SELECT * FROM tokens WHERE team = ? ORDER BY issued_at, jti'),
      userTokens: db.prepare('SELECT * FROM tokens WHERE team = ? AND user = ? ORDER BY issued_at, jti'),
      revoke: db.prepare('UPDATE tokens SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL'),
      claimClient: db.prepare('INSERT OR IGNORE INTO client_owners (doc, client, owner, claimed_at) VALUES (?, ?, ?, ?)'),
      clientOwner: db.prepare('SELECT client, owner FROM client_owners WHERE doc = ? AND client = ?'),
      addHistory: db.prepare(
        'INSERT INTO entity_history (team, entity, at, user, fields, notes_added, claimed_by, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // Everything past the newest N of the record, found through the index.
      trimHistory: db.prepare(`DELETE FROM entity_history WHERE seq IN (SELECT seq FROM entity_history WHERE team = ? AND entity = ?
        ORDER BY at DESC, seq DESC LIMIT -1 OFFSET ?)`),
      history: db.prepare('SELECT * FROM entity_history WHERE team = ? AND entity = ? ORDER BY at DESC, seq DESC LIMIT ?'),
    };
    this.#claimAll = db.transaction((name: string, owner: string, clients: number[], at: string) => {
      const owners = new Map<number, string>();
      for (const client of clients) {
        this.#statements.claimClient.run(name, client, owner, at);
        const row = OwnerRow.parse(this.#statements.clientOwner.get(name, client));
        owners.set(row.client, row.owner);
      }
      return owners;
    });
    this.#appendAll = db.transaction((batch: { name: string; update: Uint8Array; history?: HistoryRow[] }[]) => {
      for (const { name, update, history = [] } of batch) {
        const seq = Number(this.#statements.append.run(name, update).lastInsertRowid);
        const known = this.#known.get(name);
        if (known) this.#known.set(name, { rows: known.rows + 1, lastSeq: seq });
        for (const h of history) {
          this.#statements.addHistory.run(
            h.team,
            h.key,
            h.at,
            h.user,
            JSON.stringify(h.fields),
            h.notesAdded,
            h.claimedBy ?? null,
            h.claimedAt ?? null,
          );
        }
      }
      const due = this.#trims.due(batch.flatMap((b) => b.history ?? []));
      try {
        for (const { team, key } of due) this.#statements.trimHistory.run(team, key, this.#historyPerEntity);
      } catch (error) {
        this.#trims.forget(due);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.#checkpoints) {
      clearInterval(this.#checkpoints.timer);
      await this.#checkpoints.running;
    }
    this.#audit?.close();
    this.db.close();
  }

  /** Background checkpoints completed so far (tests). */
  get checkpointsDone(): number {
    return this.#checkpoints?.done ?? 0;
  }

  /** Flush the log off this thread, then checkpoint (PASSIVE: never waits for a reader or writer). */
  async #checkpoint(state: { commitsSince: number; done: number }): Promise<void> {
    state.commitsSince = 0;
    const log = await fs.promises.open(`${this.db.name}-wal`, 'r');
    try {
      await log.sync();
    } finally {
      await log.close();
    }
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(PASSIVE)');
    state.done++;
  }

  async secret(): Promise<Uint8Array> {
    return loadSecret(this.#dataDir);
  }

  async appendAudit(event: AuditEvent, at: Date): Promise<void> {
    (this.#audit ??= new AuditLog(this.#dataDir)).append(event, at);
  }

  // — page reports (page-reports-sqlite.ts) —

  addPageReport(report: NewPageReport, limit: PageReportLimit): Promise<PageReportAdded> {
    return this.#pageReports.addPageReport(report, limit);
  }

  listPageReports(filter: PageReportFilter): Promise<PageReportRow[]> {
    return this.#pageReports.listPageReports(filter);
  }

  pageReportHtml(id: number): Promise<string | undefined> {
    return this.#pageReports.pageReportHtml(id);
  }

  pageReportsSince(team: string, user: string, since: string): Promise<{ count: number; oldest: string | null }> {
    return this.#pageReports.pageReportsSince(team, user, since);
  }

  // — documents —

  /**
   * Per document: the rows this connection has loaded or appended (how many, and the highest seq). A compaction
   * from the caller's memory replaces exactly these, and only while they are still all there is up to that seq.
   */
  readonly #known = new Map<string, { rows: number; lastSeq: number }>();

  async loadDocument(name: string): Promise<Uint8Array[]> {
    const rows = this.#statements.load.all(name) as { seq: number; data: Buffer }[];
    this.#known.set(name, { rows: rows.length, lastSeq: rows.at(-1)?.seq ?? 0 });
    return rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }

  async entityHistory(team: string, key: string, limit: number): Promise<HistoryRow[]> {
    return this.#statements.history.all(team, key, limit).map(historyOfRow);
  }

  async appendUpdates(batch: { name: string; update: Uint8Array; history?: HistoryRow[] }[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      this.#appendAll(batch);
      if (this.#checkpoints) this.#checkpoints.commitsSince++;
    } catch (error) {
      // Rolled back: what this connection knows of those documents is no longer sure.
      for (const { name } of batch) this.#known.delete(name);
      throw error;
    }
  }

  /**
   * With `state` (the caller's document, holding exactly what this connection loaded and appended): one short write
   * transaction swaps the known rows for it, no read and no merge, so the server's event loop hardly notices. If
   * anyone else wrote rows of the document meanwhile (the count up to the last known seq differs), or without
   * `state`: read, merge (through a Y.Doc, so deleted content is dropped) and replace, in one write transaction.
   */
  async compact(name: string, state?: Uint8Array): Promise<void> {
    this.db
      .transaction(() => {
        const known = this.#known.get(name);
        if (state && known && (this.#statements.countUpTo.get(name, known.lastSeq) as { n: number }).n === known.rows) {
          if (known.rows <= 1) return;
          this.#statements.deleteUpTo.run(name, known.lastSeq);
          const seq = Number(this.#statements.append.run(name, state).lastInsertRowid);
          this.#known.set(name, { rows: 1, lastSeq: seq });
          return;
        }
        // Memory may lack what someone else wrote: from now on this document is compacted the long way.
        this.#known.delete(name);
        const rows = this.#statements.load.all(name) as { data: Buffer }[];
        if (rows.length <= 1) return;
        const doc = new Y.Doc();
        for (const row of rows) Y.applyUpdate(doc, row.data);
        const merged = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        this.#statements.deleteAll.run(name);
        this.#statements.append.run(name, merged);
      })
      .immediate();
  }

  async claimClients(name: string, owner: string, clients: number[]): Promise<Map<number, string>> {
    return this.#claimAll(name, owner, clients, new Date().toISOString());
  }

  async countUpdates(name: string): Promise<number> {
    return (this.#statements.count.get(name) as { n: number }).n;
  }

  async bytesStored(): Promise<number> {
    return Number(this.db.pragma('page_count', { simple: true })) * Number(this.db.pragma('page_size', { simple: true }));
  }

  /** SQLite's online backup: a consistent copy, while the server goes on writing. */
  async backup(file: string): Promise<void> {
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await this.db.backup(file);
    fs.chmodSync(file, 0o600);
  }

  // — accounts —

  async addTeam(id: TeamId, at: string): Promise<boolean> {
    return this.#statements.addTeam.run(id, at).changes === 1;
  }

  async listTeams(): Promise<TeamRow[]> {
    return (this.#statements.teams.all() as Row[]).map((r) => ({ id: String(r.id), createdAt: String(r.created_at) }));
  }

  async addUser(user: Omit<UserRow, 'createdAt'>, at: string): Promise<'added' | 'exists' | 'no-team'> {
    return this.db
      .transaction(() => {
        if (!this.#statements.team.get(user.team)) return 'no-team' as const;
        return this.#statements.addUser.run(user.team, user.id, user.role, at).changes === 1 ? ('added' as const) : ('exists' as const);
      })
      .immediate();
  }

  async setRole(team: TeamId, id: AccountId, role: TeamRole): Promise<boolean> {
    return this.#statements.setRole.run(role, team, id).changes === 1;
  }

  async listUsers(team: TeamId): Promise<UserRow[]> {
    return (this.#statements.users.all(team) as Row[]).map((r) => ({
      team: String(r.team),
      id: String(r.id),
      role: r.role as TeamRole,
      createdAt: String(r.created_at),
    }));
  }

  async user(team: TeamId, id: AccountId): Promise<UserRow | undefined> {
    const r = this.#statements.user.get(team, id) as Row | undefined;
    return r && { team: String(r.team), id: String(r.id), role: r.role as TeamRole, createdAt: String(r.created_at) };
  }

  async removeUser(team: TeamId, id: AccountId, at: string): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.#statements.revokeUserTokens.run(at, team, id);
        return this.#statements.removeUser.run(team, id).changes === 1;
      })
      .immediate();
  }

  async addToken(token: Omit<TokenRow, 'revokedAt'>): Promise<void> {
    this.#statements.addToken.run(token.jti, token.team, token.user, token.issuedAt, token.expiresAt);
  }

  async token(jti: string): Promise<TokenRow | undefined> {
    const row = this.#statements.token.get(jti) as Row | undefined;
    return row && tokenOf(row);
  }

  async listTokens(team: TeamId, user?: AccountId): Promise<TokenRow[]> {
    const rows = (user === undefined ? this.#statements.tokens.all(team) : this.#statements.userTokens.all(team, user)) as Row[];
    return rows.map(tokenOf);
  }

  async revokeToken(jti: string, at: string): Promise<'revoked' | 'already' | 'unknown'> {
    if (this.#statements.revoke.run(at, jti).changes === 1) return 'revoked';
    return this.#statements.token.get(jti) ? 'already' : 'unknown';
  }

  // — site rules (site-rules-store.ts) —

  addSiteRules: SiteRulesStore['addSiteRules'] = (row) => this.#siteRules.addSiteRules(row);
  activeSiteRules: SiteRulesStore['activeSiteRules'] = () => this.#siteRules.activeSiteRules();
  siteRulesVersions: SiteRulesStore['siteRulesVersions'] = () => this.#siteRules.siteRulesVersions();

  /** PRAGMA data_version moves when another connection (an account command) commits. */
  async changeMark(): Promise<string> {
    return String(this.db.pragma('data_version', { simple: true }));
  }
}
