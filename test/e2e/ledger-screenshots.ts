/**
 * Takes the documentation's screenshots of the team ledger page: the table (filtered, one row opened with its snapshot)
 * and the work report preview. The real built extension in Debian's Chromium, connected to the real sync server seeded
 * with the ledger test document; Chinese text needs a CJK font (`apt-get install fonts-noto-cjk`).
 * Run: `npm run build && npx tsx test/e2e/ledger-screenshots.ts` → docs/images/ledger-*.png, ledger-report-*.png,
 * ledger-charts-*.png, each at 1366×768 and 1920×1080.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { ensureTeamEntity, updateTeamEntity } from '#core';
import { ledgerDoc } from '../support/extension/test-ledger.ts';
import { ENTITIES } from '../sim-site/entities.ts';
import { startSimSite } from '../sim-site/server.ts';
import { startSyncServer, synced, teamClient } from '../support/sync-server.ts';
import { launchExtension } from './support/browser.ts';
import { simPageUrl } from './support/hosts.ts';
import { waitForCompletePaint } from './support/overlay.ts';

const DOCS = fileURLToPath(new URL('../../docs/images/', import.meta.url));
const LISTED = ENTITIES.listed.record.entity;
const site = await startSimSite({ port: 0 });
const server = await startSyncServer();
const tokens = await server.team('t1', { alice: 'member', seeder: 'member' });
const seeder = teamClient(server, 't1', tokens.seeder!);
await synced(seeder);
Y.applyUpdate(seeder.doc, Y.encodeStateAsUpdate(ledgerDoc(2_000)));
const edit = { by: 'wang', at: '2026-11-30T01:00:00.000Z' };
ensureTeamEntity(seeder.doc, { name: LISTED.name, uscc: LISTED.uscc, legalRepresentative: LISTED.legalRepresentative }, edit);
updateTeamEntity(seeder.doc, LISTED.uscc!, { status: 'listed', domain: 'FOOD', assignee: 'alice' }, edit);
const browser = await launchExtension({ language: 'zh_CN', simPort: site.port });
try {
  // As connectTeam (support/team.ts) does, without vitest's expect.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('[data-testid="team-server"]').fill(server.url);
  await options.locator('[data-testid="team-token"]').fill(tokens.alice!);
  await options.locator('[data-testid="team-connect"]').click();
  await options.locator('[data-testid="team-connection"][data-state="connected"]').waitFor({ timeout: 15_000 });
  await options.close();
  const page = await browser.context.newPage();
  await page.goto(simPageUrl('listed-2026'));
  await waitForCompletePaint(page);

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    const ledger = await browser.context.newPage();
    await ledger.setViewportSize(size);
    await ledger.goto(`chrome-extension://${browser.extensionId}/ledger.html`);
    await ledger.locator('[data-testid="ledger-row"]').first().waitFor({ timeout: 30_000 });
    await ledger.locator('[data-testid="ledger-filter-domain"]').selectOption('FOOD');
    await ledger.locator('[data-testid="ledger-search"]').fill('示例市');
    await ledger.locator('[data-testid="ledger-select"]').nth(1).check();
    await ledger.locator('[data-testid="ledger-select"]').nth(2).check();
    await ledger.locator('[data-testid="ledger-search"]').fill(LISTED.name);
    await ledger.locator('[data-testid="ledger-open"]').first().click();
    await ledger.locator('[data-testid="ledger-detail"] [data-testid="lookup-hit"]').waitFor();
    await ledger.locator('[data-testid="ledger-search"]').fill('示例市');
    await ledger.waitForTimeout(300);
    await ledger.screenshot({ path: `${DOCS}ledger-${size.width}.png` });

    await ledger.locator('[data-testid="ledger-tab-report"]').click();
    await ledger.locator('[data-testid="report-from"]').fill('2026-01-01');
    await ledger.locator('[data-testid="report-to"]').fill('2026-06-30');
    await ledger.locator('[data-testid="report-unit"]').fill('示例市市场监督管理局');
    await ledger.screenshot({ path: `${DOCS}ledger-report-${size.width}.png` });

    await ledger.locator('[data-testid="ledger-tab-charts"]').click();
    await ledger.waitForTimeout(500);
    await ledger.screenshot({ path: `${DOCS}ledger-charts-${size.width}.png` });
    await ledger.close();
  }
} finally {
  await browser.close();
  seeder.destroy();
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
  await site.close();
}
