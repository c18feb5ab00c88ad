/**
 * 保存取证 in the real browser on the simulated repeat offender (23 penalties, read whole through gsxt's JSON
 * endpoints): a person's click in the overlay downloads one ZIP that `creditlens verify-evidence` accepts (exit 0),
 * with the JSON replies it needs; a page script's click() or message starts nothing; the popup then lists the ZIP
 * under the entity (取证记录). Without the optional pageCapture permission the ZIP has no MHTML and the panel says
 * how to allow it; with it granted, page.mhtml is in the ZIP.
 *
 * Downloads are intercepted with CDP's Browser.setDownloadBehavior into a temporary folder; DevTools then saves
 * under the browser's own name for the data: URL, so the name we asked for is read from the panel and the index.
 * The permission prompt of permissions.request cannot be answered in headless Chromium (it stays open), so the
 * granted case loads a copy of this build whose manifest lists pageCapture among the granted permissions: the
 * background's path (permissions.contains, then saveAsMHTML) is the same.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { EvidenceManifest } from '#core';
import { main as cli } from '../../cli/main.ts';
import { ENTITIES } from '../sim-site/entities.ts';
import { readyOverlay } from './support/assertions.ts';
import { launchExtension } from './support/browser.ts';
import { message } from './support/expected.ts';
import { expandOverlay, OVERLAY_TAG } from './support/overlay.ts';
import { openPopup, openSimPage, useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const folders: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type DownloadItem = { filename: string; state: string; byExtensionId?: string };
type DownloadsGlobal = { chrome: { downloads: { search(query: object): Promise<DownloadItem[]> } } };

const downloads = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as DownloadsGlobal).chrome.downloads.search({}));

async function interceptDownloads(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder('creditlens-e2e-downloads-') });
}

/** The repeat offender's page, read to the end, the panel open. */
async function repeatOffender(context: Parameters<typeof openSimPage>[0]): Promise<Page> {
  const page = await openSimPage(context, 'repeat-2017');
  await readyOverlay(page);
  await expandOverlay(page);
  await interceptDownloads(context.context, page);
  return page;
}

/** Clicks 保存取证 as a person does, waits for the panel's answer and the finished download; the ZIP's files and its verification. */
async function saveEvidence(page: Page, worker: Worker) {
  await page.locator(`${OVERLAY_TAG} [data-testid="evidence-save"]`).click();
  const saved = page.locator(`${OVERLAY_TAG} [data-testid="evidence-status"]:not([data-state="saving"])`);
  await saved.waitFor({ timeout: 20_000 });
  const state = await saved.getAttribute('data-state');
  await expect.poll(async () => (await downloads(worker)).map((d) => d.state), { timeout: 20_000 }).toEqual(['complete']);
  const [item] = await downloads(worker);
  const zip = readFileSync(item?.filename ?? '');
  const dir = folder('creditlens-e2e-evidence-');
  writeFileSync(join(dir, 'evidence.zip'), zip);
  let out = '';
  const code = await cli(['verify-evidence', join(dir, 'evidence.zip')], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    now: () => Date.now(),
    errIsTerminal: false,
  });
  const files = unzipSync(zip);
  const manifest = EvidenceManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
  return { files, manifest, code, out, savedText: await saved.textContent(), state, item };
}

describe('保存取证 without page capture', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });
  const entity = ENTITIES.repeat.record.entity;

  it('downloads one ZIP on a person\u2019s click, which verify-evidence accepts; a page script cannot start one; the popup lists it', async () => {
    const page = await repeatOffender(browser());
    const worker = browser().context.serviceWorkers()[0] as Worker;
    // The page's own script: click() on the button, a synthetic MouseEvent, a message in our protocol's words. Had
    // any of them been taken, the panel would say 正在保存取证… at once (set within the click's handler).
    const afterPageScript = await page.evaluate((tag) => {
      const button = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="evidence-save"]');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.postMessage({ type: 'evidence:save' }, '*');
      return {
        found: button !== null && button !== undefined,
        status: document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="evidence-status"]')?.textContent,
      };
    }, OVERLAY_TAG);
    expect(afterPageScript).toEqual({ found: true, status: '' });

    const { files, manifest, code, out, savedText, state } = await saveEvidence(page, worker);
    expect(out).toContain('evidence verified');
    expect(code).toBe(0);
    // One download: the person's; nothing came of the page's attempts.
    expect(await downloads(worker)).toHaveLength(1);
    const fileName = /取证-.+\.zip/.exec(savedText ?? '')?.[0] ?? '';
    expect(fileName).toMatch(new RegExp(`^取证-${entity.name}-${entity.uscc ?? ''}-\\d{8}-\\d{6}\\.zip$`));
    // Where MHTML is allowed, said on the panel.
    expect(state).toBe('not-granted');
    expect(savedText).toBe(`${message('zh_CN', 'evidence_saved', fileName)} ${message('zh_CN', 'evidence_mhtml_not_granted')}`);
    expect(manifest.mhtml).toBe('not-granted');
    expect(files['page.mhtml']).toBeUndefined();
    // The complete read's replies are in it: the page alone shows 5 of the 23 penalties.
    expect(Object.keys(files).filter((name) => name.startsWith('sections/penalties-')).length).toBeGreaterThan(1);
    expect((JSON.parse(new TextDecoder().decode(files['record.json'])) as { penalties: unknown[] }).penalties).toHaveLength(23);
    expect(new TextDecoder().decode(files['page.html'])).not.toMatch(/creditlens-(overlay|chip|hint)/);

    const popup = await openPopup(browser());
    await popup.locator('[data-testid="lookup-input"]').fill(entity.uscc ?? '');
    await expect
      .poll(() => popup.locator('[data-testid="evidence-entry"]').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringContaining(fileName)]);
  });
});

describe('保存取证 with page capture granted', () => {
  it('puts the page as MHTML in the ZIP, and the manifest says so', async () => {
    const dir = join(folder('creditlens-e2e-ext-pagecapture-'), 'chrome-mv3');
    cpSync(inject('extensionDir'), dir, { recursive: true });
    const manifestFile = join(dir, 'manifest.json');
    const built = JSON.parse(readFileSync(manifestFile, 'utf8')) as { permissions: string[]; optional_permissions?: string[] };
    expect(built.optional_permissions).toEqual(['pageCapture']);
    writeFileSync(manifestFile, JSON.stringify({ ...built, permissions: [...built.permissions, 'pageCapture'], optional_permissions: [] }));
    const browser = await launchExtension({ language: 'zh_CN', simPort: inject('simPort'), extensionDir: dir });
    try {
      const page = await repeatOffender(browser);
      const worker = browser.context.serviceWorkers()[0] as Worker;
      const { files, manifest, code, out, state, savedText } = await saveEvidence(page, worker);
      expect(out).toContain('evidence verified');
      expect(code).toBe(0);
      expect(manifest.mhtml).toBe('included');
      expect(new TextDecoder().decode(files['page.mhtml']).slice(0, 200)).toMatch(/^From: <Saved by Blink>/);
      expect(state).toBe('included');
      expect(savedText).toMatch(/^已保存到下载文件夹：取证-.+\.zip$/);
    } finally {
      await browser.close();
    }
  });
});
