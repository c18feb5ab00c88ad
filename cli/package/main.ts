/**
 * `npm run package`: the signed CRX3 for self-hosted installs (docs/admin/self-hosted-install.md). Settings from the
 * environment: CREDITLENS_CRX_KEY (the agency's signing key; a development key otherwise, with a warning),
 * CREDITLENS_UPDATE_URL (the sync server's address; http://127.0.0.1:1234 otherwise, with a warning),
 * CREDITLENS_PACKAGE_DIR (default .output/package). Prints the CRX's path on stdout and the rest on stderr, so
 * `CRX=$(npm run -s package)` works. Exit 0 done, 1 failed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionIdOf, publicKeyDerOf } from '../../packaging/crx/crx3.ts';
import { signingKey } from './keys.ts';
import { packageExtension, updateUrlOf } from './package.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEV_KEY = path.join(ROOT, '.keys/creditlens-dev.pem');
const DEFAULT_SERVER = 'http://127.0.0.1:1234';
const say = (line: string): void => void process.stderr.write(`package: ${line}\n`);

try {
  const key = signingKey(process.env, DEV_KEY, say);
  const configured = process.env.CREDITLENS_UPDATE_URL;
  if (!configured)
    say(`WARNING: CREDITLENS_UPDATE_URL is not set; the extension will look for updates at ${DEFAULT_SERVER} (this machine only).`);
  const updateUrl = updateUrlOf(configured || DEFAULT_SERVER);
  const outDir = path.resolve(process.env.CREDITLENS_PACKAGE_DIR || path.join(ROOT, '.output/package'));
  say(`building extension ${extensionIdOf(publicKeyDerOf(key.privateKey))} (update URL ${updateUrl}) into ${outDir} …`);
  const result = packageExtension({ root: ROOT, outDir, privateKey: key.privateKey, updateUrl });
  say(
    `${path.relative(process.cwd(), result.crx) || result.crx}: id ${result.id}, version ${result.version}, ${(result.bytes / 1024).toFixed(1)} KiB (build ${(result.buildMs / 1000).toFixed(1)} s, pack ${result.packMs} ms)`,
  );
  say(`publish it with: npm run sync-server -- extension publish ${result.crx}`);
  process.stdout.write(`${result.crx}\n`);
} catch (error) {
  say(`failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
