/**
 * Script payloads in page data stay text: xss-2017 carries `<img onerror>`, `<script>` and `"><svg onload>` in the
 * entity name and in penalty cells (shown by the page itself as literal text). Reading them must never turn them
 * into markup — not in the overlay's shadow root, not in the chips, not in the notes frame — and none may run
 * (each would set window.__clxss or open a dialog).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Dialog, Frame, Page } from 'playwright-core';
import { ENTITIES, XSS_MARKER } from '../sim-site/entities.ts';
import { expectChips, readyOverlay } from './support/assertions.ts';
import { expectedOverlay, expectedRead } from './support/expected.ts';
import { expandOverlay, fraction } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Elements that would mean page text became markup (or a payload's element survived somewhere). */
const ACTIVE = ['img', 'svg', 'script', 'object', 'embed', 'image'];

function marker(target: Page | Frame): Promise<unknown> {
  return target.evaluate((name) => Reflect.get(window, name) as unknown, XSS_MARKER);
}

describe('script payloads in page data', () => {
  // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });
  const entity = ENTITIES.xss.record;

  it('xss-2017: the overlay reads the payloads as text, and none runs', async () => {
    const dialogs: string[] = [];
    const page = await openSimPage(browser(), 'xss-2017', (tab) => {
      tab.on('dialog', (dialog: Dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });
    const view = await readyOverlay(page);
    const exp = expectedOverlay('xss');

    // The record was read whole: the payloads broke nothing.
    const read = expectedRead('xss-2017');
    expect(fraction(view.completeness)).toEqual([read.read, read.total]);
    expect(view.tags.filter((tag) => ACTIVE.includes(tag) || tag === 'iframe')).toEqual([]);

    // Decision numbers the overlay names (in its findings) appear as literal text, payload included.
    const named = new Set(exp.assessment.findings.flatMap((f) => f.recordIds));
    const shown = entity.penalties.filter((x) => named.has(x.id));
    expect(shown.length, 'the heavy P1 is named in a finding').toBeGreaterThan(0);
    for (const p of shown) expect(view.text).toContain(p.decisionNo);

    // Every payload row got its chip, matched on the literal text of its decision number.
    await expectChips(page, '#needPaging_punish', exp, entity.penalties.length);

    expect(
      await page.evaluate(
        (tags) => document.querySelectorAll(tags.join(',')).length,
        ACTIVE.filter((t) => t !== 'script'),
      ),
    ).toBe(0);
    expect(await page.evaluate(() => Array.from(document.scripts).some((s) => s.text.includes('__clxss')))).toBe(false);
    await page.waitForTimeout(500);
    expect(await marker(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('xss-2017: the notes frame shows the name with its payload as text', async () => {
    const page = await openSimPage(browser(), 'xss-2017');
    await readyOverlay(page);
    await expandOverlay(page);
    await page.locator('[data-testid="notes-toggle"]').click();
    const frame = page.frameLocator('[data-testid="notes-frame"]');
    await expect.poll(() => frame.locator('[data-testid="notes-entity"]').textContent(), { timeout: 10_000 }).toBe(entity.entity.name);
    const notes = page.frames().find((f) => f.url().includes('/notes.html'));
    expect(notes).toBeDefined();
    if (!notes) return;
    expect(
      await notes.evaluate(
        (tags) => document.querySelectorAll(tags.join(',')).length,
        ACTIVE.filter((t) => t !== 'script'),
      ),
    ).toBe(0);
    expect(await marker(notes)).toBeUndefined();
    expect(await marker(page)).toBeUndefined();
  });
});
