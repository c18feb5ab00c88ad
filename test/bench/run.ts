/**
 * `npm run bench`: every benchmark of the project, one after another, printing figures and ratios.
 * BENCH_ONLY=sync (or a comma list of sites, core, cli, ledger, browser, sync, join, flood, scale) runs only those; ledger includes
 * the clue import (ledger-import.ts).
 */
import { closeAll } from '../support/dom.ts';
import { benchCoreAssess } from './core-assess.ts';
import { benchSitesParse } from './sites-parse.ts';

const only = process.env.BENCH_ONLY?.split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const wanted = (name: string) => !only || only.includes(name);

const records = Number(process.env.BENCH_RECORDS ?? 100_000);
if (wanted('sites')) await benchSitesParse();
if (wanted('core')) await benchCoreAssess(records);
if (wanted('cli')) await (await import('./cli-limits.ts')).benchCliLimits();
if (wanted('ledger')) {
  await (await import('./ledger.ts')).benchLedger();
  await (await import('./ledger-import.ts')).benchLedgerImport();
}
if (wanted('browser')) await (await import('./browser-overlay.ts')).benchBrowserOverlay();
if (wanted('sync')) await (await import('./sync-bench.ts')).benchSync();
if (wanted('join') && !wanted('sync')) await (await import('./sync-bench.ts')).benchJoin();
if (wanted('sync') || wanted('flood')) await (await import('./sync-park-flood.ts')).benchParkFlood();
if (wanted('scale')) await (await import('./sync-scale.ts')).benchSyncScale();
await closeAll();
