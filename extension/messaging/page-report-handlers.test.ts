/**
 * 读取有误？ in the background: a report goes to the team server when it can; without a team, refused or unreachable,
 * the same JSON is saved through the background's downloads as `读取问题-<site>-<time>.json` and the answer says why;
 * only a tab's top frame may send one, for an address of the site its reader names.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PAGE_REPORT_FORMAT, PageReport } from '#core';
import type { SaveFile } from '../background/save-download.ts';
import { CreditLensDb } from '../storage/db.ts';
import { NO_TEAM, type TeamBackend } from '../sync/team-service.ts';
import { UserError } from '../ui/errors.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';

const REPORT: PageReport = {
  format: PAGE_REPORT_FORMAT,
  url: 'https://www.gsxt.gov.cn/%7BABC%7D',
  observedAt: '2026-12-07T20:15:03.412Z',
  html: '<!-- saved from url=(0030)https://www.gsxt.gov.cn/%7BABC%7D -->\n<html><body>页面</body></html>\n',
  reader: { site: 'gsxt-gov-cn', version: '2.0.0', layout: 'web-2026' },
  extensionVersion: '0.1.0',
  result: { ok: true },
  comment: '没读到',
};
const TOP = { tabId: 4, frameId: 0, extensionPage: false };

type Saved = { name: string; text: string; type: string };

function setup(send: TeamBackend['sendPageReport'], download: () => Promise<number> = async () => 1) {
  const saved: Saved[] = [];
  const saveFile: SaveFile = async (data, name, type) => {
    const id = await download();
    saved.push({ name, text: typeof data === 'string' ? data : new TextDecoder().decode(data), type });
    return id;
  };
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const handle = router(
    handlersFor(
      db,
      { now: () => '2026-12-07T20:15:05.000Z', setBadge: async () => {}, afterSave: async () => {}, saveFile },
      { ...NO_TEAM, sendPageReport: send },
    ),
  );
  return { handle, saved };
}

describe('page reports in the background', () => {
  it('sends to the team server and says so', async () => {
    const sent: PageReport[] = [];
    const { handle, saved } = setup(async (report) => {
      sent.push(report);
      return { id: 7 };
    });
    expect(await handle({ type: 'pagereport:send', report: REPORT }, TOP)).toEqual({
      ok: true,
      outcome: 'sent',
      text: '已发送，谢谢。管理员会据此修正读取。',
    });
    expect(sent).toEqual([REPORT]);
    expect(saved).toEqual([]);
  });

  it('without a team, saves the same JSON as 读取问题-<site>-<time>.json and says why', async () => {
    const { handle, saved } = setup(async () => null);
    expect(await handle({ type: 'pagereport:send', report: REPORT }, TOP)).toEqual({
      ok: true,
      outcome: 'saved',
      text: '未发送（未配置团队服务器）。已保存为文件 读取问题-gsxt-gov-cn-2026-12-07T20-15-03Z.json，请把它交给团队管理员。',
    });
    expect(saved.map((f) => [f.name, f.type])).toEqual([['读取问题-gsxt-gov-cn-2026-12-07T20-15-03Z.json', 'application/json']]);
    expect(PageReport.parse(JSON.parse(saved[0]!.text))).toEqual(REPORT);
  });

  it("refused by the server, saves the file with the server's reason in words", async () => {
    const { handle } = setup(async () => {
      throw new UserError('page_report_http_429', ['12'], 'HTTP 429');
    });
    const answer = await handle({ type: 'pagereport:send', report: REPORT }, TOP);
    expect(answer).toMatchObject({
      ok: true,
      outcome: 'saved',
      text: expect.stringMatching(/^未发送（发送过于频繁，请约 12 分钟后再试）。已保存为文件 /),
    });
  });

  it('says so when neither sending nor saving worked, with the reason it was not sent', async () => {
    const { handle, saved } = setup(
      async () => null,
      async () => {
        throw new Error('Invalid filename');
      },
    );
    expect(await handle({ type: 'pagereport:send', report: REPORT }, TOP)).toMatchObject({
      ok: false,
      key: 'page_report_not_saved',
      subs: ['未配置团队服务器'],
    });
    expect(saved).toEqual([]);
  });

  it('without a way to save files, says it was not saved', async () => {
    const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const handle = router(
      handlersFor(
        db,
        { now: () => '', setBadge: async () => {}, afterSave: async () => {} },
        { ...NO_TEAM, sendPageReport: async () => null },
      ),
    );
    expect(await handle({ type: 'pagereport:send', report: REPORT }, TOP)).toMatchObject({
      ok: false,
      key: 'page_report_not_saved',
      subs: ['未配置团队服务器'],
    });
  });

  it("takes reports only from a tab's top frame, for an address of the reader's site", async () => {
    const { handle, saved } = setup(async () => ({ id: 1 }));
    expect(await handle({ type: 'pagereport:send', report: REPORT }, { tabId: 4, frameId: 2, extensionPage: false })).toMatchObject({
      ok: false,
      key: 'page_report_refused',
    });
    expect(await handle({ type: 'pagereport:send', report: REPORT }, { extensionPage: false })).toMatchObject({
      ok: false,
      key: 'page_report_refused',
    });
    const elsewhere = { ...REPORT, url: 'https://www.creditchina.gov.cn/x' };
    expect(await handle({ type: 'pagereport:send', report: elsewhere }, TOP)).toMatchObject({ ok: false, key: 'page_report_refused' });
    expect(await handle({ type: 'pagereport:send', report: { ...REPORT, token: 'x' } }, TOP)).toMatchObject({
      ok: false,
      key: 'error_unexpected',
    });
    expect(saved).toEqual([]);
  });
});
