/** `npm run bench`: every benchmark of the project, one after another, printing figures and ratios. */
import { benchCoreAssess } from './core-assess.ts';

const records = Number(process.env.BENCH_RECORDS ?? 100_000);
await benchCoreAssess(records);
