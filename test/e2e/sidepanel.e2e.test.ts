/**
 * Notes and the team record in the browser's side panel (Chromium 114+), in a real Chromium with the built extension
 * and the real sync server. 笔记与团队台账 opens the real side panel beside the tab (no frame in the page); a private
 * note and the team record are written there with real input (read back by the test's own team client); the panel
 * follows tab switches and navigations, and says when the tab shows no entity. A page cannot load sidepanel.html,
 * and where the side panel cannot open, the button falls back to the in-page frame.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { entityKey } from '#core';
import { ENTITIES, pageByName } from '../sim-site/entities.ts';
import { readyOverlay } from './support/assertions.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { OVERLAY_TAG, expandOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { attachSidePanel, sidePanelTargets, type SidePanel } from './support/side-panel.ts';
import { connectTeam } from './support/team.ts';
import { useWatchedTeam } from './support/watched-team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const WAIT = { timeout: 15_000 };
const LISTED = ENTITIES[pageByName('listed-2026').entityKey ?? 'listed'].record.entity;
const CLEAN = ENTITIES[pageByName('clean-2026').entityKey ?? 'clean'].record.entity;

const team = useWatchedTeam();
const teamRecord = (key: string) => team.record(key);

const overlayFrames = (page: Page) =>
  page.evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.querySelectorAll('iframe[data-testid="notes-frame"]').length ?? -1,
    OVERLAY_TAG,
  );

/** The entity the side panel shows (its notes' heading), or its "no entity" notice. */
const shown = (panel: SidePanel) =>
  panel.evaluate<string>(
    `document.querySelector('[data-testid="notes-entity"]')?.textContent ?? document.querySelector('[data-testid="sidepanel-no-entity"] h1')?.textContent ?? ''`,
  );

type SessionGlobal = { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };

const switchOff = (browser: ExtensionBrowser, enabled: boolean) =>
  browser.context
    .serviceWorkers()[0]
    ?.evaluate(
      (on) =>
        (
          globalThis as unknown as { chrome: { sidePanel: { setOptions(o: { enabled: boolean }): Promise<void> } } }
        ).chrome.sidePanel.setOptions({ enabled: on }),
      enabled,
    );

