/** `npm run bench`: every benchmark of the project, one after another, printing figures and ratios. */
import { closeAll } from '../support/dom.ts';
import { benchCoreAssess } from './core-assess.ts';
import { benchSitesParse } from './sites-parse.ts';

const records = Number(process.env.BENCH_RECORDS ?? 100_000);
await benchSitesParse();
await benchCoreAssess(records);
await (await import('./browser-overlay.ts')).benchBrowserOverlay();
await closeAll();
