/**
 * Benchmark of the core (docs/performance.md): 100,000 records of 10 penalties as NDJSON; the time to
 * JSON.parse every line, the time to assess every parsed record (schema validation, derivation, all rules and
 * findings), and their ratio. Goal: assessing costs no more than parsing (ratio ≤ 1.0).
 *
 * Each phase starts from a collected heap and the pair is measured three times; medians are reported. Without
 * that, whichever phase happened to inherit the other's garbage paid for it, and the ratio swung by ±40 %.
 */
import { assess } from '#core';
import { ndjsonLines } from './generate-records.ts';
import { collectGarbage, median, report, timed, type BenchResult } from './report.ts';

const AS_OF = '2024-06-30';
const ROUNDS = 3;

export async function benchCoreAssess(records = 100_000): Promise<BenchResult> {
  const lines = ndjsonLines(records);
  const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
  // One untimed warm-up pass over a slice, so both phases run optimised code.
  for (const line of lines.slice(0, 5000)) assess(JSON.parse(line), { asOf: AS_OF });

  const parseTimes: number[] = [];
  const assessTimes: number[] = [];
  let flagged = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const parsed: unknown[] = new Array(lines.length);
    collectGarbage();
    parseTimes.push(
      timed(() => {
        for (let i = 0; i < lines.length; i++) parsed[i] = JSON.parse(lines[i] as string);
      }),
    );
    let invalid = 0;
    flagged = 0;
    collectGarbage();
    assessTimes.push(
      timed(() => {
        for (const record of parsed) {
          const result = assess(record, { asOf: AS_OF });
          if (!result.ok) invalid++;
          else if (result.value.repeatOffender.flag) flagged++;
        }
      }),
    );
    if (invalid > 0) throw new Error(`${invalid} generated records did not validate`);
  }
  const parseMs = median(parseTimes);
  const assessMs = median(assessTimes);
  const perRecord = (ms: number) => `${ms.toFixed(0)} ms (${((ms * 1000) / records).toFixed(1)} µs/record)`;
  return report('core: assess vs JSON.parse', [
    ['records (10 penalties each)', records.toLocaleString('en')],
    ['NDJSON size', `${(bytes / 1024 / 1024).toFixed(1)} MiB`],
    [`JSON.parse, all lines (median of ${ROUNDS})`, perRecord(parseMs)],
    [`assess, all records (median of ${ROUNDS})`, perRecord(assessMs)],
    ['repeat offenders found', flagged.toLocaleString('en')],
    ['ratio assess / parse (goal ≤ 1.0)', (assessMs / parseMs).toFixed(2)],
  ]);
}
