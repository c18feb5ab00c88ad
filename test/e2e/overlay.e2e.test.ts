/**
 * The overlay on the simulated credit sites in the real browser: statuses, counts and completeness for each kind of
 * entity page, the chips on the page's own penalty rows (also after the page's pager replaced them), pages it must
 * not read (search results), pages whose data endpoints refuse (captcha, NGIDERRORCODE), and the English UI.
 * Expected values come from the truth data through core's assessment (support/expected.ts), texts from the
 * extension's message files.
 */
import { describe, expect, it, vi } from 'vitest';
import { ENTITIES, type EntityKey } from '../sim-site/entities.ts';
import type { UiLanguage } from './support/browser.ts';
import { expectChips, expectStatuses, readyOverlay } from './support/assertions.ts';
import { chinaToday, completenessText, expectedOverlay, expectedSections, message, messagePattern } from './support/expected.ts';
import { chipsIn, fraction, readOverlay, waitForCompletePaint, waitForOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('overlay on entity pages (中文)', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });
  const zh: UiLanguage = 'zh_CN';

  const entityPages: Array<[string, EntityKey]> = [
    ['listed-2026', 'listed'],
    ['clean-2026', 'clean'],
    ['repeat-2017', 'repeat'],
    ['individual-2018', 'individual'],
    ['listed-zj-provincial', 'listed'],
    ['entity-detail', 'creditchina'],
  ];

  it.each(entityPages)('%s: statuses, counts and completeness from the whole record', async (name, key) => {
    const page = await openSimPage(browser(), name);
    const view = await readyOverlay(page);
    const read = expectedSections(name);
    const exp = expectedOverlay(key, chinaToday(), read);
    expect(view.hosts).toBe(1);
    expectStatuses(view, exp, zh);
    expect(view.completeness).toBe(completenessText(zh, read));
  });

  it('listed-2026: 已列入, and a chip on each of its 3 penalty rows once the section is opened', async () => {
    const page = await openSimPage(browser(), 'listed-2026');
    const view = await readyOverlay(page);
    const exp = expectedOverlay('listed');
    expect(exp.serious).toBe('listed');
    expect(view.serious).toBe('已列入');
    // The 2026 layout renders a section's rows only when its menu entry is opened, as a person would.
    await page.locator('#resultMenu [data-target="#xzcf"]').click();
    await expectChips(page, '#xzcf', exp, ENTITIES.listed.record.penalties.length);
    expect((await readOverlay(page)).completeness).toBe(view.completeness);
  });

  it('clean-2026: 未列入, no penalties, no chips', async () => {
    const page = await openSimPage(browser(), 'clean-2026');
    const view = await readyOverlay(page);
    expect(view.serious).toBe('未列入');
    expect(view.penalties).toMatch(messagePattern(zh, 'overlay_penalties_total', '\\S+', '0'));
    expect(fraction(view.completeness)).toEqual([0, 0]);
    expect(await page.locator('creditlens-chip').count()).toBe(0);
  });

  it('repeat-2017: all 23 penalties read from the JSON, not the 5 rendered', async () => {
    const page = await openSimPage(browser(), 'repeat-2017');
    const view = await readyOverlay(page);
    const exp = expectedOverlay('repeat');
    expect(exp.penalties).toBe(23);
    expect(fraction(view.completeness)).toEqual([exp.records, exp.records]);
    // The repeat-offender count is over all 23 decisions in the window, whatever today's window holds.
    expect(view.repeat).toBe(
      message(zh, exp.repeat.flag ? 'overlay_repeat_yes' : 'overlay_repeat_no', exp.repeat.count, exp.repeat.threshold),
    );
    await expectChips(page, '#needPaging_punish', exp, 5);
  });

  it("repeat-2017: the page's pager replaces the rows; chips follow, the counts stay", async () => {
    const page = await openSimPage(browser(), 'repeat-2017');
    const before = await readyOverlay(page);
    const exp = expectedOverlay('repeat');
    // As a person would: the 行政处罚信息 tab, then page 2 of its pager.
    await page.locator('#tab_primary3').click();
    await page.locator('#needPaging_punish_pager a.page-num[data-page="2"]').click();
    const sixth = ENTITIES.repeat.record.penalties[5]?.decisionNo ?? '';
    await page.waitForFunction((text) => document.querySelector('#needPaging_punish tbody')?.textContent?.includes(text) === true, sixth);
    await expectChips(page, '#needPaging_punish', exp, 5);
    const chips = await chipsIn(page, '#needPaging_punish');
    expect(chips[0]?.rowText).toContain(sixth);
    const after = await readOverlay(page);
    expect(after.completeness).toBe(before.completeness);
    expect(fraction(after.completeness)).toEqual([exp.records, exp.records]);
    expect(after.penalties).toBe(before.penalties);
    expect(after.repeat).toBe(before.repeat);
  });

  it('individual-2018: the 个体工商户 on the abnormal list', async () => {
    const page = await openSimPage(browser(), 'individual-2018');
    const view = await readyOverlay(page);
    const exp = expectedOverlay('individual');
    expect(exp.abnormal).not.toBe('NONE');
    expect(view.abnormal).toBe(message(zh, `overlay_abnormal_${exp.abnormal}`));
  });

  it('listed-zj-provincial: the provincial sub-site shows the same statuses as www', async () => {
    const page = await openSimPage(browser(), 'listed-zj-provincial');
    const view = await readyOverlay(page);
    expect(new URL(page.url()).host).toBe('zj.gsxt.gov.cn');
    expect(view.serious).toBe('已列入');
    await expectChips(page, 'body', expectedOverlay('listed'), ENTITIES.listed.record.penalties.length);
  });

  it('entity-detail: Credit China, penalties only (licences are not penalties)', async () => {
    const page = await openSimPage(browser(), 'entity-detail');
    const view = await readyOverlay(page);
    // Credit China states no counts: what was read is a floor, never 否 / 0.
    const exp = expectedOverlay('creditchina', chinaToday(), expectedSections('entity-detail'));
    expect(exp.lines.penalties[0]).toBe('overlay_penalties_at_least');
    expect(view.penalties).toMatch(messagePattern(zh, 'overlay_penalties_at_least', '\\S+', String(exp.penaltiesInWindow)));
    expect(fraction(view.completeness)).toBeNull();
  });

  it('search: no overlay numbers on a page that is no entity page', async () => {
    const page = await openSimPage(browser(), 'search');
    await page.waitForLoadState('load');
    // The overlay would have painted within this time on an entity page (first paint is measured in ms).
    await page.waitForTimeout(2_000);
    const view = await readOverlay(page);
    expect([view.serious, view.penalties, view.repeat, view.completeness]).toEqual([null, null, null, null]);
    expect(await page.locator('creditlens-chip').count()).toBe(0);
  });

  it.each(['captcha-2018', 'blocked-2018'])(
    '%s: endpoints refuse; the overlay shows what was rendered and says the read is incomplete',
    async (name) => {
      const page = await openSimPage(browser(), name);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const view = await waitForOverlay(page, ['ready', 'not-understood']);
      await waitForCompletePaint(page);
      const final = await readOverlay(page);
      expect(final.hosts).toBe(1);
      expect(final.state, 'a refusing endpoint is not a page the overlay cannot understand').toBe('ready');
      expect(fraction(final.completeness), 'not every section read whole').toBeNull();
      const stopped = await page.locator('[data-testid="read-stopped"]').textContent();
      expect(stopped ?? '').toMatch(messagePattern(zh, 'overlay_read_stopped', '.+'));
      expect(view.serious).not.toBeNull();
      expect(errors).toEqual([]);
    },
  );
});

describe('overlay in English (LANGUAGE=en_US)', () => {
  const browser = useExtensionBrowser({ language: 'en_US' });

  it('listed-2026: the statuses in English', async () => {
    const page = await openSimPage(browser(), 'listed-2026');
    const view = await readyOverlay(page);
    const exp = expectedOverlay('listed');
    expect(view.serious).toBe(message('en_US', 'overlay_serious_listed'));
    expect(view.serious).toBe('Listed');
    expectStatuses(view, exp, 'en_US');
    expect(view.completeness).toBe(completenessText('en_US', expectedSections('listed-2026')));
  });
});
