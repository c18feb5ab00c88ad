#!/usr/bin/env node
// The `creditlens` command (npm bin). Runs the build made at install (cli/build.mjs) when it is newer than every
// source file it was built from; otherwise (sources edited since, or no build) loads the TypeScript sources with
// tsx, which is slower to start but never stale.
import { pathToFileURL } from 'node:url';
import { freshBuild } from '../scripts/build-state.mjs';

const built = freshBuild();
let main;
if (built) ({ main } = await import(pathToFileURL(built).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
