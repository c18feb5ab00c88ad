/**
 * The CommonJS packages the server runs on, loaded with `require` instead of `import`: importing CommonJS from an ES
 * module makes Node scan the package for its export names, and for ws that scan left about 4 MiB resident for good
 * (docs/adr/0006-server-memory.md). Type-only imports are erased, so they cost nothing.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type * as WebSocketPackage from 'ws';

const requireCommonJs = createRequire(import.meta.url);

export const { WebSocketServer } = requireCommonJs('ws') as typeof WebSocketPackage;
export const Database = requireCommonJs('better-sqlite3') as typeof BetterSqlite3;
