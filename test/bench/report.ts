/** Shared output of the benchmarks: named figures printed as an aligned table. Figures, not assertions. */
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  title: string;
  rows: Array<[string, string]>;
}

export function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A full collection before a timed phase, when node runs with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function report(title: string, rows: Array<[string, string]>): BenchResult {
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(`\n${title}\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`);
  return { title, rows };
}
