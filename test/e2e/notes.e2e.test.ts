/**
 * Private notes in the overlay's extension-origin frame: they survive closing the browser and starting it again with
 * the same profile, and the host page — its main world, where page scripts run — can read neither the saved notes
 * nor the text being typed: the frame is cross-origin, and nothing of it is mirrored into the page's DOM.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { readyOverlay } from './support/assertions.ts';
import { launchExtension, type ExtensionBrowser } from './support/browser.ts';
import { OVERLAY_TAG, expandOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const PAGE = 'listed-2026';

/** Opens the entity page, waits for the overlay, opens its notes frame. */
async function openNotes(browser: ExtensionBrowser): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await openSimPage(browser, PAGE);
  await readyOverlay(page);
  await expandOverlay(page);
  await page.locator('[data-testid="notes-toggle"]').click();
  const frame = page.frameLocator('[data-testid="notes-frame"]');
  await frame.locator('[data-testid="note-text"]').waitFor({ timeout: 10_000 });
  return { page, frame };
}

async function saveNote(frame: FrameLocator, text: string, tags: string): Promise<void> {
  await frame.locator('[data-testid="note-text"]').fill(text);
  await frame.locator('[data-testid="note-tags"]').fill(tags);
  await frame.locator('[data-testid="note-save"]').click();
  await expect
    .poll(() => frame.locator('[data-testid="note-item"]').allTextContents(), { timeout: 10_000 })
    .toEqual(expect.arrayContaining([expect.stringContaining(text)]));
}

describe('notes survive a restart', () => {
  const profileDir = mkdtempSync(join(tmpdir(), 'creditlens-e2e-profile-'));
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('a note saved before closing the browser is there after starting it with the same profile', async () => {
    const text = `现场核查：仓库存放过期原料 ${randomUUID()}`;
    // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
    const launch = () =>
      launchExtension({
        profileDir,
        language: 'zh_CN',
        simPort: inject('simPort'),
        extensionDir: inject('extensionDir'),
        sidePanel: false,
      });
    const first = await launch();
    try {
      const { frame } = await openNotes(first);
      await saveNote(frame, text, '食品，复查');
    } finally {
      await first.close();
    }
    const second = await launch();
    try {
      const { frame } = await openNotes(second);
      await expect
        .poll(() => frame.locator('[data-testid="note-item"]').allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringContaining(text)]));
      expect(await frame.locator('[data-testid="note-item"]').filter({ hasText: text }).textContent()).toContain('复查');
    } finally {
      await second.close();
    }
  });
});

describe('the host page cannot read notes', () => {
  // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  it("neither a saved note nor the text being typed reaches the page's main world", async () => {
    const saved = `保密笔记 ${randomUUID()}`;
    const typing = `正在输入 ${randomUUID()}`;
    const { page, frame } = await openNotes(browser());
    await saveNote(frame, saved, '保密');
    await frame.locator('[data-testid="note-text"]').fill(typing);

    // Everything below runs in the page's main world, as a page script would.
    const seen = await page.evaluate(
      ({ tag, secrets }) => {
        const root = document.querySelector(tag)?.shadowRoot ?? null;
        const iframe = root?.querySelector('iframe[data-testid="notes-frame"]') ?? null;
        // A cross-origin frame's document throws on access; reaching it at all would be a leak.
        let windowReadable: boolean;
        try {
          windowReadable = (iframe as HTMLIFrameElement | null)?.contentWindow?.document !== undefined;
        } catch {
          windowReadable = false;
        }
        const places = {
          html: document.documentElement.outerHTML,
          text: document.documentElement.textContent ?? '',
          shadowHtml: root?.innerHTML ?? '',
          shadowText: root?.textContent ?? '',
          frameSrc: (iframe as HTMLIFrameElement | null)?.src ?? '',
        };
        return {
          hasFrame: iframe !== null,
          contentDocument: (iframe as HTMLIFrameElement | null)?.contentDocument ?? null,
          windowReadable,
          leaks: Object.entries(places)
            .filter(([, value]) => secrets.some((s) => value.includes(s)))
            .map(([place]) => place),
        };
      },
      { tag: OVERLAY_TAG, secrets: [saved, typing] },
    );

    expect(seen.hasFrame).toBe(true);
    expect(seen.contentDocument).toBeNull();
    expect(seen.windowReadable).toBe(false);
    expect(seen.leaks).toEqual([]);
  });
});
