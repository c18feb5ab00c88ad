#!/usr/bin/env node
// Builds the command line at install (postinstall) and with `npm run build:cli`: cli/ and core/ compiled by esbuild
// into ES modules, packages included (but happy-dom), one chunk per command, so validate-id loads neither the page parser nor the
// team document code. Compiling TypeScript at every start cost over a second per command. The build lists its input
// files beside it, so the bin can tell a stale build from a fresh one by their modification times.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, ROOT as root } from '../scripts/build-state.mjs';

const OUT_DIR = path.join(root, BUILD_DIR);

// Chunk names carry hashes: old ones would pile up.
rmSync(OUT_DIR, { recursive: true, force: true });
mkdirSync(OUT_DIR, { recursive: true });
/** Core is pure (no module does anything when imported but define): what a command does not use is left out. */
const pureCore = {
  name: 'pure-core',
  setup(b) {
    b.onResolve({ filter: /^#core$/ }, () => ({ path: path.join(root, 'core', 'index.ts'), sideEffects: false }));
    b.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      return file.startsWith(path.join(root, 'core') + path.sep) ? { path: file, sideEffects: false } : undefined;
    });
  },
};

const result = await build({
  entryPoints: [path.join(root, 'cli', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  // CommonJS inside (ws), loaded from node_modules as it is; only page commands load it.
  external: ['happy-dom'],
  outdir: OUT_DIR,
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  metafile: true,
  logLevel: 'error',
  minifyWhitespace: true,
  plugins: [pureCore],
});
// Only our own sources can change without an install (which rebuilds).
const inputs = Object.keys(result.metafile.inputs)
  .map((file) => path.relative(root, path.resolve(root, file)))
  .filter((file) => !file.split(path.sep).includes('node_modules'));
writeFileSync(path.join(OUT_DIR, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
