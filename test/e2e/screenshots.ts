/**
 * Takes the documentation's screenshots: the overlay on a listed entity, on the repeat offender (its findings opened),
 * and the popup. The real built extension in Debian's Chromium on the simulated sites; Chinese text needs a CJK font
 * (`apt-get install fonts-noto-cjk`). Run: `npm run build && npx tsx test/e2e/screenshots.ts` → docs/images/*.png.
 */
import { fileURLToPath } from 'node:url';
import { startSimSite } from '../sim-site/server.ts';
import { launchExtension } from './support/browser.ts';
import { simPageUrl } from './support/hosts.ts';
import { expandOverlay, waitForCompletePaint } from './support/overlay.ts';

const DOCS = fileURLToPath(new URL('../../docs/images/', import.meta.url));
const site = await startSimSite({ port: 0 });
const browser = await launchExtension({ language: 'zh_CN', simPort: site.port });
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 760 });

  await page.goto(simPageUrl('listed-2026'));
  await waitForCompletePaint(page);
  // Open the penalty section as a person would, so its rows carry their chips.
  await page.getByText('行政处罚信息', { exact: true }).first().click();
  await page.locator('creditlens-chip').first().waitFor();
  // Under 1600 px the panel starts folded to its tab; the screenshot shows it open, as the README describes it.
  await expandOverlay(page);
  await page.screenshot({ path: `${DOCS}overlay-listed.png` });

  await page.goto(simPageUrl('repeat-2017'));
  await waitForCompletePaint(page);
  await page.getByText('行政处罚信息', { exact: true }).first().click();
  // The same site remembers it open (the click above); opened again only if it is folded.
  await expandOverlay(page);
  await page.locator('creditlens-overlay [data-testid=finding][data-rule]').first().locator('summary').click();
  await page.screenshot({ path: `${DOCS}overlay-repeat-offender.png` });

  const popup = await browser.openPopup();
  await popup.setViewportSize({ width: 420, height: 560 });
  await popup.getByTestId('lookup-hit').first().waitFor();
  await popup.screenshot({ path: `${DOCS}popup-recent.png` });
} finally {
  await browser.close();
  await site.close();
}
