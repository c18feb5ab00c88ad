/**
 * 穿透式监管 end to end: the team ledger marks another entity listed whose legal representative has the same name as
 * the clean company's; on the clean company's simulated gsxt page the overlay's person-link frame warns — as a
 * same-name match to verify (同名，需核实), naming and linking the other entity — and the page itself learns nothing.
 * The listed company's page, whose representative has no namesake, says there is none.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTeamEntity, updateTeamEntity } from '#core';
import { ENTITIES } from '../sim-site/entities.ts';
import { synced } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';
import { readyOverlay } from './support/assertions.ts';
import { expandOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const WAIT = { timeout: 15_000 };
const NAMESAKE = { name: '示例市另一家贸易有限公司', uscc: '91330100MA00000123' };
const team = useTeamServer({ t1: { alice: 'member', seeder: 'member' } });

beforeAll(async () => {
  const seeder = team.client('t1', 'seeder');
  await synced(seeder);
  const edit = { by: 'seeder', at: '2026-11-30T01:00:00.000Z' };
  ensureTeamEntity(seeder.doc, { ...NAMESAKE, legalRepresentative: ENTITIES.clean.record.entity.legalRepresentative }, edit);
  updateTeamEntity(seeder.doc, NAMESAKE.uscc, { status: 'listed' }, edit);
});

describe('person links on an entity page', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });

  it('warns about a listed entity with a same-name legal representative, only inside the extension frame', async () => {
    await connectTeam(browser(), team.server().url, team.token('t1', 'alice'), WAIT.timeout);
    const page = await openSimPage(browser(), 'clean-2026');
    await readyOverlay(page);
    // The frame shows in the open panel (folded at the e2e browser's width): opened as a person would.
    await expandOverlay(page);
    const frame = page.frameLocator('[data-testid="links-frame"]');
    const warning = frame.locator('[data-testid="person-links"]');
    await warning.waitFor(WAIT);
    const text = await warning.textContent();
    expect(text).toContain('同名，需核实');
    expect(text).toContain(ENTITIES.clean.record.entity.legalRepresentative);
    expect(text).toContain('团队已列入');
    const link = frame.locator('[data-testid="person-link"]');
    expect(await link.textContent()).toBe(NAMESAKE.name);
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/popup\\.html\\?q=${NAMESAKE.uscc}$`));
    // The page's own script sees the frame, not its content.
    const seenByPage = await page.evaluate(() => document.querySelector('creditlens-overlay')?.shadowRoot?.textContent ?? '');
    expect(seenByPage).not.toContain(NAMESAKE.name);
  });

  it('says there is none when no listed entity shares the name', async () => {
    const page = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(page);
    await expandOverlay(page);
    const none = page.frameLocator('[data-testid="links-frame"]').locator('[data-testid="person-links-none"]');
    await none.waitFor(WAIT);
    expect(await none.textContent()).toContain(ENTITIES.listed.record.entity.legalRepresentative);
  });
});
