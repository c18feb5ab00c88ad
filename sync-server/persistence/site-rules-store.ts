/**
 * The published site rules (site-rules.ts), one row per version in the server's store, SQLite or PostgreSQL: the
 * newest row is the active one; older rows stay, so a rollback can restore them. A version is added only if it is
 * higher than every stored one, checked in the same transaction as the insert (under an advisory lock on
 * PostgreSQL, so two instances or commands at once cannot both win).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type SiteRulesRow = {
  version: number;
  /** The rules file as served (JSON text). */
  body: string;
  publishedAt: string;
  publishedBy: string;
  /** A rollback: the version whose rules it restores. */
  restoredFrom: number | null;
};

export interface SiteRulesStore {
  /** Adds the version if it is higher than every stored one; false (nothing written) when it is not. */
  addSiteRules(row: SiteRulesRow): Promise<boolean>;
  /** The active (newest) version, or undefined before the first publication. */
  activeSiteRules(): Promise<SiteRulesRow | undefined>;
  /** Every stored version, newest first. */
  siteRulesVersions(): Promise<SiteRulesRow[]>;
}

export const SQLITE_SITE_RULES_SCHEMA = `
CREATE TABLE IF NOT EXISTS site_rules (version INTEGER PRIMARY KEY, body TEXT NOT NULL, published_at TEXT NOT NULL,
  published_by TEXT NOT NULL, restored_from INTEGER);
`;

export const POSTGRES_SITE_RULES_MIGRATION = `CREATE TABLE site_rules (version INT PRIMARY KEY, body TEXT NOT NULL, published_at TEXT NOT NULL,
   published_by TEXT NOT NULL, restored_from INT);`;

/** An arbitrary constant: the advisory lock that serialises publications among instances and commands. */
const PUBLISH_LOCK = 7_404_202;

const rowOf = (r: Record<string, unknown>): SiteRulesRow => ({
  version: Number(r.version),
  body: String(r.body),
  publishedAt: String(r.published_at),
  publishedBy: String(r.published_by),
  restoredFrom: r.restored_from === null || r.restored_from === undefined ? null : Number(r.restored_from),
});

export function sqliteSiteRules(db: BetterSqlite3.Database): SiteRulesStore {
  const newest = db.prepare('SELECT * FROM site_rules ORDER BY version DESC LIMIT 1');
  const all = db.prepare('SELECT * FROM site_rules ORDER BY version DESC');
  const insert = db.prepare('INSERT INTO site_rules (version, body, published_at, published_by, restored_from) VALUES (?, ?, ?, ?, ?)');
  const add = db.transaction((row: SiteRulesRow) => {
    const top = newest.get() as Record<string, unknown> | undefined;
    if (top && Number(top.version) >= row.version) return false;
    insert.run(row.version, row.body, row.publishedAt, row.publishedBy, row.restoredFrom);
    return true;
  });
  return {
    addSiteRules: async (row) => add.immediate(row),
    activeSiteRules: async () => {
      const row = newest.get() as Record<string, unknown> | undefined;
      return row && rowOf(row);
    },
    siteRulesVersions: async () => (all.all() as Record<string, unknown>[]).map(rowOf),
  };
}

export function postgresSiteRules(pool: pg.Pool): SiteRulesStore {
  return {
    async addSiteRules(row) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
        const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM site_rules');
        if (Number(rows[0].v) >= row.version) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query(
          'INSERT INTO site_rules (version, body, published_at, published_by, restored_from) VALUES ($1, $2, $3, $4, $5)',
          [row.version, row.body, row.publishedAt, row.publishedBy, row.restoredFrom],
        );
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async activeSiteRules() {
      const { rows } = await pool.query('SELECT * FROM site_rules ORDER BY version DESC LIMIT 1');
      return rows[0] ? rowOf(rows[0] as Record<string, unknown>) : undefined;
    },
    async siteRulesVersions() {
      const { rows } = await pool.query('SELECT * FROM site_rules ORDER BY version DESC');
      return (rows as Record<string, unknown>[]).map(rowOf);
    },
  };
}
