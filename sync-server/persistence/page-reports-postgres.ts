/** Page reports in PostgreSQL (page-reports.ts); the table is the store's migration PAGE_REPORTS_MIGRATION. */
import type pg from 'pg';
import {
  packHtml,
  pageReportOfRow,
  pageReportValues,
  unpackHtml,
  type NewPageReport,
  type PageReportAdded,
  type PageReportFilter,
  type PageReportLimit,
  type PageReportRow,
  type PageReportStore,
} from './page-reports.ts';

export const PAGE_REPORTS_MIGRATION = `CREATE TABLE page_reports (id BIGSERIAL PRIMARY KEY, team TEXT NOT NULL, "user" TEXT NOT NULL,
     received_at TEXT NOT NULL, site TEXT NOT NULL, layout TEXT NOT NULL, reader_version TEXT NOT NULL, rules_version INT,
     url TEXT NOT NULL, observed_at TEXT NOT NULL, ok BOOLEAN NOT NULL, reason TEXT, comment TEXT, extension_version TEXT NOT NULL,
     size INT NOT NULL, reader JSONB NOT NULL, html BYTEA NOT NULL);
   CREATE INDEX page_reports_user ON page_reports (team, "user", received_at);
   CREATE INDEX page_reports_received ON page_reports (received_at, id);`;

const COLUMNS =
  'id, team, "user", received_at, site, layout, reader_version, rules_version, url, observed_at, ok, reason, comment, extension_version, size, reader';

export class PostgresPageReports implements PageReportStore {
  constructor(private readonly pool: pg.Pool) {}

  async addPageReport(r: NewPageReport, limit: PageReportLimit): Promise<PageReportAdded> {
    const html = await packHtml(r.html);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Reports of one user to one team are counted and written one at a time, across every instance.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['page-reports', r.team, r.user])]);
      const recent = await client.query(
        'SELECT count(*)::int AS n, min(received_at) AS oldest FROM page_reports WHERE team = $1 AND "user" = $2 AND received_at >= $3',
        [r.team, r.user, limit.since],
      );
      if ((recent.rows[0].n as number) >= limit.max) {
        await client.query('ROLLBACK');
        return { full: { oldest: (recent.rows[0].oldest as string | null) ?? null } };
      }
      const { rows } = await client.query(
        `INSERT INTO page_reports (team, "user", received_at, site, layout, reader_version, rules_version,
        url, observed_at, ok, reason, comment, extension_version, size, reader, html) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        RETURNING id`,
        pageReportValues(r, html, r.ok),
      );
      await client.query('COMMIT');
      return { id: Number(rows[0].id) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async listPageReports(filter: PageReportFilter): Promise<PageReportRow[]> {
    const { rows } = await this.pool.query(
      `SELECT ${COLUMNS} FROM page_reports WHERE ($1::text IS NULL OR team = $1)
      AND ($2::text IS NULL OR received_at >= $2) ORDER BY received_at, id`,
      [filter.team ?? null, filter.since ?? null],
    );
    return rows.map(pageReportOfRow);
  }

  async pageReportHtml(id: number): Promise<string | undefined> {
    const { rows } = await this.pool.query('SELECT html FROM page_reports WHERE id = $1', [id]);
    return rows[0] ? unpackHtml(rows[0].html as Buffer) : undefined;
  }

  async pageReportsSince(team: string, user: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const { rows } = await this.pool.query(
      'SELECT count(*)::int AS n, min(received_at) AS oldest FROM page_reports WHERE team = $1 AND "user" = $2 AND received_at >= $3',
      [team, user, since],
    );
    return { count: rows[0].n as number, oldest: (rows[0].oldest as string | null) ?? null };
  }
}
