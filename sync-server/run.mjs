#!/usr/bin/env node
// `npm run sync-server`: compiles the server's TypeScript (sync-server/ and core/) into one ES module with esbuild —
// npm packages stay imports from node_modules — and runs it. A plain Node process, without a TypeScript loader
// thread: about 35 MiB less memory than `node --import tsx`, and an account command starts in a fraction of the time.
// Each process compiles into a file of its own (several instances or commands may start at once) and removes it
// once loaded.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'node_modules', '.cache', 'creditlens-sync-server', `main-${process.pid}-${Date.now()}.mjs`);
await build({
  entryPoints: [path.join(root, 'sync-server', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
await stop();
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
