/**
 * Benchmark of the ledger page's table logic: a team document of 20,000 entities read through
 * core, the rows prepared once (search text, dates), then the time to filter them (a status, a tag, a date range and a
 * two-word full-text search over notes) and to sort them (by name in pinyin order, by last change, by status), as the
 * page does on every keystroke or click. Medians of 5 rounds, each from a collected heap. Figures, not assertions
 * (extension/features/ledger/filter.test.ts asserts generous bounds).
 */
import { readTeamEntities } from '#core';
import { filterRows, NO_FILTER, sortRows, type LedgerFilter, type LedgerSort } from '../../extension/features/ledger/filter.ts';
import { ledgerRows } from '../../extension/features/ledger/rows.ts';
import { ledgerDoc } from '../support/extension/test-ledger.ts';
import { collectGarbage, median, report, timed, type BenchResult } from './report.ts';

const ROUNDS = 5;

function measure(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    collectGarbage();
    times.push(timed(() => void work()));
  }
  return median(times);
}

export async function benchLedger(count = 20_000): Promise<BenchResult> {
  const doc = ledgerDoc(count);
  let rows: ReturnType<typeof ledgerRows>['rows'] = [];
  const readMs = timed(() => void (rows = ledgerRows(readTeamEntities(doc)).rows));
  const filters: Array<[string, Partial<LedgerFilter>]> = [
    ['status = 核查中', { status: 'verifying' }],
    ['tag + date range', { tag: '重点', dateField: 'updatedOn', from: '2026-03-01', to: '2026-06-30' }],
    ['search "过期 原料" (notes)', { text: '过期 原料' }],
    ['search a code', { text: '91330100MA00012345' }],
  ];
  const sorts: Array<[string, LedgerSort]> = [
    ['name (pinyin)', { column: 'name', descending: false }],
    ['last change, newest first', { column: 'updatedAt', descending: true }],
    ['status', { column: 'status', descending: false }],
  ];
  const figure = (ms: number) => `${ms.toFixed(1)} ms`;
  return report(`ledger: filter and sort ${count.toLocaleString('en')} rows (median of ${ROUNDS})`, [
    ['read the document and prepare the rows (once per load)', figure(readMs)],
    ...filters.map(([name, change]): [string, string] => {
      let found = 0;
      const ms = measure(() => (found = filterRows(rows, { ...NO_FILTER, ...change }).length));
      return [`filter: ${name} → ${found.toLocaleString('en')} rows`, figure(ms)];
    }),
    ...sorts.map(([name, sort]): [string, string] => [`sort: ${name}`, figure(measure(() => sortRows(rows, sort)))]),
  ]);
}
