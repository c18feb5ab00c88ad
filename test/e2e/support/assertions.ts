/**
 * Assertions the overlay scenarios share: the status lines as the extension's messages write them for an expected
 * assessment, and the chips on the page's own penalty rows. Isolates how an expectation is compared with what the
 * page's main world sees.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { UiLanguage } from './browser.ts';
import { message, messagePattern, type ExpectedOverlay } from './expected.ts';
import { CHIP_TAG, chipsIn, waitForCompletePaint, waitForOverlay, type OverlayView } from './overlay.ts';

/** The overlay after the complete read was painted (state ready and data-complete-paint set). */
export async function readyOverlay(page: Page): Promise<OverlayView> {
  await waitForOverlay(page, ['ready']);
  return waitForCompletePaint(page);
}

/** The four status lines as the overlay must write them for `exp`. */
export function expectStatuses(view: OverlayView, exp: ExpectedOverlay, language: UiLanguage): void {
  const { serious, abnormal, penalties, repeat } = exp.lines;
  expect(view.serious, 'serious-status').toBe(message(language, ...serious));
  expect(view.abnormal, 'abnormal-status').toBe(message(language, ...abnormal));
  // The window's years may be written as a numeral or in Chinese (近 三 年); the count is what matters.
  expect(view.penalties, 'penalties-3y').toMatch(messagePattern(language, ...(penalties.map(String) as [string, ...string[]])));
  if (penalties[0] !== 'overlay_penalties_unread') {
    for (const [domain, count] of exp.byDomain)
      expect(view.penalties, `penalties-3y ${domain}`).toContain(`${message(language, `domain_${domain}`)} ${count}`);
  }
  expect(view.repeat, 'repeat-offender').toBe(message(language, ...repeat));
}

/** Exactly `rows` chips in `table`, each on a row of one of the record's decisions, with its domain and weight. */
export async function expectChips(page: Page, table: string, exp: ExpectedOverlay, rows: number): Promise<void> {
  await page
    .waitForFunction(
      ({ selector, tag, n }) => document.querySelectorAll(`${selector} ${tag}`).length >= n,
      { selector: table, tag: CHIP_TAG, n: rows },
      { timeout: 10_000 },
    )
    .catch(() => {});
  const chips = await chipsIn(page, table);
  expect(chips, `chips in ${table}`).toHaveLength(rows);
  for (const chip of chips) {
    const mark = [...exp.chips].find(([decisionNo]) => chip.rowText.includes(decisionNo))?.[1];
    expect(mark, chip.rowText).toBeDefined();
    expect(chip.domain, chip.rowText).toBe(mark?.domain);
    expect(chip.heavy, chip.rowText).toBe(String(mark?.heavy));
  }
}
