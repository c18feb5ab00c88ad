/**
 * The command line as real processes: start-up of validate-id and of assess on a one-entity record (medians of 5,
 * as ratios to `node -e 0`, the floor every command pays), and hostile or huge input: a 5 MB page of unclosed
 * <div>s (refused before a DOM is built) and a record of 100,000 penalties (R3 and R4 linear), with peak memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report, type BenchResult } from './report.ts';

const CLI = fileURLToPath(new URL('../../cli/creditlens.mjs', import.meta.url));
/** Reports the process's peak resident memory on exit (ru_maxrss, KiB on Linux). */
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function measure(args: string[]): { ms: number; mib: number; code: number | null } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  const kib = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  return { ms, mib: kib / 1024, code: run.status };
}

function largeRecord(): string {
  const day = 86_400_000;
  const penalties = Array.from({ length: 100_000 }, (_, i) => ({
    id: `P${i}`,
    decisionNo: `示市监罚〔2023〕${i % 90_000}号`,
    authority: '示例市市场监督管理局',
    content: '罚款人民币2000元',
    decisionDate: new Date(Date.UTC(2022, 0, 1) + (i % 900) * day).toISOString().slice(0, 10),
    violationText: '销售超过保质期的食品',
  }));
  return JSON.stringify({ entity: { name: '示例市甲贸易有限公司', uscc: '91110000101623741K' }, penalties });
}

export async function benchCliLimits(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-bench-cli-'));
  try {
    const nested = join(dir, 'nested.html');
    writeFileSync(
      nested,
      `<!-- saved from url=(0053)https://www.gsxt.gov.cn/%7BAAAA0001-1558624663369%7D -->\n<html><body>${'<div>'.repeat(1_000_000)}</body></html>`,
    );
    const record = join(dir, 'large.json');
    writeFileSync(record, largeRecord());
    const one = join(dir, 'one.json');
    writeFileSync(
      one,
      JSON.stringify({
        entity: { name: '示例市甲贸易有限公司', uscc: '91110000101623741K' },
        penalties: [
          {
            id: 'P1',
            decisionNo: '示市监罚〔2024〕1号',
            decisionDate: '2024-01-10',
            authority: '示例市市场监督管理局',
            content: '罚款人民币2000元',
          },
        ],
      }),
    );
    const medianOf5 = (args: string[]) => median(Array.from({ length: 5 }, () => measure(args).ms));
    const floorMs = medianOf5(['-e', '0']);
    const validateMs = medianOf5([CLI, 'validate-id', '91110000101623741K']);
    const assessMs = medianOf5([CLI, 'assess', one, '--as-of', '2024-06-30']);
    const page = measure([CLI, 'parse', nested]);
    const large = measure([CLI, 'assess', record, '--as-of', '2024-06-30']);
    const start = (ms: number) => `${(ms / 1000).toFixed(2)} s, ${(ms / floorMs).toFixed(1)}× node -e 0`;
    const row = (m: ReturnType<typeof measure>) => `${(m.ms / 1000).toFixed(2)} s, ${m.mib.toFixed(0)} MiB peak, exit ${m.code}`;
    return report('cli: start-up (median of 5) and hostile or huge input (real processes)', [
      ['node -e 0', `${(floorMs / 1000).toFixed(2)} s`],
      ['validate-id (goal ≤ 0.3 s)', start(validateMs)],
      ['assess, one-entity record (goal ≤ 0.5 s)', start(assessMs)],
      ['parse: 5 MB of unclosed <div>s (goal < 5 s, < 1 GiB)', row(page)],
      ['assess: 100,000 penalties (goal ≤ 5 s)', row(large)],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
