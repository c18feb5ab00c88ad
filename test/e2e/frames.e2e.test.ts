/**
 * Invisible framing of the notes frame (UI redress), in a real Chromium with the built extension and the real sync
 * server. The page's own script loads notes.html for the entity in a frame of its own — once at opacity 0, once
 * covered by another element — and a real mouse click lands on that frame's 分享给团队 and 处理状态: nothing reaches
 * the team document (read by a team client of the test's own). The overlay's own frame, visible, shares the same
 * note after the confirmation; covered by the page, it pauses its buttons.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { readyOverlay } from './support/assertions.ts';
import { OVERLAY_TAG, expandOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';
import { useWatchedTeam } from './support/watched-team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const PAGE = 'listed-2026';
const WAIT = { timeout: 15_000 };
const ATTACK_ID = 'attack-frame';

const team = useWatchedTeam();
const teamRecord = (key: string) => team.record(key);

/** The overlay's notes frame, open, with its team record loaded; the address it was opened with (no token in it). */
async function openOwnNotes(page: Page): Promise<{ frame: FrameLocator; base: string; key: string }> {
  await readyOverlay(page);
  await expandOverlay(page);
  await page.locator('[data-testid="notes-toggle"]').click();
  const frame = page.frameLocator('[data-testid="notes-frame"]');
  await frame.locator('[data-testid="team-panel"] [data-testid="team-connection"]').waitFor(WAIT);
  const src = await page.evaluate(
    (tag) => (document.querySelector(tag)?.shadowRoot?.querySelector('iframe[data-testid="notes-frame"]') as HTMLIFrameElement).src,
    OVERLAY_TAG,
  );
  // The token was posted into the frame: nothing the page can read from the open shadow root carries it.
  expect(src).not.toMatch(/#|token/);
  const shadowHtml = await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.innerHTML ?? '', OVERLAY_TAG);
  expect(shadowHtml).not.toMatch(/token=/);
  return { frame, base: src, key: new URL(src).searchParams.get('key') ?? '' };
}

/**
 * The page's own script (as a hostile script on the credit page would): notes.html for the entity in a frame of its
 * own, hidden by opacity 0 or under an element that lets clicks through, at a fixed place on the page.
 */
