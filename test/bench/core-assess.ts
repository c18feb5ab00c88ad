/**
 * Benchmark of the core (issue: core, Deliver 7): 100,000 records of 10 penalties as NDJSON; the time to
 * JSON.parse every line, the time to assess every parsed record (schema validation, derivation, all rules and
 * findings), and their ratio. Goal: assessing costs no more than parsing (ratio ≤ 1.0).
 */
import { assess } from '#core';
import { ndjsonLines } from './generate-records.ts';
import { report, timed, type BenchResult } from './report.ts';

export async function benchCoreAssess(records = 100_000): Promise<BenchResult> {
  const lines = ndjsonLines(records);
  const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  // One untimed warm-up pass over a slice, so both phases run optimised code.
  for (const line of lines.slice(0, 2000)) assess(JSON.parse(line), { asOf: '2024-06-30' });

  const parsed: unknown[] = new Array(lines.length);
  const parseMs = timed(() => {
    for (let i = 0; i < lines.length; i++) parsed[i] = JSON.parse(lines[i] as string);
  });
  let flagged = 0;
  let invalid = 0;
  const assessMs = timed(() => {
    for (const record of parsed) {
      const result = assess(record, { asOf: '2024-06-30' });
      if (!result.ok) invalid++;
      else if (result.value.repeatOffender.flag) flagged++;
    }
  });
  if (invalid > 0) throw new Error(`${invalid} generated records did not validate`);
  return report('core: assess vs JSON.parse', [
    ['records (10 penalties each)', records.toLocaleString('en')],
    ['NDJSON size', `${(bytes / 1024 / 1024).toFixed(1)} MiB`],
    ['JSON.parse, all lines', `${parseMs.toFixed(0)} ms (${((parseMs * 1000) / records).toFixed(1)} µs/record)`],
    ['assess, all records', `${assessMs.toFixed(0)} ms (${((assessMs * 1000) / records).toFixed(1)} µs/record)`],
    ['repeat offenders found', flagged.toLocaleString('en')],
    ['ratio assess / parse (goal ≤ 1.0)', (assessMs / parseMs).toFixed(2)],
  ]);
}
