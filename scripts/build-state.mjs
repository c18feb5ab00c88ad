// Whether an install-time build (cli/build.mjs, sync-server/build.mjs) is there and newer than every source file it
// was built from: each build lists its inputs beside its entry module.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join('node_modules', '.cache', 'creditlens-cli');
export const SERVER_BUILD_DIR = path.join('node_modules', '.cache', 'creditlens-sync-server');

/** The built entry module, or null when there is none or a source file changed after it was built. */
export function freshBuild(root = ROOT, buildDir = BUILD_DIR) {
  const entry = path.join(root, buildDir, 'main.mjs');
  try {
    const builtAt = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, buildDir, 'inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= builtAt) ? entry : null;
  } catch {
    return null;
  }
}
