/**
 * The PostgreSQL store (STORE=postgres, DATABASE_URL), for several instances: every piece of shared state —
 * documents, accounts, tokens and revocations, the token-signing secret, the audit trail — lives in the database,
 * so an instance's DATA_DIR holds nothing another needs. The schema is made at start under an advisory lock, so
 * instances starting at once are safe, and every step is idempotent. Account changes bump `account_version` in the
 * same transaction; instances poll it to close withdrawn connections.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import * as Y from 'yjs';
import type { AccountId, TeamId, TeamRole } from '#core';
import type { AuditEvent } from '../audit.ts';
import { HISTORY_PER_ENTITY, TrimSchedule, historyOfRow, type HistoryRow } from '../history.ts';
import { OwnerRow } from '../ownership.ts';
import type { NewPageReport, PageReportAdded, PageReportFilter, PageReportLimit, PageReportRow } from './page-reports.ts';
import { PAGE_REPORTS_MIGRATION, PostgresPageReports } from './page-reports-postgres.ts';
import { POSTGRES_SITE_RULES_MIGRATION, postgresSiteRules, type SiteRulesStore } from './site-rules-store.ts';
import type { Store, TeamRow, TokenRow, UserRow } from './store.ts';

/** An arbitrary constant: the advisory lock that serialises schema changes among instances. */
const SCHEMA_LOCK = 7_404_201;

/** Migrations in order; each runs once (schema_version), inside the lock. */
const MIGRATIONS: string[] = [
  `CREATE TABLE doc_updates (seq BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL);
   CREATE INDEX doc_updates_doc ON doc_updates (doc, seq);
   CREATE TABLE teams (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
   CREATE TABLE users (team TEXT NOT NULL REFERENCES teams(id), id TEXT NOT NULL, role TEXT NOT NULL, created_at TEXT NOT NULL,
     PRIMARY KEY (team, id));
   CREATE TABLE tokens (jti TEXT PRIMARY KEY, team TEXT NOT NULL, "user" TEXT NOT NULL, issued_at TEXT NOT NULL,
     expires_at TEXT NOT NULL, revoked_at TEXT);
   CREATE INDEX tokens_user ON tokens (team, "user");
   CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
   CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, event JSONB NOT NULL);
   CREATE TABLE account_version (id INT PRIMARY KEY, version BIGINT NOT NULL);
   INSERT INTO account_version VALUES (1, 0);`,
  `CREATE TABLE client_owners (doc TEXT NOT NULL, client BIGINT NOT NULL, owner TEXT NOT NULL,
     claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (doc, client));`,
  `CREATE TABLE entity_history (seq BIGSERIAL PRIMARY KEY, team TEXT NOT NULL, entity TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
     "user" TEXT NOT NULL, fields JSONB NOT NULL, notes_added INT NOT NULL, claimed_by TEXT, claimed_at TEXT);
   CREATE INDEX entity_history_key ON entity_history (team, entity, at, seq);`,
  PAGE_REPORTS_MIGRATION,
  POSTGRES_SITE_RULES_MIGRATION,
];

type Row = Record<string, unknown>;

const tokenOf = (r: Row): TokenRow => ({
  jti: String(r.jti),
  team: String(r.team),
  user: String(r.user),
  issuedAt: String(r.issued_at),
  expiresAt: String(r.expires_at),
  revokedAt: r.revoked_at === null ? null : String(r.revoked_at),
});
const userOf = (r: Row): UserRow => ({ team: String(r.team), id: String(r.id), role: r.role as TeamRole, createdAt: String(r.created_at) });

export class PostgresStore implements Store {
  readonly #trims = new TrimSchedule();

