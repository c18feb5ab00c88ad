/**
 * The 工作情况表 filled in from the UI, end to end in the built extension and the real sync server: a staff member
 * sets the listed company of the simulated gsxt page to 食品 and 已列入 in the notes frame's team panel, is asked for
 * the decision and records it, adds a second one in 质量安全, and marks the 集中公示 date; on the ledger page she
 * marks another entity (seeded by a colleague, 质量安全) 典型案例曝光 with the bulk action. The report preview, the
 * server's report endpoint and core's workReport over the colleague's copy of the document all show these in the
 * right domains for the period, and nothing for the next one; a number of the preview opens the ledger on its entity.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureTeamEntity, readTeamEntities, readTeamEntity, REPORT_DOMAINS, updateTeamEntity, workReport, type WorkReport } from '#core';
import { ENTITIES } from '../sim-site/entities.ts';
import { synced, until, type TeamClient } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';
import { readyOverlay } from './support/assertions.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { chooseOption, connectTeam } from './support/team.ts';
import { expandOverlay } from './support/overlay.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 90_000 });

const WAIT = { timeout: 20_000 };
const PERIOD = { from: '2026-01-01', to: '2026-06-30' };
const NEXT = { from: '2026-07-01', to: '2026-12-31' };
const LISTED = ENTITIES.listed.record.entity;
const OTHER = { name: '示例市丁质量检测有限公司', uscc: '91330100MA0000QC01' };
const FIRST = { decisionNo: '示市监列严〔2026〕11号', decidedOn: '2026-03-05' };
const SECOND = { decisionNo: '示市监列严〔2026〕12号', decidedOn: '2026-06-30' };
const PUBLICIZED_ON = '2026-04-01';
const EXPOSED_ON = '2026-01-01';

const team = useTeamServer({ t1: { alice: 'member', seeder: 'member' } });
let seeder: TeamClient | undefined;

beforeAll(async () => {
  seeder = team.client('t1', 'seeder');
  await synced(seeder);
  const edit = { by: 'seeder', at: '2026-11-30T01:00:00.000Z' };
  ensureTeamEntity(seeder.doc, OTHER, edit);
  updateTeamEntity(seeder.doc, OTHER.uscc, { domain: 'QUALITY', status: 'case-filed' }, edit);
});

/** The report the user's actions should give: each fact in its domain, the rest zero. */
function expectedReport(period: { from: string; to: string }, counted: boolean): WorkReport {
  const n = counted ? 1 : 0;
  const rows = REPORT_DOMAINS.map(({ domain }) => ({
    domain,
    listed: domain === 'FOOD' || domain === 'QUALITY' ? n : 0,
    repeatOffendersPublicized: domain === 'FOOD' ? n : 0,
    typicalCases: domain === 'QUALITY' ? n : 0,
  }));
  return { ...period, rows, total: { listed: 2 * n, repeatOffendersPublicized: n, typicalCases: n } };
}

