/**
 * Renders extension/assets-src/icon.svg to the PNG sizes the manifest names (16, 32, 48, 128) in the real
 * Chromium the e2e tests use, with a transparent background. Run after changing the SVG:
 * `npx tsx extension/assets-src/render-icons.ts`; the PNGs are committed (WXT finds them in public/icon/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const svg = readFileSync(fileURLToPath(new URL('icon.svg', import.meta.url)), 'utf8');
const out = fileURLToPath(new URL('../public/icon/', import.meta.url));
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `${out}${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
