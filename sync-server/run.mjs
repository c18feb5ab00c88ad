#!/usr/bin/env node
// `npm run sync-server`: runs the build made at install (build.mjs) in this plain Node process; when a source changed
// since (a working copy), it builds once first. Nothing is compiled on an ordinary start and nothing is left behind.
import { pathToFileURL } from 'node:url';
import { SERVER_BUILD_DIR, freshBuild } from '../scripts/build-state.mjs';

const built = freshBuild(undefined, SERVER_BUILD_DIR) ?? (await (await import('./build.mjs')).buildServer());
await import(pathToFileURL(built).href);
