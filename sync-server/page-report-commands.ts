/**
 * `sync-server page-reports list [--team T] [--summary]` and `page-reports export DIR [--team T] [--since DATE]`: what
 * users reported as read wrongly (读取有误？), for whoever maintains the readers. The listing is tab-separated lines on
 * stdout (a header first); the summary counts reports per site × layout × reader version, not understood apart from
 * understood. The export writes `<id>.html` — the page as sent, with its `saved from url` line, so `creditlens parse
 * <id>.html` reads it as it is — and `<id>.json`, the report's facts and the reader's diagnostics without the HTML.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { IsoDateString, TeamId } from '#core';
import type { AuditEvent } from './audit.ts';
import type { PageReportRow, PageReportStore } from './persistence/page-reports.ts';

export const PAGE_REPORTS_USAGE = `  sync-server page-reports list [--team <team>] [--summary]
  sync-server page-reports export <dir> [--team <team>] [--since YYYY-MM-DD]`;

/** A day is China's (UTC+8), as the staff and the admin count days; an instant with its offset is taken as it is. */
const Since = z.union([
  z
    .string()
    .refine((day) => IsoDateString.safeParse(day).success)
    .transform((day) => new Date(`${day}T00:00:00+08:00`).toISOString()),
  z.iso.datetime({ offset: true }).transform((at) => new Date(at).toISOString()),
]);

/**
 * One cell of a tab-separated line: no tab or line break of a comment or URL may split it, and text pasted into a
 * spreadsheet never starts a formula (as core's csvCell).
 */
function cell(value: string | number | null): string {
  const text = String(value ?? '-').replace(/[\t\r\n]+/g, ' ');
  return typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
}

type Context = {
  store: PageReportStore;
  io: { out(line: string): void; err(line: string): void };
  audit(event: AuditEvent): Promise<void>;
  by: string;
};

/** Exit 0 done, 1 refused, 2 usage. */
export async function pageReportsCommand(
  sub: string | undefined,
  args: string[],
  options: { team?: string; since?: string; summary?: string },
  context: Context,
): Promise<number> {
  const { io } = context;
  const usage = (problem: string) => {
    io.err(problem);
    io.err(`usage:\n${PAGE_REPORTS_USAGE}`);
    return 2;
  };
  const team = options.team === undefined ? undefined : TeamId.safeParse(options.team);
  if (team && !team.success) return usage(`--team ${JSON.stringify(options.team)}: not a team id`);
  const since = options.since === undefined ? undefined : Since.safeParse(options.since);
  if (since && !since.success) return usage(`--since ${JSON.stringify(options.since)}: a date (YYYY-MM-DD, China time) or an ISO instant`);
  const filter = { ...(team ? { team: team.data } : {}), ...(since ? { since: since.data } : {}) };
  if (sub === 'list' && args.length === 0) {
    const reports = await context.store.listPageReports(filter);
    if (options.summary !== undefined) summary(reports, io);
    else {
      io.out('id\treceived\tteam\tuser\tsite\tlayout\treader\tunderstood\turl\tcomment');
      for (const r of reports) {
        io.out(
          [r.id, r.receivedAt, r.team, r.user, r.site, r.layout, r.readerVersion, r.ok ? 'yes' : `no (${r.reason})`, r.url, r.comment]
            .map(cell)
            .join('\t'),
        );
      }
    }
    return 0;
  }
  if (sub === 'export' && args.length === 1) {
    if (options.summary !== undefined) return usage('--summary is for list');
    const dir = path.resolve(args[0]!);
    const reports = await context.store.listPageReports(filter);
    // Pages of case work: the folder and its files are the operator's alone, as DATA_DIR is.
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const report of reports) {
      const html = await context.store.pageReportHtml(report.id);
      if (html === undefined) continue;
      fs.writeFileSync(path.join(dir, `${report.id}.html`), html, { mode: 0o600 });
      fs.writeFileSync(path.join(dir, `${report.id}.json`), `${JSON.stringify(exportedFacts(report), null, 2)}\n`, { mode: 0o600 });
    }
    await context.audit({ event: 'page-reports.export', dir, count: reports.length, by: context.by });
    io.err(`${reports.length} page report(s) written to ${dir}`);
    return 0;
  }
  return usage(sub === undefined ? 'page-reports: list or export?' : `unknown: page-reports ${[sub, ...args].join(' ')}`);
}

/** The `<id>.json` of an export (docs/formats.md): the stored facts and diagnostics, and the file the page is in. */
export function exportedFacts(report: PageReportRow): PageReportRow & { format: 'creditlens-page-report-export'; htmlFile: string } {
  return { format: 'creditlens-page-report-export', ...report, htmlFile: `${report.id}.html` };
}

function summary(reports: readonly PageReportRow[], io: Context['io']): void {
  const groups = new Map<string, { site: string; layout: string; reader: string; notUnderstood: number; understood: number }>();
  for (const r of reports) {
    const key = JSON.stringify([r.site, r.layout, r.readerVersion]);
    const group = groups.get(key) ?? { site: r.site, layout: r.layout, reader: r.readerVersion, notUnderstood: 0, understood: 0 };
    if (r.ok) group.understood++;
    else group.notUnderstood++;
    groups.set(key, group);
  }
  io.out('site\tlayout\treader\tnot_understood\tunderstood\ttotal');
  const rows = [...groups.values()].sort(
    (a, b) =>
      b.notUnderstood + b.understood - (a.notUnderstood + a.understood) || a.site.localeCompare(b.site) || a.layout.localeCompare(b.layout),
  );
  for (const g of rows)
    io.out([g.site, g.layout, g.reader, g.notUnderstood, g.understood, g.notUnderstood + g.understood].map(cell).join('\t'));
}
