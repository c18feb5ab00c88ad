/**
 * What every e2e run needs before a browser starts: the extension built from the current sources, and the simulated
 * credit sites on a free loopback port. Isolates their lifecycle: used as the e2e project's vitest `globalSetup`
 * (build once, one site for all e2e files, closed at the end) and by the browser benchmark directly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startSimSite, type SimSite } from '../../sim-site/server.ts';
import { EXTENSION_DIR, FIREFOX_DIR, ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the simulated site that the e2e browsers map every credit-site host name to. */
    simPort: number;
    /** This run's copy of the built extension (see snapshotExtension). */
    extensionDir: string;
  }
}

/** Set once this process built the extension: later callers in the same run reuse the output. */
const BUILT_MARK = 'CREDITLENS_E2E_BUILT';

function wxtBuild(args: string[]): void {
  try {
    // NODE_ENV=production: vitest sets it to "test", and Vite would then bundle React's development runtime.
    execFileSync(process.execPath, [`${ROOT}node_modules/wxt/bin/wxt.mjs`, 'build', ...args], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`wxt build ${args.join(' ')} failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`, {
      cause: error,
    });
  }
}

/**
 * `wxt build` of the current sources into .output/chrome-mv3 (and .output/firefox-mv2 with `firefox`, which the
 * manifest test reads), once per run: the mark is inherited by child processes.
 */
export function buildExtension(options: { firefox?: boolean } = {}): void {
  const built =
    process.env[BUILT_MARK] === '1' &&
    existsSync(`${EXTENSION_DIR}/manifest.json`) &&
    (!options.firefox || existsSync(`${FIREFOX_DIR}/manifest.json`));
  if (built) return;
  wxtBuild([]);
  if (options.firefox) wxtBuild(['-b', 'firefox']);
  process.env[BUILT_MARK] = '1';
}

/**
 * A private copy of .output/chrome-mv3 for this run's browsers. `wxt build` empties and rewrites the output folder,
 * and anyone's build during a run (another terminal, the editor) would otherwise pull the files from under a running
 * browser (seen: popup.html ERR_FILE_NOT_FOUND, no service worker). The copy is the same build; the extension id
 * differs, which the harness reads anyway.
 */
export function snapshotExtension(): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'creditlens-e2e-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The simulated sites on a free port; the caller closes it. */
export function startSim(): Promise<SimSite> {
  return startSimSite({ port: 0 });
}

/**
 * vitest globalSetup of the e2e project: build, copy the build, start the site, hand both to the test files, and
 * remove them after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildExtension({ firefox: true });
  const extension = snapshotExtension();
  const site = await startSim().catch((error: unknown) => {
    extension.remove();
    throw error;
  });
  project.provide('simPort', site.port);
  project.provide('extensionDir', extension.dir);
  return async () => {
    try {
      await site.close();
    } finally {
      extension.remove();
    }
  };
}
