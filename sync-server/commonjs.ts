/**
 * The CommonJS packages the server runs on, loaded with `require` instead of `import`. An ES module that imports
 * CommonJS makes Node scan the package's source for its export names (cjs-module-lexer); ws 8's ES wrapper pulls in
 * eight files, enough for V8 to compile the scanner with TurboFan on a worker thread, and that thread's malloc arena
 * then keeps about 4 MiB for the life of the server (measured: 70.7 → 65.4 MiB resident at start). `require` needs no
 * scan. Type-only imports are erased, so they cost nothing.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type * as WebSocketPackage from 'ws';

const requireCommonJs = createRequire(import.meta.url);

export const { WebSocketServer } = requireCommonJs('ws') as typeof WebSocketPackage;
export const Database = requireCommonJs('better-sqlite3') as typeof BetterSqlite3;
