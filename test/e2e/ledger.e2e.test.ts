/**
 * The team ledger page end to end: a team document of 2,000 entities (plus the listed company of the simulated gsxt
 * site) seeded into the real sync server by a headless client; a staff member's browser connects with a member token,
 * views the listed company's page (so one entity has a local snapshot), and opens ledger.html from the popup. The
 * table keeps only the visible rows in the DOM; a filter and a search narrow it; a bulk status change reaches the
 * server (the seeding client sees it); a row opens the local snapshot; the report preview shows the figures of core's
 * workReport — the same the server's report endpoint answers — and its XLSX download reads back as the table. The
 * notes frame's link opens the page too.
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTeamEntity, readTeamEntities, readTeamEntity, reportTable, workReport } from '#core';
import { ledgerDoc } from '../support/extension/test-ledger.ts';
import { ENTITIES } from '../sim-site/entities.ts';
import { synced, until, type TeamClient } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';
import { readyOverlay } from './support/assertions.ts';
import { openPopup, openSimPage, useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';
import { expandOverlay } from './support/overlay.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });

const N = 2_000;
const WAIT = { timeout: 20_000 };
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const UNIT = '示例市市场监督管理局';
const LISTED = ENTITIES.listed.record.entity;
const team = useTeamServer({ t1: { alice: 'member', seeder: 'member' } });
let seeder: TeamClient | undefined;

beforeAll(async () => {
  seeder = team.client('t1', 'seeder');
  await synced(seeder);
  Y.applyUpdate(seeder.doc, Y.encodeStateAsUpdate(ledgerDoc(N)));
  ensureTeamEntity(
    seeder.doc,
    { name: LISTED.name, uscc: LISTED.uscc, legalRepresentative: LISTED.legalRepresentative },
    { by: 'seeder', at: '2026-11-30T01:00:00.000Z' },
  );
});

describe('the team ledger page', () => {
  // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  it('lists, filters, changes status in bulk, opens a snapshot, previews the report, downloads its XLSX and remembers the 填报单位', async () => {
    await connectTeam(browser(), team.server().url, team.token('t1', 'alice'), WAIT.timeout);
    const site = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(site);
    await expandOverlay(site);

    // Opened from the notes frame on the entity page (a link to a new tab) …
    await site.locator('[data-testid="notes-toggle"]').click();
    const link = site.frameLocator('[data-testid="notes-frame"]').locator('[data-testid="open-ledger"]');
    await link.waitFor(WAIT);
    const [fromFrame] = await Promise.all([browser().context.waitForEvent('page'), link.click()]);
    await fromFrame.waitForLoadState();
    expect(fromFrame.url()).toBe(`chrome-extension://${browser().extensionId}/ledger.html`);
    await fromFrame.locator('[data-testid="ledger-table"]').waitFor(WAIT);
    await fromFrame.close();

    // … and from the popup, in a tab of its own.
    const popup = await openPopup(browser());
    const [ledger] = await Promise.all([browser().context.waitForEvent('page'), popup.locator('[data-testid="open-ledger"]').click()]);
    expect(ledger.url()).toBe(`chrome-extension://${browser().extensionId}/ledger.html`);
    await ledger.setViewportSize({ width: 1280, height: 800 });
    const count = ledger.locator('[data-testid="ledger-count"]');
    await expect.poll(() => count.textContent(), WAIT).toBe(`显示 ${N + 1} 条，共 ${N + 1} 条`);
    // Virtualised: a screenful of rows in the DOM, not 2,001.
    const rows = await ledger.locator('[data-testid="ledger-row"]').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);

    // Filter and search: status 核查中 (i % 6 === 1) with a note about expired stock (i % 13 === 0).
    await ledger.locator('[data-testid="ledger-filter-status"]').selectOption('verifying');
    await ledger.locator('[data-testid="ledger-search"]').fill('过期原料');
    const expected = Array.from({ length: N }, (_, i) => i).filter((i) => i % 6 === 1 && i % 13 === 0);
    await expect.poll(() => count.textContent(), WAIT).toBe(`显示 ${expected.length} 条，共 ${N + 1} 条`);

    // Bulk: all shown set to 已立案; the change reaches the server and the seeding client.
    await ledger.locator('[data-testid="ledger-select-all"]').check();
    await ledger.locator('[data-testid="ledger-bulk-status"]').selectOption('case-filed');
    await ledger.locator('[data-testid="ledger-bulk-apply"]').click();
    await expect.poll(() => ledger.locator('[data-testid="ledger-outcome"]').textContent(), WAIT).toContain(`已修改 ${expected.length} 条`);
    const key = (i: number) => `91330100MA${String(i).padStart(8, '0')}`;
    await until(
      () =>
        expected.every((i) => {
          const read = readTeamEntity(seeder!.doc, key(i));
          return read?.ok === true && read.value.status === 'case-filed' && read.value.updatedBy === 'alice';
        }),
      'the bulk change at the seeding client',
      WAIT.timeout,
    );
    // 已立案 with the same search: the rows just changed, and those that were 已立案 already (i % 6 === 2).
    await ledger.locator('[data-testid="ledger-filter-status"]').selectOption('case-filed');
    const filedBefore = Array.from({ length: N }, (_, i) => i).filter((i) => i % 6 === 2 && i % 13 === 0);
    await expect.poll(() => count.textContent(), WAIT).toContain(`显示 ${expected.length + filedBefore.length} 条`);

    // The listed company was seen on this computer: its row opens the snapshot and the page it came from.
    await ledger.locator('[data-testid="ledger-filter-clear"]').click();
    await ledger.locator('[data-testid="ledger-search"]').fill(LISTED.uscc!);
    await expect.poll(() => count.textContent(), WAIT).toBe(`显示 1 条，共 ${N + 1} 条`);
    await ledger.locator('[data-testid="ledger-open"]').click();
    const hit = ledger.locator('[data-testid="ledger-detail"] [data-testid="lookup-hit"]');
    await hit.waitFor(WAIT);
    expect(await hit.locator('[data-testid="hit-serious"]').textContent()).toBe('已列入');
    expect(await hit.locator('[data-testid="hit-open"]').getAttribute('href')).toBe(site.url());
    // 修改记录: the background asks the server (its HTTP route, cross-origin with the token); the record's making is
    // attributed to the seeder's token, in 北京时间.
    const history = ledger.locator('[data-testid="ledger-detail"] [data-testid="ledger-history-entry"]');
    await history.first().waitFor(WAIT);
    expect(await history.last().textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间） · seeder修改：新建记录、/);

    // The report: core's figures, the server's figures, and the XLSX read back.
    await ledger.locator('[data-testid="ledger-tab-report"]').click();
    await ledger.locator('[data-testid="report-from"]').fill(PERIOD.from);
    await ledger.locator('[data-testid="report-to"]').fill(PERIOD.to);
    await ledger.locator('[data-testid="report-unit"]').fill(UNIT);
    const report = workReport(readTeamEntities(seeder!.doc), PERIOD);
    expect(report.total.listed).toBeGreaterThan(0);
    const table = reportTable(report, { unit: UNIT });
    const shown = await ledger
      .locator('[data-testid="report-row"]')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    expect(shown).toEqual(table.slice(4).map((row) => row.map(String)));
    const answer = await fetch(`${team.server().httpUrl}/team/t1/report?from=${PERIOD.from}&to=${PERIOD.to}&format=json`, {
      headers: { authorization: `Bearer ${team.token('t1', 'alice')}` },
    });
    expect(await answer.json()).toEqual(report);

    const [download] = await Promise.all([ledger.waitForEvent('download'), ledger.locator('[data-testid="report-xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe(`经营主体严重违法失信行为专项治理行动工作情况表_${PERIOD.from}_${PERIOD.to}.xlsx`);
    const sheet = await readSheet(readFileSync(await download.path()));
    expect(sheet.map((row) => row.filter((cell) => cell !== null))).toEqual(table);
    await ledger.close();

    // The 填报单位 is there again the next time the ledger opens.
    const again = await browser().context.newPage();
    await again.goto(`chrome-extension://${browser().extensionId}/ledger.html`);
    await again.locator('[data-testid="ledger-tab-report"]').click();
    expect(await again.locator('[data-testid="report-unit"]').inputValue()).toBe(UNIT);
    await again.close();
  });
});
