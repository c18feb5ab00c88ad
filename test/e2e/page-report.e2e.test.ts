/**
 * 读取有误？ in a real Chromium with the built extension, the simulated site and a real sync server: a member's report
 * of a page reaches the server's store with the reader's layout, and `creditlens parse` reads the exported page as
 * the extension's reader did; a page script's synthetic clicks start nothing; with the server stopped, the report of
 * a page that was not understood is saved as a file (`读取问题-<site>-<time>.json`, the same JSON) by the downloads
 * API, with no tab opening for it. Neither the report sent nor the file holds the user's private note or the team
 * token.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { PageReport, ParseResult } from '#core';
import { readyOverlay } from './support/assertions.ts';
import { simPageUrl } from './support/hosts.ts';
import { OVERLAY_TAG, expandOverlay, waitForOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';
import { useWatchedTeam } from './support/watched-team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const ROOT = path.resolve(import.meta.dirname, '../..');
const WAIT = { timeout: 15_000 };
const NOTE = `私密笔记-${randomUUID()}`;

/** A profile whose download folder is ours: the browser itself, not DevTools, names the file the downloads API saves. */
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-e2e-profile-'));
const downloadDir = path.join(profileDir, 'downloads');
fs.mkdirSync(path.join(profileDir, 'Default'));
fs.writeFileSync(
  path.join(profileDir, 'Default', 'Preferences'),
  JSON.stringify({ download: { default_directory: downloadDir, prompt_for_download: false } }),
);
// Registered before the browser's own afterAll, so it runs after the browser has closed.
afterAll(() => fs.rmSync(profileDir, { recursive: true, force: true }));

const team = useWatchedTeam();
const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false, profileDir });

type DownloadItem = { filename: string; state: string; byExtensionId?: string };
type DownloadsGlobal = { chrome: { downloads: { search(query: object): Promise<DownloadItem[]> } } };

/** The downloads the browser knows of, as the extension's service worker sees them. */
const downloads = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as DownloadsGlobal).chrome.downloads.search({}));

const inPanel = (page: Page, testid: string) => page.locator(`${OVERLAY_TAG} [data-testid="${testid}"]`);

/** What must never leave: the note's text, the token and its signature alone. */
function expectNothingPrivate(text: string): void {
  expect(text).not.toContain(NOTE);
  expect(text).not.toContain(team.aliceToken());
  expect(text).not.toContain(team.aliceToken().split('.')[2]!);
}

function cliParse(file: string): ParseResult {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'cli/creditlens.mjs'), 'parse', file], { encoding: 'utf8' });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout);
  }
  return ParseResult.parse(JSON.parse(out));
}

async function reportWith(page: Page, comment: string): Promise<void> {
  await inPanel(page, 'page-report-open').click();
  await inPanel(page, 'page-report-comment').fill(comment);
  await inPanel(page, 'page-report-send').click();
}

