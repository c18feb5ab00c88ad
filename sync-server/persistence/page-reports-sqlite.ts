/** Page reports in the SQLite file (page-reports.ts): the table is made idempotently with the rest of the schema. */
import type BetterSqlite3 from 'better-sqlite3';
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

export const PAGE_REPORTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS page_reports (id INTEGER PRIMARY KEY AUTOINCREMENT, team TEXT NOT NULL, user TEXT NOT NULL,
  received_at TEXT NOT NULL, site TEXT NOT NULL, layout TEXT NOT NULL, reader_version TEXT NOT NULL, rules_version INTEGER,
  url TEXT NOT NULL, observed_at TEXT NOT NULL, ok INTEGER NOT NULL, reason TEXT, comment TEXT, extension_version TEXT NOT NULL,
  size INTEGER NOT NULL, reader TEXT NOT NULL, html BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS page_reports_user ON page_reports (team, user, received_at);
CREATE INDEX IF NOT EXISTS page_reports_received ON page_reports (received_at, id);
`;

const COLUMNS =
  'id, team, user, received_at, site, layout, reader_version, rules_version, url, observed_at, ok, reason, comment, extension_version, size, reader';

export class SqlitePageReports implements PageReportStore {
  readonly #add;
  readonly #html;
  readonly #since;

  constructor(private readonly db: BetterSqlite3.Database) {
    db.transaction(() => db.exec(PAGE_REPORTS_SCHEMA)).immediate();
    this.#add = db.prepare(`INSERT INTO page_reports (team, user, received_at, site, layout, reader_version, rules_version, url,
      observed_at, ok, reason, comment, extension_version, size, reader, html) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#html = db.prepare('SELECT html FROM page_reports WHERE id = ?');
    this.#since = db.prepare(
      'SELECT count(*) AS n, min(received_at) AS oldest FROM page_reports WHERE team = ? AND user = ? AND received_at >= ?',
    );
  }

  async addPageReport(r: NewPageReport, limit: PageReportLimit): Promise<PageReportAdded> {
    const html = await packHtml(r.html);
    // One immediate transaction: the count and the insert hold the file's write lock together.
    return this.db
      .transaction((): PageReportAdded => {
        const recent = this.#since.get(r.team, r.user, limit.since) as { n: number; oldest: string | null };
        if (recent.n >= limit.max) return { full: { oldest: recent.oldest } };
        const { lastInsertRowid } = this.#add.run(...pageReportValues(r, html, r.ok ? 1 : 0));
        return { id: Number(lastInsertRowid) };
      })
      .immediate();
  }

  async listPageReports(filter: PageReportFilter): Promise<PageReportRow[]> {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM page_reports WHERE (? IS NULL OR team = ?) AND (? IS NULL OR received_at >= ?)
      ORDER BY received_at, id`,
      )
      .all(filter.team ?? null, filter.team ?? null, filter.since ?? null, filter.since ?? null) as Record<string, unknown>[];
    return rows.map(pageReportOfRow);
  }

  async pageReportHtml(id: number): Promise<string | undefined> {
    const row = this.#html.get(id) as { html: Buffer } | undefined;
    return row && unpackHtml(row.html);
  }

  async pageReportsSince(team: string, user: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const row = this.#since.get(team, user, since) as { n: number; oldest: string | null };
    return { count: row.n, oldest: row.oldest };
  }
}