  readonly #pageReports: PostgresPageReports;
  readonly #siteRules: SiteRulesStore;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly historyPerEntity: number,
  ) {
    this.#pageReports = new PostgresPageReports(pool);
    this.#siteRules = postgresSiteRules(pool);
  }

  // — site rules (site-rules-store.ts) —

  addSiteRules: SiteRulesStore['addSiteRules'] = (row) => this.#siteRules.addSiteRules(row);
  activeSiteRules: SiteRulesStore['activeSiteRules'] = () => this.#siteRules.activeSiteRules();
  siteRulesVersions: SiteRulesStore['siteRulesVersions'] = () => this.#siteRules.siteRulesVersions();

  static async connect(url: string, options: { historyPerEntity?: number } = {}): Promise<PostgresStore> {
    // Loaded here, not at the top: an instance on SQLite never pays for the driver's memory.
    const { default: driver } = await import('pg');
    // A database that does not answer fails a connection attempt after 10 s instead of waiting for ever.
    const pool = new driver.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
    // An idle client's error (the server restarted) must not end the process; the pool makes a new one.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, options.historyPerEntity ?? HISTORY_PER_ENTITY);
    await store.#migrate();
    return store;
  }

  async #migrate(): Promise<void> {
    await this.#transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await c.query('SELECT coalesce(max(version), 0) AS v FROM schema_version');
      for (let v = Number(rows[0].v); v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]!);
        await c.query('INSERT INTO schema_version (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** An account change, with the version bump that tells the instances. */
  #accountChange<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.#transaction(async (c) => {
      const result = await work(c);
      await c.query('UPDATE account_version SET version = version + 1 WHERE id = 1');
      return result;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  // — shared state —

  async secret(): Promise<Uint8Array> {
    await this.pool.query("INSERT INTO secrets (name, value) VALUES ('token', $1) ON CONFLICT (name) DO NOTHING", [crypto.randomBytes(64)]);
    const { rows } = await this.pool.query("SELECT value FROM secrets WHERE name = 'token'");
    return new Uint8Array(rows[0].value as Buffer);
  }

  async appendAudit(event: AuditEvent, at: Date): Promise<void> {
    await this.pool.query('INSERT INTO audit (at, event) VALUES ($1, $2)', [at, JSON.stringify(event)]);
  }

  // — page reports (page-reports-postgres.ts) —

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

  async loadDocument(name: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query('SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq', [name]);
    return rows.map((r: Row) => new Uint8Array(r.data as Buffer));
  }

  async appendUpdates(batch: { name: string; update: Uint8Array; history?: HistoryRow[] }[]): Promise<void> {
    if (batch.length === 0) return;
    const updates = [batch.map((b) => b.name), batch.map((b) => Buffer.from(b.update.buffer, b.update.byteOffset, b.update.byteLength))];
    const history = batch.flatMap((b) => b.history ?? []);
    // One statement: one transaction.
    if (history.length === 0) {
      await this.pool.query('INSERT INTO doc_updates (doc, data) SELECT * FROM unnest($1::text[], $2::bytea[])', updates);
      return;
    }
    const due = this.#trims.due(history);
    // Still one statement. The trim sees the rows from before it (one snapshot): a record keeps at most N plus this batch's.
    await this.pool
      .query(
        `WITH updates AS (INSERT INTO doc_updates (doc, data) SELECT * FROM unnest($1::text[], $2::bytea[])),
      added AS (INSERT INTO entity_history (team, entity, at, "user", fields, notes_added, claimed_by, claimed_at)
        SELECT team, entity, at, u, f::jsonb, n, cb, ca FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[])
          AS h(team, entity, at, u, f, n, cb, ca)),
      old AS (SELECT seq FROM (SELECT seq, row_number() OVER (PARTITION BY team, entity ORDER BY at DESC, seq DESC) AS newer
        FROM entity_history WHERE (team, entity) IN (SELECT * FROM unnest($11::text[], $12::text[]))) ranked WHERE newer > $13)
      DELETE FROM entity_history WHERE seq IN (SELECT seq FROM old)`,
        [
          ...updates,
          history.map((h) => h.team),
          history.map((h) => h.key),
          history.map((h) => h.at),
          history.map((h) => h.user),
          history.map((h) => JSON.stringify(h.fields)),
          history.map((h) => h.notesAdded),
          history.map((h) => h.claimedBy ?? null),
          history.map((h) => h.claimedAt ?? null),
          due.map((d) => d.team),
          due.map((d) => d.key),
          this.historyPerEntity,
        ],
      )
      .catch((error: unknown) => {
        this.#trims.forget(due);
        throw error;
      });
  }

  async entityHistory(team: string, key: string, limit: number): Promise<HistoryRow[]> {
    const { rows } = await this.pool.query(
      'SELECT * FROM entity_history WHERE team = $1 AND entity = $2 ORDER BY at DESC, seq DESC LIMIT $3',
      [team, key, limit],
    );
    return rows.map(historyOfRow);
  }

  /** The rows read are locked and only they are replaced: updates other instances append meanwhile stay. */
  async compact(name: string): Promise<void> {
    await this.#transaction(async (c) => {
      const { rows } = await c.query('SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq FOR UPDATE', [name]);
      if (rows.length <= 1) return;
      const doc = new Y.Doc();
      for (const row of rows) Y.applyUpdate(doc, row.data as Buffer);
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      await c.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [name, rows.map((r: Row) => r.seq)]);
      await c.query('INSERT INTO doc_updates (doc, data) VALUES ($1, $2)', [name, Buffer.from(merged)]);
    });
  }

  async claimClients(name: string, owner: string, clients: number[]): Promise<Map<number, string>> {
    await this.pool.query('INSERT INTO client_owners (doc, client, owner) SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING', [
      name,
      clients,
      owner,
    ]);
    const { rows } = await this.pool.query('SELECT client, owner FROM client_owners WHERE doc = $1 AND client = ANY($2::bigint[])', [
      name,
      clients,
    ]);
    return new Map(
      rows.map((r: Row) => {
        const row = OwnerRow.parse(r);
        return [row.client, row.owner] as const;
      }),
    );
  }

  async countUpdates(name: string): Promise<number> {
    const { rows } = await this.pool.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc = $1', [name]);
    return rows[0].n as number;
  }

  async bytesStored(): Promise<number> {
    const { rows } = await this.pool.query('SELECT pg_database_size(current_database())::bigint AS n');
    return Number(rows[0].n);
  }

  // — accounts —

  async addTeam(id: TeamId, at: string): Promise<boolean> {
    return this.#accountChange(
      async (c) => (await c.query('INSERT INTO teams (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, at])).rowCount === 1,
    );
  }

  async listTeams(): Promise<TeamRow[]> {
    const { rows } = await this.pool.query('SELECT id, created_at FROM teams ORDER BY id');
    return rows.map((r: Row) => ({ id: String(r.id), createdAt: String(r.created_at) }));
  }

  async addUser(user: Omit<UserRow, 'createdAt'>, at: string): Promise<'added' | 'exists' | 'no-team'> {
    return this.#accountChange(async (c) => {
      if ((await c.query('SELECT 1 FROM teams WHERE id = $1', [user.team])).rowCount === 0) return 'no-team' as const;
      const added = await c.query('INSERT INTO users (team, id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        user.team,
        user.id,
        user.role,
        at,
      ]);
      return added.rowCount === 1 ? ('added' as const) : ('exists' as const);
    });
  }

  async setRole(team: TeamId, id: AccountId, role: TeamRole): Promise<boolean> {
    return this.#accountChange(
      async (c) => (await c.query('UPDATE users SET role = $1 WHERE team = $2 AND id = $3', [role, team, id])).rowCount === 1,
    );
  }

  async listUsers(team: TeamId): Promise<UserRow[]> {
    const { rows } = await this.pool.query('SELECT team, id, role, created_at FROM users WHERE team = $1 ORDER BY id', [team]);
    return rows.map(userOf);
  }

  async user(team: TeamId, id: AccountId): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query('SELECT team, id, role, created_at FROM users WHERE team = $1 AND id = $2', [team, id]);
    return rows[0] && userOf(rows[0]);
  }

  async removeUser(team: TeamId, id: AccountId, at: string): Promise<boolean> {
    return this.#accountChange(async (c) => {
      await c.query('UPDATE tokens SET revoked_at = $1 WHERE team = $2 AND "user" = $3 AND revoked_at IS NULL', [at, team, id]);
      return (await c.query('DELETE FROM users WHERE team = $1 AND id = $2', [team, id])).rowCount === 1;
    });
  }

  async addToken(token: Omit<TokenRow, 'revokedAt'>): Promise<void> {
    await this.pool.query('INSERT INTO tokens (jti, team, "user", issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      token.jti,
      token.team,
      token.user,
      token.issuedAt,
      token.expiresAt,
    ]);
  }

  async token(jti: string): Promise<TokenRow | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM tokens WHERE jti = $1', [jti]);
    return rows[0] && tokenOf(rows[0]);
  }

  async listTokens(team: TeamId, user?: AccountId): Promise<TokenRow[]> {
    const { rows } =
      user === undefined
        ? await this.pool.query('SELECT * FROM tokens WHERE team = $1 ORDER BY issued_at, jti', [team])
        : await this.pool.query('SELECT * FROM tokens WHERE team = $1 AND "user" = $2 ORDER BY issued_at, jti', [team, user]);
    return rows.map(tokenOf);
  }

  async revokeToken(jti: string, at: string): Promise<'revoked' | 'already' | 'unknown'> {
    return this.#accountChange(async (c) => {
      if ((await c.query('UPDATE tokens SET revoked_at = $1 WHERE jti = $2 AND revoked_at IS NULL', [at, jti])).rowCount === 1)
        return 'revoked' as const;
      return (await c.query('SELECT 1 FROM tokens WHERE jti = $1', [jti])).rowCount === 1 ? ('already' as const) : ('unknown' as const);
    });
  }

  async changeMark(): Promise<string> {
    const { rows } = await this.pool.query('SELECT version FROM account_version WHERE id = 1');
    return String(rows[0].version);
  }
}