describe('the 工作情况表 filled in from the UI', () => {
  // The in-page notes frame (the side panel's fallback) is what this file exercises.
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  it('records two decisions, a 集中公示 and a 典型案例曝光, and the page and the server report them by domain and period', async () => {
    await connectTeam(browser(), team.server().url, team.token('t1', 'alice'), WAIT.timeout);
    const site = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(site);
    await expandOverlay(site);
    await site.locator('[data-testid="notes-toggle"]').click();
    const frame = site.frameLocator('[data-testid="notes-frame"]');
    await frame.locator('[data-testid="team-create"]').click();
    await frame.locator('[data-testid="team-record"]').waitFor(WAIT);
    await chooseOption(frame.locator('[data-testid="team-domain"]'), 'FOOD');
    await expect.poll(() => frame.locator('[data-testid="team-domain"]').inputValue(), WAIT).toBe('FOOD');

    // 已列入 without a decision: the panel asks for one, its domain prefilled from the entity's.
    await chooseOption(frame.locator('[data-testid="team-status"]'), 'listed');
    const prompt = frame.locator('[data-testid="listing-missing"]');
    await prompt.waitFor(WAIT);
    expect(await prompt.locator('[data-testid="listing-domain"]').inputValue()).toBe('FOOD');
    await prompt.locator('[data-testid="listing-no"]').fill(FIRST.decisionNo);
    await prompt.locator('[data-testid="listing-date"]').fill(FIRST.decidedOn);
    await prompt.locator('[data-testid="listing-save"]').click();
    await prompt.waitFor({ state: 'detached', ...WAIT });

    // A second decision, in 质量安全.
    await frame.locator('[data-testid="listing-add-open"]').click();
    const form = frame.locator('[data-testid="listing-form"]');
    await form.locator('[data-testid="listing-no"]').fill(SECOND.decisionNo);
    await form.locator('[data-testid="listing-date"]').fill(SECOND.decidedOn);
    await chooseOption(form.locator('[data-testid="listing-domain"]'), 'QUALITY');
    await form.locator('[data-testid="listing-save"]').click();
    await expect
      .poll(() => frame.locator('[data-testid="listing-text"]').allTextContents(), WAIT)
      .toEqual([`${FIRST.decidedOn} ${FIRST.decisionNo} · 食品`, `${SECOND.decidedOn} ${SECOND.decisionNo} · 质量`]);

    await frame.locator('[data-testid="facts-publicized-input"]').fill(PUBLICIZED_ON);
    await frame.locator('[data-testid="facts-publicized-set"]').click();
    await expect.poll(() => frame.locator('[data-testid="facts-publicized-value"]').textContent(), WAIT).toBe(PUBLICIZED_ON);

    // The ledger: the colleague's entity marked 典型案例曝光 with the bulk action.
    const ledger = await browser().context.newPage();
    await ledger.goto(`chrome-extension://${browser().extensionId}/ledger.html`);
    const count = ledger.locator('[data-testid="ledger-count"]');
    await expect.poll(() => count.textContent(), WAIT).toBe('显示 2 条，共 2 条');
    await ledger.locator('[data-testid="ledger-search"]').fill(OTHER.name);
    await expect.poll(() => count.textContent(), WAIT).toBe('显示 1 条，共 2 条');
    await ledger.locator('[data-testid="ledger-select-all"]').check();
    await ledger.locator('[data-testid="ledger-bulk-date"]').fill(EXPOSED_ON);
    await ledger.locator('[data-testid="ledger-bulk-exposed"]').click();
    await expect.poll(() => ledger.locator('[data-testid="ledger-outcome"]').textContent(), WAIT).toContain('已标记 1 条');

    // Every write reached the server, attributed to alice, and the colleague's copy holds them.
    await until(
      () => {
        const listed = readTeamEntity(seeder!.doc, LISTED.uscc!);
        const other = readTeamEntity(seeder!.doc, OTHER.uscc);
        return (
          listed?.ok === true &&
          listed.value.listings.length === 2 &&
          listed.value.repeatOffenderPublicizedOn === PUBLICIZED_ON &&
          other?.ok === true &&
          other.value.typicalCaseExposedOn === EXPOSED_ON &&
          other.value.updatedBy === 'alice'
        );
      },
      "the facts at the colleague's client",
      WAIT.timeout,
    );
    const listedRecord = readTeamEntity(seeder!.doc, LISTED.uscc!);
    expect(listedRecord?.ok && listedRecord.value).toMatchObject({
      status: 'listed',
      domain: 'FOOD',
      updatedBy: 'alice',
      listings: [
        { ...FIRST, domain: 'FOOD' },
        { ...SECOND, domain: 'QUALITY' },
      ],
    });

    const serverReport = async (period: { from: string; to: string }) => {
      const answer = await fetch(`${team.server().httpUrl}/team/t1/report?from=${period.from}&to=${period.to}&format=json`, {
        headers: { authorization: `Bearer ${team.token('t1', 'alice')}` },
      });
      return answer.json() as Promise<WorkReport>;
    };
    for (const [period, counted] of [
      [PERIOD, true],
      [NEXT, false],
    ] as const) {
      const expected = expectedReport(period, counted);
      expect(workReport(readTeamEntities(seeder!.doc), period)).toEqual(expected);
      expect(await serverReport(period)).toEqual(expected);

      await ledger.reload();
      await ledger.locator('[data-testid="ledger-tab-report"]').click();
      await ledger.locator('[data-testid="report-from"]').fill(period.from);
      await ledger.locator('[data-testid="report-to"]').fill(period.to);
      const shown = () =>
        ledger
          .locator('[data-testid="report-row"]')
          .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
      const table = [
        ...expected.rows.map((row) => [
          REPORT_DOMAINS.find((d) => d.domain === row.domain)!.label,
          row.listed,
          row.repeatOffendersPublicized,
          row.typicalCases,
        ]),
        ['合计', expected.total.listed, expected.total.repeatOffendersPublicized, expected.total.typicalCases],
      ].map((row) => row.map(String));
      await expect.poll(shown, WAIT).toEqual(table);
    }

    // A number opens the ledger on the entity behind it: 质量安全 · 宣传曝光典型案例 is the colleague's entity.
    await ledger.reload();
    await ledger.locator('[data-testid="ledger-tab-report"]').click();
    await ledger.locator('[data-testid="report-from"]').fill(PERIOD.from);
    await ledger.locator('[data-testid="report-to"]').fill(PERIOD.to);
    await ledger.getByLabel('在台账中查看计入“质量安全 · 宣传曝光典型案例(件)”的主体').click();
    await expect.poll(() => count.textContent(), WAIT).toBe('显示 1 条，共 2 条');
    expect(await ledger.locator('[data-testid="ledger-row"]').getAttribute('data-key')).toBe(OTHER.uscc);
    expect(await ledger.locator('[data-testid="ledger-drill"]').textContent()).toContain('1 个主体');
    await ledger.close();
  });
});
