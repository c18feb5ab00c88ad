/** Joining a team from the options page, as a user does: the server's address and the token, saved and connected. */
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

export async function connectTeam(browser: ExtensionBrowser, serverUrl: string, token: string, timeout = 15_000): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.locator('[data-testid="team-server"]').fill(serverUrl);
    await page.locator('[data-testid="team-token"]').fill(token);
    await page.locator('[data-testid="team-connect"]').click();
    await expect.poll(() => page.locator('[data-testid="team-connection"]').getAttribute('data-state'), { timeout }).toBe('connected');
  } finally {
    await page.close();
  }
}

/**
 * Picks an option of a select with the keyboard, as a user does: the notes frame acts only on the user's own events,
 * and Playwright's selectOption dispatches script-made ones (not `isTrusted`), which it rightly ignores.
 */
export async function chooseOption(select: Locator, value: string): Promise<void> {
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const steps = values.indexOf(value) - values.indexOf(await select.inputValue());
  if (!values.includes(value)) throw new Error(`no option ${value}`);
  await select.focus();
  for (let i = 0; i < Math.abs(steps); i++) await select.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
}