async function plantFrame(page: Page, url: string, hiding: 'opacity' | 'covered'): Promise<Frame> {
  await page.evaluate(
    ({ url, hiding, id }) => {
      const frame = document.createElement('iframe');
      frame.id = id;
      frame.src = url;
      frame.style.cssText = `position:fixed;left:20px;top:8px;width:360px;height:700px;border:0;z-index:2147483000;${hiding === 'opacity' ? 'opacity:0;' : ''}`;
      document.body.append(frame);
      if (hiding === 'covered') {
        const cover = document.createElement('div');
        cover.textContent = '点击领取优惠';
        cover.style.cssText =
          'position:fixed;left:0;top:0;width:420px;height:720px;background:#fff;z-index:2147483001;pointer-events:none;';
        document.body.append(cover);
      }
    },
    { url, hiding, id: ATTACK_ID },
  );
  const handle = await page.waitForSelector(`#${ATTACK_ID}`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the planted frame has no content');
  return frame;
}

/** A real mouse click at the middle of an element of the planted frame, wherever the page put it. */
async function clickAt(page: Page, frame: Frame, selector: string): Promise<void> {
  const box = await frame.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not laid out`);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  // What a click there hits is the planted frame (the cover lets clicks through), as the attack needs.
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x, y })).toBe(ATTACK_ID);
  await page.mouse.click(x, y);
}

describe('a frame the page loads itself cannot act', () => {
  // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
  const alice = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  it('a real click on the hidden frame shares nothing and changes no status; the overlay\u2019s frame shares after 确认', async () => {
    await connectTeam(alice(), team.server().url, team.aliceToken(), WAIT.timeout);
    const page = await openSimPage(alice(), PAGE);
    const own = await openOwnNotes(page);

    // A private note and the team record, made in the overlay's own frame.
    const secret = `私人笔记：举报人电话 ${randomUUID()}`;
    await own.frame.locator('[data-testid="note-text"]').fill(secret);
    await own.frame.locator('[data-testid="note-save"]').click();
    await own.frame.locator('[data-testid="note-share"]').waitFor(WAIT);
    await own.frame.locator('[data-testid="team-create"]').click();
    await own.frame.locator('[data-testid="team-record"]').waitFor(WAIT);
    await expect.poll(() => teamRecord(own.key)?.notes.length, WAIT).toBe(0);

    for (const hiding of ['opacity', 'covered'] as const) {
      const planted = await plantFrame(page, own.base, hiding);
      await planted.locator('[data-testid="note-share"]').waitFor(WAIT);
      await planted.locator('[data-testid="team-status"]').waitFor(WAIT);
      // The page posts its frame a token of the right form, as the overlay would: one it cannot know is refused.
      await page.evaluate(
        (id) =>
          (document.getElementById(id) as HTMLIFrameElement).contentWindow?.postMessage(
            { type: 'creditlens:frame-token', token: 'A'.repeat(43) },
            '*',
          ),
        ATTACK_ID,
      );
      await clickAt(page, planted, '[data-testid="note-share"]');
      await clickAt(page, planted, '[data-testid="team-status"]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await clickAt(page, planted, '[data-testid="team-assign-me"]');
      await page.waitForTimeout(1_000);
      expect(teamRecord(own.key), hiding).toMatchObject({ notes: [], status: null, assignee: null });
      // It says why it is read-only (seen only by whoever makes it visible).
      expect(await planted.locator('[data-testid="frame-readonly"]').textContent()).toContain('只能查看，不能修改');
      await page.evaluate(
        (id) => document.querySelectorAll(`#${id}, body > div[style*="pointer-events"]`).forEach((n) => n.remove()),
        ATTACK_ID,
      );
    }

    // The overlay's own frame, visible: 分享给团队 asks first, then shares.
    await own.frame.locator('[data-testid="note-share"]').click();
    await own.frame.locator('[data-testid="frame-confirm"]').waitFor(WAIT);
    expect(teamRecord(own.key)?.notes).toEqual([]);
    await own.frame.locator('[data-testid="frame-confirm-yes"]').click();
    await expect.poll(() => teamRecord(own.key)?.notes.map((n) => n.text), WAIT).toEqual([secret]);
    expect(await own.frame.locator('[data-testid="notes-status"]').textContent()).toBe('已分享给团队');
  });

  it('the overlay\u2019s own frame, covered by the page, pauses its buttons until it is uncovered', async () => {
    const page = await openSimPage(alice(), PAGE);
    const own = await openOwnNotes(page);
    await expect.poll(() => own.frame.locator('[data-testid="note-save"]').isEnabled(), WAIT).toBe(true);
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = 'position:fixed;inset:0;background:rgba(255,255,255,.5);z-index:2147483647;pointer-events:none;';
      document.body.append(cover);
    });
    await own.frame.locator('[data-testid="frame-hidden"]').waitFor(WAIT);
    expect(await own.frame.locator('[data-testid="note-save"]').isDisabled()).toBe(true);
    await page.evaluate(() => document.getElementById('cover')?.remove());
    await expect.poll(() => own.frame.locator('[data-testid="note-save"]').isEnabled(), WAIT).toBe(true);
  });

  it('the overlay\u2019s own frame keeps its grant when the idle service worker is stopped and started again', async () => {
    const page = await openSimPage(alice(), PAGE);
    const own = await openOwnNotes(page);
    await expect.poll(() => own.frame.locator('[data-testid="note-save"]').isEnabled(), WAIT).toBe(true);
    // A mark in the worker's global: gone afterwards shows that the notes were saved by a new worker.
    const worker = alice().context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    await worker.evaluate(() => Object.assign(globalThis, { creditlensTestMark: 1 }));
    const cdp = await alice().context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.endsWith('/background.js'));
    if (!target) throw new Error('no service worker target');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    const text = `停止后保存 ${randomUUID()}`;
    await own.frame.locator('[data-testid="note-text"]').fill(text);
    await own.frame.locator('[data-testid="note-save"]').click();
    await own.frame.getByRole('listitem').filter({ hasText: text }).getByTestId('note-share').waitFor(WAIT);
    expect(await own.frame.locator('[data-testid="notes-status"]').textContent()).not.toMatch(/refused|失败/);
    expect(await own.frame.getByText(text).count()).toBeGreaterThan(0);
    const marks = await Promise.all(
      alice()
        .context.serviceWorkers()
        .map((w) => w.evaluate(() => (globalThis as { creditlensTestMark?: number }).creditlensTestMark ?? null)),
    );
    expect(marks).toEqual([null]);
  });
});
