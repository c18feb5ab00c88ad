/** The sync benchmark's output: one row per figure with ours, the reference and ours/reference. */
import { report, type BenchResult } from './report.ts';

export interface ComparedFigure {
  name: string;
  ours: number;
  reference: number;
  format(value: number): string;
  /** Which way is better; the ratio is always ours/reference, so the goal reads ≤ 1.0 or ≥ 1.0. */
  better: 'lower' | 'higher' | 'info';
}

export function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const fmt = {
  ms: (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`,
  perSecond: (value: number) => `${Math.round(value).toLocaleString('en')}/s`,
  mib: (kib: number) => `${(kib / 1024).toFixed(1)} MiB`,
  percent: (value: number) => `${value.toFixed(0)} %`,
  count: (value: number) => Math.round(value).toLocaleString('en'),
};

const GOAL = { lower: 'goal ≤ 1.0', higher: 'goal ≥ 1.0', info: '' } as const;

export function compareTable(
  title: string,
  labels: { ours: string; reference: string },
  figures: ComparedFigure[],
  notes: Array<[string, string]> = [],
): BenchResult {
  const cells = figures.map((f) => [f.format(f.ours), f.format(f.reference), (f.ours / f.reference).toFixed(2)]);
  const widths = [labels.ours, labels.reference, 'ours/ref'].map((head, col) =>
    Math.max(head.length, ...cells.map((row) => (row[col] as string).length)),
  );
  const line = (values: string[]) => values.map((v, col) => v.padStart(widths[col] as number)).join('   ');
  return report(title, [
    ['', line([labels.ours, labels.reference, 'ours/ref'])],
    ...figures.map((f, i): [string, string] => [f.name, `${line(cells[i] as string[])}   ${GOAL[f.better]}`.trimEnd()]),
    ...notes,
  ]);
}
