#!/usr/bin/env node
// Builds the sync server at install (postinstall), before `npm test`, and when run.mjs finds its build stale:
// sync-server/ and core/ compiled by esbuild into one ES module. Bundled, the pure ES-module packages (yjs,
// y-protocols, lib0, zod, jose) are tree-shaken and no TypeScript loader sits in the server's memory (docs/adr/0006);
// native code (better-sqlite3), CommonJS with optional requires (ws, pino) and the scale-out drivers (pg, ioredis) stay
// in node_modules. Written beside, then renamed into place: instances starting together never load half a build.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, SERVER_BUILD_DIR } from '../scripts/build-state.mjs';

export async function buildServer() {
  const outDir = path.join(ROOT, SERVER_BUILD_DIR);
  const staging = `${outDir}-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    const result = await build({
      entryPoints: [path.join(ROOT, 'sync-server', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['ws', 'better-sqlite3', 'pg', 'ioredis', 'pino'],
      // Names stay for readable stack traces; whitespace and comments go (the source V8 keeps shrinks to a third).
      minifyWhitespace: true,
      minifySyntax: true,
      logLevel: 'error',
      metafile: true,
      outfile: path.join(staging, 'main.mjs'),
    });
    const inputs = Object.keys(result.metafile.inputs)
      .map((file) => path.relative(ROOT, path.resolve(ROOT, file)))
      .filter((file) => !file.split(path.sep).includes('node_modules'));
    writeFileSync(path.join(staging, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return path.join(outDir, 'main.mjs');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