describe('读取有误？', () => {
  it('sends the page and the reading to the team server: stored under the user with the layout, read back alike by creditlens parse, no note or token in it', async () => {
    await connectTeam(browser(), team.server().url, team.aliceToken(), WAIT.timeout);
    const page = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(page);
    await expandOverlay(page);
    // A private note of the entity, written in the notes frame as a user does.
    await inPanel(page, 'notes-toggle').click();
    const notes = page.frameLocator('[data-testid="notes-frame"]');
    await notes.locator('[data-testid="note-text"]').fill(NOTE);
    await notes.locator('[data-testid="note-save"]').click();
    await expect.poll(() => notes.locator('[data-testid="note-item"]').allTextContents(), WAIT).toEqual([expect.stringContaining(NOTE)]);

    // The page's own script clicks through the open shadow root: nothing opens, nothing is sent.
    const synthetic = (testid: string) =>
      page.evaluate(
        ({ tag, id }) => {
          (document.querySelector(tag)?.shadowRoot?.querySelector(`[data-testid="${id}"]`) as HTMLElement).click();
        },
        { tag: OVERLAY_TAG, id: testid },
      );
    await synthetic('page-report-open');
    expect(await inPanel(page, 'page-report-comment').isVisible()).toBe(false);
    await inPanel(page, 'page-report-open').click();
    await synthetic('page-report-send');
    expect(await inPanel(page, 'page-report-status').getAttribute('data-state')).toBeNull();
    await inPanel(page, 'page-report-cancel').click();
    expect((await team.server().cli(['page-reports', 'list'])).stdout.trim().split('\n')).toHaveLength(1);

    await reportWith(page, '第二页的处罚没读到');
    await expect.poll(() => inPanel(page, 'page-report-status').getAttribute('data-state'), WAIT).toBe('sent');
    expect(await inPanel(page, 'page-report-status').textContent()).toBe('已发送，谢谢。管理员会据此修正读取。');
    expect(await inPanel(page, 'page-report-comment').isVisible()).toBe(false);

    const [, row] = (await team.server().cli(['page-reports', 'list', '--team', 't1'])).stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(row?.slice(2, 6)).toEqual(['t1', 'alice', 'gsxt-gov-cn', 'web-2026']);
    expect(row?.at(-1)).toBe('第二页的处罚没读到');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-e2e-reports-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect((await team.server().cli(['page-reports', 'export', dir])).code).toBe(0);
    const html = fs.readFileSync(path.join(dir, `${row![0]}.html`), 'utf8');
    const facts = fs.readFileSync(path.join(dir, `${row![0]}.json`), 'utf8');
    expect(
      html.startsWith(`<!-- saved from url=(${String(simPageUrl('listed-2026').length).padStart(4, '0')})${simPageUrl('listed-2026')} -->`),
    ).toBe(true);
    expect(html).not.toMatch(/<script|creditlens-overlay|creditlens-chip/i);
    const reread = cliParse(path.join(dir, `${row![0]}.html`));
    expect(reread.ok).toBe(true);
    expect(reread.reader?.layout).toBe('web-2026');
    expect(JSON.parse(facts)).toMatchObject({ user: 'alice', ok: true, reader: { site: 'gsxt-gov-cn', layout: 'web-2026' } });
    expectNothingPrivate(html);
    expectNothingPrivate(facts);
  });

  it('with the server stopped, saves the report of a page not understood as a file with the same JSON, and says why', async () => {
    await team.server().stop();
    const page = await browser().context.newPage();
    onTestFinished(() => page.close());
    // An entity page's address whose page no longer has what the reader looks for.
    await page.route(simPageUrl('clean-2026'), (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><meta charset="utf-8"><title>改版</title></head><body><div>网站已改版，本页内容正在更新中。</div></body></html>',
      }),
    );
    await page.goto(simPageUrl('clean-2026'));
    await waitForOverlay(page, ['not-understood']);
    await expandOverlay(page);
    // Playwright hands downloads to DevTools, which names a file itself (download.json): back to the browser's own
    // handling, which saves under the extension's name into the profile's download folder.
    const cdp = await browser().context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    const worker = browser().context.serviceWorkers()[0] as Worker;
    // The downloads API saves it from the background: no tab opens for it.
    const opened: Page[] = [];
    const watch = (tab: Page) => opened.push(tab);
    browser().context.on('page', watch);
    onTestFinished(() => void browser().context.off('page', watch));
    await reportWith(page, '改版后读不出来');
    await expect.poll(() => inPanel(page, 'page-report-status').getAttribute('data-state'), WAIT).toBe('saved');
    const said = await inPanel(page, 'page-report-status').textContent();
    expect(said).toMatch(
      /^未发送（无法连接团队服务器）。已保存为文件 读取问题-gsxt-gov-cn-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json，请把它交给团队管理员。$/,
    );

    await expect.poll(async () => (await downloads(worker)).map((d) => d.state), WAIT).toEqual(['complete']);
    const [item] = await downloads(worker);
    expect(item?.byExtensionId).toBe(browser().extensionId);
    expect(item?.filename).toBe(path.join(downloadDir, said!.match(/(读取问题-\S+\.json)/)![1]!));
    expect(opened).toEqual([]);
    const text = fs.readFileSync(item!.filename, 'utf8');
    const report = PageReport.parse(JSON.parse(text));
    expect(report).toMatchObject({
      url: simPageUrl('clean-2026'),
      comment: '改版后读不出来',
      result: { ok: false, reason: 'structure-changed' },
      reader: { site: 'gsxt-gov-cn' },
    });
    expect(report.html).toContain('网站已改版');
    expectNothingPrivate(text);
  });
});
