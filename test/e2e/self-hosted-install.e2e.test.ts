/**
 * Installing and updating CreditLens without a web store, end to end (docs/admin/self-hosted-install.md): `npm run
 * package` with a test signing key and the update URL of a real sync server on a free loopback port; `extension
 * publish`; a managed-policy file (ExtensionInstallForcelist) that makes Debian's Chromium install the extension from
 * that server; then newer builds published and applied — once the way Chromium applies an update to an extension that
 * is in use (downloaded on an update check, installed at the next start), once by the "Update" of chrome://extensions.
 *
 * Two things only the test needs, both in its own policy file: DeveloperToolsAvailability=1, because Chromium
 * refuses DevTools (so Playwright) on the pages and worker of a policy-installed extension by default; and Playwright's
 * default --disable-extensions and --disable-background-networking dropped, since either stops the extension updater.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { verifyCrx3 } from '../../packaging/crx/crx3.ts';
import { inspectCrx } from '../../packaging/crx/inspect.ts';
import { readSigningKey } from '../../cli/package/keys.ts';
import { packDirectory } from '../../cli/package/package.ts';
import { readZipEntry } from '../../packaging/crx/zip.ts';
import { startSyncServer, type RunningSyncServer } from '../support/sync-server.ts';
import { CHROMIUM } from './support/browser.ts';
import { hostResolverRules, simPageUrl } from './support/hosts.ts';
import { writeManagedPolicy } from './support/managed-policy.ts';
import { waitForOverlay } from './support/overlay.ts';
import { ROOT } from './support/paths.ts';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

let server: RunningSyncServer | undefined;
let work = '';
let keyFile = '';
let built = { crx: '', unpacked: '', id: '', version: '' };

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-e2e-package-'));
  keyFile = path.join(work, 'agency-key.pem');
  fs.writeFileSync(
    keyFile,
    crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    { mode: 0o600 },
  );
  server = await startSyncServer();
  // `npm run package`, as an administrator runs it.
  const crx = execFileSync(process.execPath, ['--import', 'tsx', 'cli/package/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, CREDITLENS_CRX_KEY: keyFile, CREDITLENS_UPDATE_URL: server.httpUrl, CREDITLENS_PACKAGE_DIR: work },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .toString()
    .trim();
  const inspected = inspectCrx(fs.readFileSync(crx));
  if (!inspected.ok) throw new Error(inspected.problems.join('; '));
  built = { crx, unpacked: path.join(work, 'chrome-mv3'), id: inspected.id, version: inspected.manifest.version };
});

afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The next version after `version` (last part + 1). */
const bump = (version: string): string => version.replace(/(\d+)$/, (last) => String(Number(last) + 1));

/** The packaged build again under another version: a newer build of the same extension (same key, same update URL). */
function newerBuild(version: string): string {
  const dir = path.join(work, `build-${version}`);
  fs.cpSync(built.unpacked, dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  const file = path.join(work, `creditlens-${version}.crx`);
  fs.writeFileSync(file, packDirectory(dir, readSigningKey(keyFile)));
  return file;
}

async function publish(file: string): Promise<void> {
  const result = await server!.cli(['extension', 'publish', file]);
  if (result.code !== 0) throw new Error(`publish failed (${result.code}): ${result.stderr}`);
}

/** Chromium as an agency machine runs it: no --load-extension; extensions come from the policy. */
function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-component-update',
      `--host-resolver-rules=${hostResolverRules(inject('simPort'))}`,
    ],
  });
}

/**
 * The extension APIs the test calls inside the browser. Functions passed to `evaluate` run there and cannot close over
 * anything here, so each says `(globalThis as unknown as Browser).chrome` (types are erased).
 */
type Browser = {
  chrome: {
    runtime: {
      getManifest(): { version: string };
      requestUpdateCheck(): Promise<{ status: string; version?: string }>;
      onUpdateAvailable: { addListener(listener: (details: { version: string }) => void): void };
    };
    /** chrome://extensions only. */
    developerPrivate: {
      getExtensionInfo(
        id: string,
        done: (info?: { version: string; mustRemainInstalled: boolean; controlledInfo?: { text: string }; state: string }) => void,
      ): void;
      autoUpdate(done: () => void): void;
    };
  };
};

type Installed = { version: string; mustRemainInstalled: boolean; controlledBy: string; state: string };

