#!/usr/bin/env node
// `npm run sync-server`: compiles the server's TypeScript (sync-server/ and core/) into one ES module with esbuild's
// command-line binary and runs it in this plain Node process. No TypeScript loader thread and no compiler in the
// server's memory (about 50 MiB less than `node --import tsx`), and an account command starts in a fraction of the
// time. The pure ES-module packages (yjs, y-protocols, lib0, zod, jose) are bundled too, tree-shaken: 7 MiB less
// resident than loading them whole from node_modules (zod only as a namespace import: lint enforces it). Packages
// that cannot be bundled stay outside: native code (better-sqlite3) and CommonJS with optional requires (ws), both
// loaded with require (commonjs.ts says why), and the drivers only a scaled-out server loads (pg, ioredis).
// Whitespace and comments are dropped (names stay, for readable stack traces): the source V8 keeps in memory shrinks
// from 2.5 MiB (a comment in Chinese made it a two-byte string) to 0.9 MiB.
// Each process compiles into a file of its own (several instances or commands may start at once) and removes it once
// loaded.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'node_modules', '.cache', 'creditlens-sync-server', `main-${process.pid}-${Date.now()}.mjs`);
execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), [
  path.join(root, 'sync-server', 'main.ts'), '--bundle', '--platform=node', '--format=esm', '--target=node20',
  ...['ws', 'better-sqlite3', 'pg', 'ioredis'].map((name) => `--external:${name}`),
  '--minify-whitespace', '--minify-syntax', '--log-level=error', `--outfile=${outfile}`,
], { stdio: ['ignore', 'ignore', 'inherit'] });
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
