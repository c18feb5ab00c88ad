/**
 * Takes the documentation's screenshots: the overlay on a listed entity, on the repeat offender (its findings opened),
 * and the popup. The real built extension in Debian's Chromium on the simulated sites; Chinese text needs a CJK font
 * (`apt-get install fonts-noto-cjk`), at 1366×768 and 1920×1080. Run: `npm run build && npx tsx test/e2e/screenshots.ts`
 * → docs/images/overlay-*-1366.png, overlay-*-1920.png, popup-recent.png.
 */
import { fileURLToPath } from 'node:url';
import { startSimSite } from '../sim-site/server.ts';
import { launchExtension } from './support/browser.ts';
import { simPageUrl } from './support/hosts.ts';
import { expandOverlay, waitForCompletePaint } from './support/overlay.ts';

const DOCS = fileURLToPath(new URL('../../docs/images/', import.meta.url));
/** The screens staff use: a 1366×768 office laptop and a 1920×1080 monitor; a fresh profile for each, as a new user. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const site = await startSimSite({ port: 0 });
try {
  for (const size of SIZES) {
    const browser = await launchExtension({ language: 'zh_CN', simPort: site.port });
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(simPageUrl('listed-2026'));
      await waitForCompletePaint(page);
      // Open the penalty section as a person would, so its rows carry their chips.
      await page.getByText('行政处罚信息', { exact: true }).first().click();
      await page.locator('creditlens-chip').first().waitFor();
      // As the page first shows: under 1600 px the panel is folded to its tab beside the page, above it is open.
      await page.screenshot({ path: `${DOCS}overlay-listed-${size.width}.png` });

      await page.goto(simPageUrl('repeat-2017'));
      await waitForCompletePaint(page);
      await page.getByText('行政处罚信息', { exact: true }).first().click();
      await expandOverlay(page);
      await page.locator('creditlens-overlay [data-testid=finding][data-rule]').first().locator('summary').click();
      await page.screenshot({ path: `${DOCS}overlay-repeat-offender-${size.width}.png` });

      if (size.width === 1366) {
        const popup = await browser.openPopup();
        await popup.setViewportSize({ width: 420, height: 560 });
        await popup.getByTestId('lookup-hit').first().waitFor();
        await popup.screenshot({ path: `${DOCS}popup-recent.png` });
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await site.close();
}