/** The extension as chrome://extensions sees it (developerPrivate), or undefined while it is not installed. */
async function installed(page: Page, id: string): Promise<Installed | undefined> {
  return page.evaluate(
    (extensionId) =>
      new Promise<Installed | undefined>((resolve) => {
        const api = (globalThis as unknown as Browser).chrome.developerPrivate;
        api.getExtensionInfo(extensionId, (info) =>
          resolve(
            info && {
              version: info.version,
              mustRemainInstalled: info.mustRemainInstalled,
              controlledBy: info.controlledInfo?.text ?? '',
              state: info.state,
            },
          ),
        );
      }),
    id,
  );
}

async function extensionsPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  return page;
}

describe('self-hosted install and update', () => {
  it('packs a CRX3 that agrees with Chromium\u2019s own packer: same id from the same key, both verify', () => {
    const dir = path.join(work, 'chromium-pack');
    fs.cpSync(built.unpacked, dir, { recursive: true });
    execFileSync(CHROMIUM, ['--headless', '--no-sandbox', `--pack-extension=${dir}`, `--pack-extension-key=${keyFile}`], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    const theirs = verifyCrx3(fs.readFileSync(`${dir}.crx`));
    const ours = verifyCrx3(fs.readFileSync(built.crx));
    expect(theirs.ok && ours.ok).toBe(true);
    if (!theirs.ok || !ours.ok) return;
    expect(theirs.id).toBe(built.id);
    expect(ours.id).toBe(built.id);
    expect(ours.publicKey.equals(theirs.publicKey)).toBe(true);
    expect(readZipEntry(ours.archive, 'manifest.json')?.equals(readZipEntry(theirs.archive, 'manifest.json')!)).toBe(true);
  });

  it('installs from the sync server through a managed policy, then applies newer published builds', async () => {
    const { id } = built;
    const updateUrl = `${server!.httpUrl}/extension/update.xml`;
    await publish(built.crx);
    const v2 = bump(built.version);
    const v3 = bump(v2);
    const profile = path.join(work, 'profile');
    const policy = writeManagedPolicy({ ExtensionInstallForcelist: [`${id};${updateUrl}`], DeveloperToolsAvailability: 1 });
    let context: BrowserContext | undefined;
    try {
      // 1. Installed by policy from the server, and running: its page answers, its content script shows the overlay.
      context = await launch(profile);
      let manager = await extensionsPage(context);
      await expect
        .poll(() => installed(manager, id), { timeout: 60_000 })
        .toMatchObject({ version: built.version, mustRemainInstalled: true, state: 'ENABLED' });
      expect((await installed(manager, id))?.controlledBy).toMatch(/policy/i);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html`);
      expect(await popup.evaluate(() => (globalThis as unknown as Browser).chrome.runtime.getManifest().version)).toBe(built.version);
      const site = await context.newPage();
      await site.goto(simPageUrl('listed-2026'));
      expect((await waitForOverlay(site)).state).toBe('ready');

      // 2. A newer build is published. An update check (the extension's own requestUpdateCheck, as Chrome's periodic
      //    check would) finds and downloads it; the extension is in use, so Chromium stages it and installs it at the
      //    next start — which is when most users get an update.
      await publish(newerBuild(v2));
      const staged = popup.evaluate(
        () =>
          new Promise<string>((resolve) =>
            (globalThis as unknown as Browser).chrome.runtime.onUpdateAvailable.addListener((details) => resolve(details.version)),
          ),
      );
      expect(await popup.evaluate(() => (globalThis as unknown as Browser).chrome.runtime.requestUpdateCheck())).toEqual({
        status: 'update_available',
        version: v2,
      });
      expect(await staged).toBe(v2);
      expect((await installed(manager, id))?.version).toBe(built.version);
      await context.close();
      context = await launch(profile);
      manager = await extensionsPage(context);
      await expect.poll(async () => (await installed(manager, id))?.version, { timeout: 30_000 }).toBe(v2);

      // 3. Another build; chrome://extensions "Update" (developerPrivate.autoUpdate) installs it at once.
      await publish(newerBuild(v3));
      await manager.evaluate(
        () => new Promise<void>((resolve) => (globalThis as unknown as Browser).chrome.developerPrivate.autoUpdate(resolve)),
      );
      await expect.poll(async () => (await installed(manager, id))?.version, { timeout: 30_000 }).toBe(v3);
      const updated = await context.newPage();
      await updated.goto(`chrome-extension://${id}/popup.html`);
      expect(await updated.evaluate(() => (globalThis as unknown as Browser).chrome.runtime.getManifest().version)).toBe(v3);
    } finally {
      await context?.close().catch(() => {});
      policy.remove();
    }
    expect(fs.existsSync(policy.file)).toBe(false);
  });
});
