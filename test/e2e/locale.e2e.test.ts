/**
 * The Chinese UI says everything in Chinese (LANGUAGE=zh_CN): every surface a user reaches is walked in the real
 * browser — the overlay (normal, captcha and NGIDERRORCODE read stops, a page whose structure changed, the search
 * page's hint), the notes frame with its team panel, the popup lookup, the options page (an invalid setting, a bad
 * data file, a malformed token and address), the ledger (a record's detail and history, its tabs, a clue file with
 * bad rows) — and every text node and title/placeholder/label of our own DOM is collected. None may be Latin words
 * alone; codes, URLs, dates and the test users' names (personal names) are allowed (test/support/latin.ts). The brand
 * shows as 信用透镜, never as CreditLens, so the brand gets no exception.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { latinOnlyTexts } from '../support/latin.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';
import { readyOverlay } from './support/assertions.ts';
import { simPageUrl } from './support/hosts.ts';
import { expandOverlay, waitForCompletePaint, waitForOverlay } from './support/overlay.ts';
import { openPopup, openSimPage, useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const WAIT = { timeout: 20_000 };
/** The test team's users: personal names, which may be Latin. */
const NAMES = ['alice'];
const team = useTeamServer({ t1: { alice: 'member' } });

/**
 * Every text node under the roots (open shadow roots included) and the attributes a user reads, whether shown or
 * folded away (a closed 依据与说明 is read when opened). A string, not a function: nothing is wrapped for the page.
 */
const COLLECT = `(roots) => {
  const out = [];
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const parent = child.parentElement;
        // A textarea's text is what the user typed (the token), not a message.
        if (child.textContent.trim() && !(parent && ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(parent.tagName))) out.push(child.textContent.trim());
      } else if (child.nodeType === 1) {
        for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
          const value = child.getAttribute(name);
          if (value && value.trim()) out.push(value.trim());
        }
        if (child.tagName === 'INPUT' && ['button', 'submit'].includes(child.type) && child.value) out.push(child.value);
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  roots.forEach(visit);
  return out;
}`;

/** Our elements on a site's page: the panel, the hint, the row chips (the page's own text is the site's business). */
const ours = (page: Page): Promise<string[]> =>
  page.evaluate(
    `(${COLLECT})([...document.querySelectorAll('creditlens-overlay, creditlens-hint, creditlens-chip')].map((h) => h.shadowRoot).filter(Boolean))`,
  );
const whole = (target: Page | Frame): Promise<string[]> => target.evaluate(`(${COLLECT})([document])`);
/** Our frames inside a site's page (notes, same-name check). */
const extensionFrames = (page: Page) => page.frames().filter((f) => f.url().startsWith('chrome-extension://'));

/** Surface → the Latin-only texts found on it; the test expects none anywhere. */
const found: Record<string, string[]> = {};
const seen: Record<string, number> = {};
function record(surface: string, texts: readonly string[]): void {
  seen[surface] = (seen[surface] ?? 0) + texts.length;
  const latin = latinOnlyTexts(texts, NAMES);
  if (latin.length > 0) found[surface] = [...(found[surface] ?? []), ...latin];
}

