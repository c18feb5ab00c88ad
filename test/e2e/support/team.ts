/** Joining a team from the options page, as a user does: the server's address and the token, saved and connected. */
import { expect } from 'vitest';
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