describe('notes and the team record in the side panel', () => {
  const alice = useExtensionBrowser({ language: 'zh_CN' });
  let panel: SidePanel | undefined;
  afterAll(async () => panel?.detach());

  it('笔记与团队台账 opens the side panel beside the tab, where a note and the team record are written', async () => {
    await connectTeam(alice(), team.server().url, team.aliceToken(), WAIT.timeout);
    const page = await openSimPage(alice(), 'listed-2026');
    await readyOverlay(page);
    await expandOverlay(page);
    expect(await sidePanelTargets(page, alice().extensionId)).toEqual([]);
    await page.locator('[data-testid="notes-toggle"]').click();
    panel = await attachSidePanel(page, alice().extensionId);
    await expect.poll(() => shown(panel as SidePanel), WAIT).toBe(LISTED.name);
    // Beside the page, not over it: no frame was put into the page.
    expect(await overlayFrames(page)).toBe(0);

    const secret = `私人笔记 ${randomUUID()}`;
    await panel.type('[data-testid="note-text"]', secret);
    await panel.click('[data-testid="note-save"]');
    await expect
      .poll(
        () => panel?.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="note-item"] .text')].map((n) => n.textContent)`),
        WAIT,
      )
      .toEqual([secret]);

    const key = entityKey(LISTED);
    await expect.poll(() => panel?.evaluate<boolean>(`!!document.querySelector('[data-testid="team-create"]')`), WAIT).toBe(true);
    await panel.click('[data-testid="team-create"]');
    await expect.poll(() => teamRecord(key)?.name, WAIT).toBe(LISTED.name);
    const teamNote = `团队笔记 ${randomUUID()}`;
    await expect.poll(() => panel?.evaluate<boolean>(`!!document.querySelector('[data-testid="team-note-text"]')`), WAIT).toBe(true);
    await panel.type('[data-testid="team-note-text"]', teamNote);
    await panel.click('[data-testid="team-note-add"]');
    await expect.poll(() => teamRecord(key)?.notes.map((n) => n.text), WAIT).toEqual([teamNote]);
    // The private note stayed private: sharing is a separate, confirmed act.
    expect(JSON.stringify(teamRecord(key))).not.toContain(secret);

    // A script's click (not the user's) writes nothing, here as in the frame.
    await panel.evaluate(`document.querySelector('[data-testid="team-note-text"]').focus()`);
    await panel.evaluate(`(document.querySelector('[data-testid="team-assign-me"]')).click()`);
    await page.waitForTimeout(1_000);
    expect(teamRecord(key)?.assignee).toBeNull();
  });

  it('follows a switch to another tab and the tab\u2019s navigations, and says when the tab shows no entity', async () => {
    if (!panel) throw new Error('the side panel did not open');
    const listed = await openSimPage(alice(), 'listed-2026');
    const clean = await openSimPage(alice(), 'clean-2026');
    await clean.bringToFront();
    await expect.poll(() => shown(panel as SidePanel), WAIT).toBe(CLEAN.name);
    await listed.bringToFront();
    await expect.poll(() => shown(panel as SidePanel), WAIT).toBe(LISTED.name);
    await listed.goto(`${new URL(listed.url()).origin}${pageByName('search').path}`);
    await expect.poll(() => shown(panel as SidePanel), WAIT).toBe('当前标签页不是主体详情页');
    await listed.goBack();
    await expect.poll(() => shown(panel as SidePanel), WAIT).toBe(LISTED.name);
  });

  it('cannot be loaded by a page: sidepanel.html is no web-accessible resource', async () => {
    const page = await openSimPage(alice(), 'listed-2026');
    const url = `chrome-extension://${alice().extensionId}/sidepanel.html`;
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.id = 'planted';
      frame.src = src;
      document.body.append(frame);
    }, url);
    const frame = await (await page.waitForSelector('#planted')).contentFrame();
    await page.waitForTimeout(1_000);
    expect(frame?.url()).not.toBe(url);
    expect(
      await frame
        ?.evaluate(() => document.querySelector('[data-testid="team-panel"], [data-testid="sidepanel-no-entity"]'))
        .catch(() => null),
    ).toBeFalsy();
  });

  it('where the side panel cannot open, the button opens the in-page frame instead', async () => {
    await switchOff(alice(), false);
    try {
      const page = await openSimPage(alice(), 'listed-2026');
      await readyOverlay(page);
      await expandOverlay(page);
      await page.locator('[data-testid="notes-toggle"]').click();
      await page.frameLocator('[data-testid="notes-frame"]').locator('[data-testid="notes-entity"]').waitFor(WAIT);
      expect(await overlayFrames(page)).toBe(1);
    } finally {
      await switchOff(alice(), true);
    }
  });
});

describe('the side panel after the idle service worker was stopped', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });

  it('the click that wakes the worker still opens the side panel (its user gesture reaches the new worker)', async () => {
    const page = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(page);
    await expandOverlay(page);
    // Staff read a page for minutes: the browser stops the idle worker, and the click starts a new one. DevTools'
    // "stop" (ServiceWorker.stopAllWorkers) stops it at once, busy or not: closing its target waited for the events it was
    // handling, beyond 15 s in one full CI run in three.
    // Minutes later the worker has long kept which entity the tab shows (session storage): wait for that first, as a
    // forced stop would otherwise cut the write short.
    const kept = () =>
      browser()
        .context.serviceWorkers()[0]
        ?.evaluate(async () =>
          JSON.stringify((await (globalThis as unknown as SessionGlobal).chrome.storage.session.get('tabEntities')).tabEntities ?? null),
        );
    await expect.poll(kept, WAIT).toContain(LISTED.name);
    const cdp = await browser().context.newCDPSession(page);
    // The worker's own reports of its state: stopped once is what the click must come after (under load the browser
    // may start it again for an event before the test looks, as a real browser would).
    let reportedStopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) reportedStopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    const running = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.some(
        (info) => info.type === 'service_worker' && info.url.endsWith('/background.js'),
      );
    if (!(await running())) throw new Error('no service worker target');
    const stopped = async () => {
      if (reportedStopped || !(await running())) return true;
      await cdp.send('ServiceWorker.stopAllWorkers');
      return false;
    };
    await expect.poll(stopped, WAIT).toBe(true);
    await page.locator('[data-testid="notes-toggle"]').click();
    const panel = await attachSidePanel(page, browser().extensionId);
    try {
      await expect.poll(() => shown(panel), WAIT).toBe(LISTED.name);
      expect(await overlayFrames(page)).toBe(0);
    } finally {
      await panel.detach();
    }
  });
});
