/**
 * Site rules end to end, in the built extension in Chromium with the real sync server: the simulated provincial gsxt
 * page with its penalty table's headers renamed (`?__sim=renamed-columns`, test/sim-site/variants.ts) is not read —
 * the panel says the penalties are unknown; the administrator publishes an alias with the real `site-rules publish`
 * command against the running server's store, the options page's 立即检查更新 fetches it, and the next load of the page
 * reads the three penalties — in the same browser, no reinstall; a published kill switch shows the administrator's
 * message instead of numbers; `site-rules rollback` restores the alias. The options page shows the version in use and
 * this browser's reads (读取情况).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '../support/sync-server.ts';
import { simPageUrl } from './support/hosts.ts';
import { waitForOverlay } from './support/overlay.ts';
import { useExtensionBrowser } from './support/session.ts';
import { connectTeam } from './support/team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const WAIT = { timeout: 20_000 };
const RENAMED = `${simPageUrl('listed-zj-provincial')}?__sim=renamed-columns`;
const MESSAGE = '省级公示系统改版，读取暂停，请人工核对后再填写。';

let server: RunningSyncServer | undefined;
let token = '';

beforeAll(async () => {
  server = await startSyncServer();
  token = (await server.team('t1', { alice: 'member' })).alice!;
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** Writes a rules file into the server's data folder and runs the real `site-rules` command on it. */
async function siteRules(args: string[], file?: { version: number; layouts: unknown }): Promise<void> {
  if (!server) throw new Error('the sync server is not running');
  const extra: string[] = [];
  if (file) {
    const name = path.join(server.dataDir, `rules-${file.version}.json`);
    fs.writeFileSync(
      name,
      JSON.stringify({ format: 'creditlens-site-rules', version: file.version, sites: { 'gsxt-gov-cn': { layouts: file.layouts } } }),
    );
    extra.push(name);
  }
  const result = await server.cli(['site-rules', ...args, ...extra]);
  expect(result.code, result.stderr).toBe(0);
}

/** The penalties section's state as the panel shows it (complete, partial, unknown) once the complete read is over. */
async function penaltiesState(page: Page): Promise<string | null> {
  await waitForOverlay(page, ['ready'], WAIT.timeout);
  return page.evaluate(
    () =>
      document
        .querySelector('creditlens-overlay')
        ?.shadowRoot?.querySelector('[data-testid="completeness"] [data-section="penalties"]')
        ?.getAttribute('data-state') ?? null,
  );
}

describe("the team's site rules in the browser", () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });
  let options: Page;

  /** 立即检查更新 on the options page, clicked as a person does; waits until it names `version`. */
  async function checkNow(version: number): Promise<void> {
    await options.locator('[data-testid="site-rules-check"]').click();
    await expect.poll(() => options.locator('[data-testid="site-rules-version"]').textContent(), WAIT).toBe(`当前使用的版本：${version}`);
  }

  async function openRenamed(): Promise<Page> {
    const page = await browser().context.newPage();
    const response = await page.goto(RENAMED);
    expect(response?.status()).toBe(200);
    return page;
  }

  it('(a) a renamed column header: the penalties are unknown, not "none"', async () => {
    await connectTeam(browser(), server!.url, token, WAIT.timeout);
    options = await browser().context.newPage();
    await options.goto(`chrome-extension://${browser().extensionId}/options.html`);
    await expect
      .poll(() => options.locator('[data-testid="site-rules-version"]').textContent(), WAIT)
      .toBe('尚未获取站点规则，页面按扩展内置的方式读取');
    const page = await openRenamed();
    expect(await penaltiesState(page)).toBe('unknown');
    await page.close();
  });

  it('(b) an alias published with the command, fetched by 立即检查更新: the next load reads the penalties', async () => {
    await siteRules(['publish'], {
      version: 1,
      layouts: { '*': { columnAliases: { 处罚文书编号: '决定书文号', 违法事项: '违法行为类型', 处罚措施: '行政处罚内容' } } },
    });
    await checkNow(1);
    const page = await openRenamed();
    expect(await penaltiesState(page)).toBe('complete');
    expect(
      await page.evaluate(
        () =>
          document.querySelector('creditlens-overlay')?.shadowRoot?.querySelector('[data-testid="completeness"] [data-section="penalties"]')
            ?.textContent,
      ),
    ).toBe('行政处罚 3/3');
    await page.close();
  });

  it("(c) the kill switch: the next load shows the administrator's message instead of numbers", async () => {
    await siteRules(['publish'], { version: 2, layouts: { provincial: { disabled: { message: MESSAGE } } } });
    await checkNow(2);
    const page = await openRenamed();
    await waitForOverlay(page, ['not-understood'], WAIT.timeout);
    const shown = await page.evaluate(() => {
      const root = document.querySelector('creditlens-overlay')?.shadowRoot;
      return {
        message: root?.querySelector('[data-testid="disabled-message"]')?.textContent,
        numbers: root?.querySelector('[data-testid="completeness"]') !== null,
      };
    });
    expect(shown).toEqual({ message: `管理员说明：${MESSAGE}`, numbers: false });
    await page.close();
  });

  it('(d) rollback: the alias again, as version 3; the options page shows the reads of the week', async () => {
    await siteRules(['rollback']);
    await checkNow(3);
    const page = await openRenamed();
    expect(await penaltiesState(page)).toBe('complete');
    await page.close();
    await options.reload();
    // (a) was partial; (b) and (d) understood; (c) was switched off and is not counted.
    const row = options.locator('[data-testid="health-gsxt-gov-cn"] td');
    await expect.poll(() => row.allTextContents(), WAIT).toEqual(['国家企业信用信息公示系统', '2', '1', '0']);
    await options.close();
  });
});
