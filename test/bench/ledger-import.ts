/**
 * Benchmark of the clue import (figures, not assertions): the 50 MB CSV of the finding (150,000 rows), the largest
 * CSV the limits let through (19.5 MB, 20,000 rows) and the 200 KB zip bomb, each read and checked by the import job
 * in a worker thread, as the ledger page does — the time to the answer (the check, or the refusal) and the main
 * thread's longest stall meanwhile (a 1 ms timer's longest gap) — and, for comparison, the same job on the main
 * thread, where the stall is the whole work. Here the file's bytes are copied to the worker (most of the main
 * thread's stall with a worker); the page hands the worker its File without a copy. The browser's own figures are
 * printed by test/e2e/ledger-import.e2e.test.ts.
 */
import { Worker } from 'node:worker_threads';
import { importJob } from '../../extension/features/ledger/import-job.ts';
import type { FromWorker } from '../../extension/features/ledger/import-messages.ts';
import { bigCsv, zipBomb } from '../support/import-files.ts';
import { report, type BenchResult } from './report.ts';

const MAPPING = { name: 0, uscc: 1, status: 2, note: 3 };
const done = (message: FromWorker) => message.type === 'checked' || message.type === 'refused' || message.type === 'unreadable';
const outcome = (message: FromWorker) =>
  message.type === 'checked' ? `${message.good} rows checked` : message.type === 'refused' ? `refused (${message.over.cap})` : message.type;

/** The longest gap between ticks of a 1 ms timer while `work` runs: how long the thread could not answer. */
async function stalls<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longest: number }> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  return { value, ms, longest };
}

/** A started worker (its TypeScript loaded, not timed), and how to run one file in it. */
async function startWorker(): Promise<(name: string, bytes: Uint8Array) => Promise<FromWorker>> {
  // A worker thread does not inherit the tsx loader: it registers it, then loads the TypeScript worker.
  const url = new URL('./ledger-import-worker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`, {
    eval: true,
  });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return (name, bytes) =>
    new Promise<FromWorker>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => done(message) && resolve(message));
      worker.on('error', reject);
      worker.postMessage({ name, bytes });
    }).finally(() => void worker.terminate());
}

async function inPlace(name: string, bytes: Uint8Array): Promise<FromWorker> {
  let last: FromWorker | undefined;
  const handle = importJob((message) => void (last = message));
  await handle({ type: 'read', file: new Blob([bytes as Uint8Array<ArrayBuffer>]), name, headings: {}, words: { status: {}, domain: {} } });
  if (last?.type === 'read') await handle({ type: 'check', seq: 1, mapping: MAPPING, hasHeader: true });
  return last!;
}

export async function benchLedgerImport(): Promise<BenchResult> {
  const files: Array<[string, string, Uint8Array]> = [
    ['50 MB CSV, 150,000 rows', 'clues.csv', bigCsv(150_000, 50 * 1024 * 1024)],
    ['19.5 MB CSV, 20,000 rows (largest allowed)', 'clues.csv', bigCsv(20_000, 19.5 * 1024 * 1024)],
    ['200 KB zip bomb XLSX (200 MB inside)', 'bomb.xlsx', zipBomb()],
  ];
  const rows: Array<[string, string]> = [];
  for (const [label, name, bytes] of files) {
    const inWorker = await startWorker();
    const worker = await stalls(() => inWorker(name, bytes));
    const here = await stalls(() => inPlace(name, bytes));
    rows.push([
      `${label}: in the worker → ${outcome(worker.value)}`,
      `${worker.ms.toFixed(0)} ms, main thread's longest stall ${worker.longest.toFixed(0)} ms`,
    ]);
    rows.push([
      `${label}: on the main thread → ${outcome(here.value)}`,
      `${here.ms.toFixed(0)} ms, main thread's longest stall ${here.longest.toFixed(0)} ms`,
    ]);
  }
  return report('ledger: clue import, read and check (worker thread vs main thread)', rows);
}