describe('the Chinese UI (LANGUAGE=zh_CN) shows no English', () => {
  // The in-page notes frame (the side panel's fallback) is what this file exercises.
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });
  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser().context.newPage();
    onTestFinished(() => page.close());
    await page.goto(`chrome-extension://${browser().extensionId}/${path}`);
    return page;
  };

  it('overlay: a normal page with its findings, frames and chips; captcha and NGIDERRORCODE read stops', async () => {
    const page = await openSimPage(browser(), 'repeat-2017');
    await readyOverlay(page);
    await waitForCompletePaint(page);
    // The folded tab is walked too, then the open panel.
    record('overlay tab', await ours(page));
    await expandOverlay(page);
    await page.locator('[data-testid="notes-toggle"]').click();
    await page.frameLocator('[data-testid="notes-frame"]').locator('[data-testid="team-panel"]').waitFor(WAIT);
    await page.frameLocator('[data-testid="links-frame"]').locator('body').waitFor(WAIT);
    record('overlay repeat-2017', await ours(page));
    for (const frame of extensionFrames(page)) record(`frame ${new URL(frame.url()).pathname}`, await whole(frame));
    expect(extensionFrames(page).length).toBe(2);

    for (const name of ['captcha-2018', 'blocked-2018']) {
      const stopped = await openSimPage(browser(), name);
      await waitForOverlay(stopped, ['ready']);
      await waitForCompletePaint(stopped);
      // The read stopped, and says so: the very message this walk is about.
      await expect
        .poll(() => stopped.locator('[data-testid="read-stopped"]').textContent(), WAIT)
        .toMatch(/^完整记录读取已停止：网站(返回了验证码|拒绝了请求)/);
      record(`overlay ${name}`, await ours(stopped));
    }
  });

  it('overlay: a page whose structure changed, and the search page hint (不再提示 remembered)', async () => {
    const changed = await browser().context.newPage();
    onTestFinished(() => changed.close());
    // An entity page's address whose page no longer has the labels the reader looks for.
    await changed.route(simPageUrl('clean-2026'), (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><meta charset="utf-8"><title>改版</title></head><body><div>网站已改版，本页内容正在更新中，请稍后再来查看。</div></body></html>',
      }),
    );
    await changed.goto(simPageUrl('clean-2026'));
    await waitForOverlay(changed, ['not-understood']);
    expect(await changed.locator('[data-testid="not-understood"]').textContent()).toBe('页面结构已变化，无法可靠读取');
    record('overlay structure-changed', await ours(changed));

    const search = await openSimPage(browser(), 'search');
    const hint = search.locator('[data-testid="not-entity-hint"]');
    await hint.waitFor(WAIT);
    record('search hint', await ours(search));
    // The hint covers none of the results: it sits below and beside the table's cells.
    const box = await hint.boundingBox();
    const cells = await search
      .locator('table td, table th')
      .evaluateAll((list) => list.map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    const overlaps = cells.filter(
      (c) => box && c.left < box.x + box.width && box.x < c.right && c.top < box.y + box.height && box.y < c.bottom,
    );
    expect(overlaps).toEqual([]);
    await search.locator('[data-testid="hint-dismiss"]').click();
    await expect.poll(() => hint.count()).toBe(0);
    await search.reload();
    await search.waitForLoadState('load');
    await search.waitForTimeout(1_500);
    expect(await search.locator('creditlens-hint').count(), '不再提示 is remembered').toBe(0);
  });

  it('popup: recent entities, a lookup with hits, a code with a wrong check digit, a query with none', async () => {
    const popup = await openPopup(browser());
    record('popup', await whole(popup));
    const input = popup.locator('[data-testid="lookup-input"]');
    await input.fill('示例');
    await popup.locator('[data-testid="lookup-hit"]').first().waitFor(WAIT);
    record('popup hits', await whole(popup));
    await input.fill('91330100MA27XXXX10');
    await popup.locator('[data-testid="id-check"]').waitFor(WAIT);
    record('popup id check', await whole(popup));
    await input.fill('无此主体的名称');
    await popup.waitForTimeout(800);
    record('popup none', await whole(popup));
  });

  it('options: an invalid setting, a bad data file, a malformed token and address', async () => {
    const options = await extensionPage('options.html');
    await options.locator('[data-testid="setting-repeatOffenderThreshold"]').waitFor(WAIT);
    record('options', await whole(options));
    await options.locator('[data-testid="setting-repeatOffenderThreshold"]').fill('0');
    await options.locator('[data-testid="settings-save"]').click();
    await expect
      .poll(() => options.locator('[data-testid="settings-status"]').textContent(), WAIT)
      .toMatch(/^未保存，请更正：“屡禁不止、屡罚不改”处罚次数（含本数）：/);

    const bad = { format: 'creditlens-local', version: 1, exportedAt: 'yesterday', notes: [{ id: '' }], snapshots: [] };
    await options
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: '坏文件.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => options.locator('[data-testid="data-status"]').textContent(), WAIT).toMatch(/^文件未通过检查/);

    await options.locator('[data-testid="team-token"]').fill('abc');
    await expect.poll(() => options.locator('[data-testid="team-token-preview"]').textContent(), WAIT).toMatch(/^令牌无法识别：不是令牌/);
    await options.locator('[data-testid="team-server"]').fill('http://127.0.0.1:1');
    await options.locator('[data-testid="team-connect"]').click();
    await expect
      .poll(() => options.locator('[data-testid="team-status-line"]').textContent(), WAIT)
      .toMatch(/^未保存：服务器地址：地址须以 ws:\/\/ 或 wss:\/\/ 开头/);
    record('options with errors', await whole(options));
  });

  it('team and ledger: the team panel connected, the ledger tabs, a clue file with bad rows', async () => {
    await connectTeam(browser(), team.server().url, team.token('t1', 'alice'), WAIT.timeout);
    const page = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(page);
    await expandOverlay(page);
    await page.locator('[data-testid="notes-toggle"]').click();
    const notes = page.frameLocator('[data-testid="notes-frame"]');
    await notes.locator('[data-testid="team-create"]').click();
    await notes.locator('[data-testid="team-record"]').waitFor(WAIT);
    for (const frame of extensionFrames(page)) record(`team frame ${new URL(frame.url()).pathname}`, await whole(frame));

    const ledger = await extensionPage('ledger.html');
    await ledger.locator('[data-testid="ledger-table"]').waitFor(WAIT);
    // The entity the team panel just recorded, opened: its facts, local snapshot and the server's change history.
    await ledger.locator('[data-testid="ledger-open"]').first().click();
    await ledger.locator('[data-testid="ledger-detail"] [data-testid="ledger-history-entry"]').first().waitFor(WAIT);
    record('ledger', await whole(ledger));
    for (const tab of ['report', 'charts']) {
      await ledger.locator(`[data-testid="ledger-tab-${tab}"]`).click();
      await ledger.waitForTimeout(1_000);
      record(`ledger ${tab}`, await whole(ledger));
    }
    await ledger.locator('[data-testid="ledger-tab-import"]').click();
    const csv =
      '主体名称,统一社会信用代码,处理状态,备注\r\n示例市好行有限公司,,核查中,\r\n示例市坏码有限公司,123,核查中,\r\n,,不存在的状态,\r\n';
    await ledger.locator('[data-testid="import-file"]').setInputFiles({ name: '线索.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => ledger.locator('[data-testid="import-bad-row"]').count(), WAIT).toBeGreaterThan(0);
    record('ledger import', await whole(ledger));
  });

  it('none of those surfaces shows a Latin-only text', () => {
    // Runs after the walk: every surface was reached and had text, so an empty `found` means something.
    for (const surface of [
      'overlay repeat-2017',
      'overlay captcha-2018',
      'overlay blocked-2018',
      'overlay structure-changed',
      'search hint',
      'popup',
      'options with errors',
      'ledger',
      'ledger import',
    ])
      expect(seen[surface] ?? 0, surface).toBeGreaterThan(0);
    expect(found).toEqual({});
  });
});
