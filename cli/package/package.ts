/**
 * `npm run package`: builds the Chrome MV3 extension for deployment and packs it as a signed CRX3. The build is WXT's,
 * told through environment variables (read by wxt.config.ts, nothing else sets them) to put the public key and the
 * update URL into the manifest and to write to its own folder, so the ordinary build in .output/chrome-mv3 (and the
 * e2e runs that copy it) are untouched. The version is package.json's, as WXT takes it.
 */
import { execFileSync } from 'node:child_process';
import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { extensionIdOf, publicKeyDerOf, writeCrx3 } from '../../packaging/crx/crx3.ts';
import { crxZip } from '../../packaging/crx/zip.ts';
import type { ZipEntry } from '#core';

/** The variables wxt.config.ts reads when packaging. */
export const BUILD_ENV = {
  key: 'CREDITLENS_PACKAGE_KEY',
  updateUrl: 'CREDITLENS_PACKAGE_UPDATE_URL',
  outDir: 'CREDITLENS_PACKAGE_OUT_DIR',
} as const;

export const UPDATE_PATH = '/extension/update.xml';

/**
 * The update URL for the manifest from what the administrator configured: the server's address
 * (`https://creditlens.example.gov.cn`, also as the team's `wss://` address) or the full URL of update.xml.
 */
export function updateUrlOf(configured: string): string {
  let url: URL;
  try {
    url = new URL(configured.trim());
  } catch {
    throw new Error(`CREDITLENS_UPDATE_URL ${JSON.stringify(configured)} is not a URL (e.g. https://creditlens.example.gov.cn)`);
  }
  if (url.protocol === 'wss:' || url.protocol === 'ws:') url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`CREDITLENS_UPDATE_URL must be an http(s) address, not ${url.protocol}`);
  if (url.search || url.hash) throw new Error('CREDITLENS_UPDATE_URL must not have a query or fragment');
  if (!url.pathname.endsWith(UPDATE_PATH)) url.pathname = `${url.pathname.replace(/\/+$/, '')}${UPDATE_PATH}`;
  return url.href;
}

function filesOf(dir: string, prefix = ''): ZipEntry[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesOf(full, `${name}/`);
    return entry.isFile() ? [{ name, data: fs.readFileSync(full) }] : [];
  });
}

/** A CRX3 of an unpacked extension folder (zip of every file in it, signed with `privateKey`). */
export function packDirectory(dir: string, privateKey: crypto.KeyObject): Buffer {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json`);
  return writeCrx3(crxZip(filesOf(dir)), privateKey);
}

export type PackageResult = {
  crx: string;
  unpacked: string;
  id: string;
  version: string;
  updateUrl: string;
  bytes: number;
  buildMs: number;
  packMs: number;
};

/** Builds with WXT into `outDir`/chrome-mv3 and writes `outDir`/creditlens-<version>.crx. */
export function packageExtension(options: {
  root: string;
  outDir: string;
  privateKey: crypto.KeyObject;
  updateUrl: string;
}): PackageResult {
  const publicKey = publicKeyDerOf(options.privateKey);
  const started = performance.now();
  try {
    execFileSync(process.execPath, [path.join(options.root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
      cwd: options.root,
      stdio: 'pipe',
      env: {
        ...process.env,
        // vitest and some shells set NODE_ENV; the package must bundle React's production runtime.
        NODE_ENV: 'production',
        [BUILD_ENV.key]: publicKey.toString('base64'),
        [BUILD_ENV.updateUrl]: options.updateUrl,
        [BUILD_ENV.outDir]: options.outDir,
      },
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`wxt build failed:\n${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`, { cause: error });
  }
  const built = performance.now();
  const unpacked = path.join(options.outDir, 'chrome-mv3');
  const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as {
    version: string;
    key?: string;
    update_url?: string;
  };
  if (manifest.key !== publicKey.toString('base64') || manifest.update_url !== options.updateUrl) {
    throw new Error('the built manifest lacks the key or update_url: wxt.config.ts did not see the packaging variables');
  }
  const crx = packDirectory(unpacked, options.privateKey);
  const file = path.join(options.outDir, `creditlens-${manifest.version}.crx`);
  fs.writeFileSync(file, crx);
  return {
    crx: file,
    unpacked,
    id: extensionIdOf(publicKey),
    version: manifest.version,
    updateUrl: options.updateUrl,
    bytes: crx.length,
    buildMs: Math.round(built - started),
    packMs: Math.round(performance.now() - built),
  };
}
