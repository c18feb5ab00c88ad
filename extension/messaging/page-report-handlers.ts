/**
 * The background's side of 读取有误？: a page report from a content script goes to the team server with the user's
 * token (sync/page-report-client.ts); without a team, unreachable or refused, the same report is saved as a file
 * (`读取问题-<site>-<time>.json`, the JSON the server would have had) by the downloads API (background/save-download.ts),
 * and the answer says why it was not sent. Only a tab's top frame may send one, and only for an address of the site
 * whose reader it names.
 */
import { siteById, type PageReport } from '#core';
import type { SaveFile } from '../background/save-download.ts';
import type { TeamBackend } from '../sync/team-service.ts';
import { UserError, errorText } from '../ui/errors.ts';
import { t } from '../ui/i18n.ts';
import type { Handlers } from './router.ts';

/** `读取问题-<site id>-2026-12-07T20-15-03Z.json`: the site and the reading's time, with no character a file system refuses. */
export function pageReportFileName(report: PageReport): string {
  const at = new Date(report.observedAt)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `${t('page_report_file_prefix')}-${report.reader.site}-${at}.json`;
}

/** `saveFile`: the background's downloads (background/save-download.ts); absent: nothing can be saved as a file. */
export function pageReportHandlersFor(team: TeamBackend, saveFile: SaveFile | undefined): Pick<Handlers, 'pagereport:send'> {
  return {
    'pagereport:send': async ({ report }, from) => {
      if (from.tabId === undefined || from.frameId !== 0)
        throw new UserError('page_report_refused', [], 'page reports come from the top frame of a tab');
      if (!siteById(report.reader.site).matches(new URL(report.url)))
        throw new UserError('page_report_refused', [], "the address is not of the reader's site");
      let why: string;
      try {
        const sent = await team.sendPageReport(report);
        if (sent) return { ok: true, outcome: 'sent', text: t('page_report_sent') };
        why = t('page_report_no_server');
      } catch (error) {
        why = errorText(error);
      }
      const file = pageReportFileName(report);
      if (!saveFile) throw new UserError('page_report_not_saved', [why], 'no way to save a file here');
      try {
        // Resolves with the download's id once the browser has started it: only then does the panel say 已保存为文件.
        await saveFile(`${JSON.stringify(report, null, 2)}\n`, file, 'application/json');
      } catch (error) {
        throw new UserError('page_report_not_saved', [why], `file not saved: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { ok: true, outcome: 'saved', text: t('page_report_saved', why, file) };
    },
  };
}
