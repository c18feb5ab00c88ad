// Whether the command line's build (cli/build.mjs) is there and newer than every source file it was built from.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILD_DIR = path.join('node_modules', '.cache', 'creditlens-cli');

/** The built entry module, or null when there is none or a source file changed after it was built. */
export function freshBuild(root = ROOT) {
  const entry = path.join(root, BUILD_DIR, 'main.mjs');
  try {
    const builtAt = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(path.join(root, BUILD_DIR, 'inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(path.join(root, file)).mtimeMs <= builtAt) ? entry : null;
  } catch {
    return null;
  }
}
