/**
 * The command line, as users run it: the real `creditlens` process for the contract and the exit codes, and
 * main() in-process (with a fixed clock) for the many bad-input cases.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Assessment } from '#core';
import { main } from './main.ts';
import type { Io } from './io.ts';

const BIN = fileURLToPath(new URL('./creditlens.mjs', import.meta.url));
const RECORD = fileURLToPath(new URL('../test/fixtures/records/repeat-offender.json', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'creditlens-cli-'));

function write(name: string, content: string): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: tmpdir() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** main() with captured streams; "now" is 2024-06-30 12:00 in Beijing. */
async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), now: () => Date.UTC(2024, 5, 30, 4), errIsTerminal: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('creditlens assess (real process)', () => {
  it('prints the Assessment contract for a record file', async () => {
    const { code, stdout, stderr } = await runBin(['assess', RECORD, '--as-of', '2024-06-30']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const a = Assessment.parse(JSON.parse(stdout));
    expect(a.asOf).toBe('2024-06-30');
    expect(a.repeatOffender).toMatchObject({ flag: true, count: 10, excluded: [{ id: 'P08', reason: 'revoked' }] });
    expect(a.seriousList).toMatchObject({ shouldBeListed: true, candidatePenaltyIds: ['P09'] });
    expect(a.abnormalList.status).toBe('ACTIVE');
  });

  it('fails cleanly on a schema violation: exit 2, one line per problem with its path, nothing on stdout', async () => {
    const bad = write(
      'bad.json',
      JSON.stringify({
        entity: { name: '' },
        penalties: [{ id: 'P1', decisionNo: 'X', decisionDate: '2023-02-30', authority: 'A', types: ['FINEE'] }],
      }),
    );
    const { code, stdout, stderr } = await runBin(['assess', bad, '--as-of', '2024-06-30']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('entity.name: must not be empty'),
        expect.stringContaining('penalties[0].decisionDate: expected a calendar date as YYYY-MM-DD'),
        expect.stringContaining('penalties[0].types[0]:'),
      ]),
    );
  });
});

describe('creditlens assess (bad input)', () => {
  it.each([
    { name: 'a missing file', args: () => ['assess', join(tmp, 'nope.json'), '--as-of', '2024-06-30'], says: 'cannot read: no such file' },
    {
      name: 'a folder with nothing usable',
      args: () => ['assess', mkdtempSync(join(tmp, 'empty-')), '--as-of', '2024-06-30'],
      says: '0 个主体 entities',
    },
    { name: 'a bad --format', args: () => ['assess', RECORD, '--format', 'xml'], says: '--format: expected json or csv' },
    { name: 'invalid JSON', args: () => ['assess', write('broken.json', '{"entity": '), '--as-of', '2024-06-30'], says: 'invalid JSON' },
    { name: 'a bad --as-of', args: () => ['assess', RECORD, '--as-of', '2024-13-01'], says: '--as-of: expected a calendar date' },
    { name: 'an unknown option', args: () => ['assess', RECORD, '--asof', '2024-01-01'], says: "Unknown option '--asof'" },
    { name: 'no file', args: () => ['assess'], says: 'usage: creditlens assess' },
    {
      name: 'an unknown setting',
      args: () => ['assess', RECORD, '--settings', write('s.json', '{"treshold": 5}')],
      says: 'Unrecognized key: "treshold"',
    },
    {
      name: 'a wrong setting type',
      args: () => ['assess', RECORD, '--settings', write('s2.json', '{"samrOnly": "yes"}')],
      says: 'samrOnly:',
    },
    {
      name: 'duplicate ids',
      args: () => [
        'assess',
        write(
          'dup.json',
          JSON.stringify({
            entity: { name: 'x' },
            abnormalListings: [
              { id: 'A', listedDate: '2020-01-01' },
              { id: 'A', listedDate: '2021-01-01' },
            ],
          }),
        ),
      ],
      says: 'abnormalListings[1].id: duplicate id "A"',
    },
  ])('rejects $name with exit 2 and says why', async ({ args, says }) => {
    const { code, stdout, stderr } = await runMain(args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(says);
  });

  it('--as-of defaults to today in China time', async () => {
    const { code, stdout } = await runMain(['assess', RECORD]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).asOf).toBe('2024-06-30');
  });

  it('--settings changes the verdict', async () => {
    const settings = write('strict.json', JSON.stringify({ samrOnly: true, repeatOffenderThreshold: 11 }));
    const { code, stdout } = await runMain(['assess', RECORD, '--as-of', '2024-06-30', '--settings', settings]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).repeatOffender.flag).toBe(false);
  });
});

describe('creditlens assess of a very large record', () => {
  it('counts 100,000 penalties exactly (one per decision), in linear time (the figure is in npm run bench)', async () => {
    const day = 86_400_000;
    const penalties = Array.from({ length: 100_000 }, (_, i) => ({
      id: `P${i}`,
      decisionNo: `示市监罚〔2023〕${i % 90_000}号`,
      authority: '示例市市场监督管理局',
      content: '罚款人民币2000元',
      decisionDate: new Date(Date.UTC(2022, 0, 1) + (i % 900) * day).toISOString().slice(0, 10),
      violationText: '销售超过保质期的食品',
    }));
    const file = join(tmp, 'large.json');
    writeFileSync(file, JSON.stringify({ entity: { name: '示例市甲贸易有限公司', uscc: '91110000101623741K' }, penalties }));
    const { code, stdout } = await runMain(['assess', file, '--as-of', '2024-06-30']);
    expect(code).toBe(0);
    const a = JSON.parse(stdout) as Assessment;
    expect(a.repeatOffender).toMatchObject({ flag: true, count: 90_000 });
    expect(a.repeatOffender.excluded).toHaveLength(10_000);
    expect(new Set(a.repeatOffender.excluded.map((e) => e.reason))).toEqual(new Set(['duplicate-decision']));
  });
});

describe('creditlens validate-id', () => {
  it.each([
    { code: '91110000101623741K', exit: 0, out: { valid: true, kind: 'uscc', reason: null } },
    { code: '91350211M0000XUF46', exit: 1, out: { valid: false, kind: 'uscc', reason: 'check-digit' } },
    { code: '120224000057628', exit: 0, out: { valid: true, kind: 'regNo', reason: null } },
    { code: '12345', exit: 1, out: { valid: false, kind: 'unknown', reason: 'length' } },
    // Legacy numbers official pages show: recognised, no check digit to verify, not an error.
    { code: '1102212140169', exit: 0, out: { valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' } },
    { code: '411303NA000262X', exit: 0, out: { valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' } },
    { code: '411303NB000262X', exit: 1, out: { valid: false, kind: 'regNo', reason: 'characters' } },
  ])('$code → exit $exit', async ({ code, exit, out }) => {
    const r = await runMain(['validate-id', code]);
    expect(r.code).toBe(exit);
    expect(JSON.parse(r.stdout)).toEqual(out);
  });

  it('runs as a real process with exit code 1 for a bad check digit', async () => {
    const r = await runBin(['validate-id', '91310115MA1H8R7C6D']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ valid: false, kind: 'uscc', reason: 'check-digit' });
  });

  it('without a code is a usage error (2)', async () => {
    expect((await runMain(['validate-id'])).code).toBe(2);
  });
});

describe('creditlens', () => {
  it('an unknown command exits 2', async () => {
    const r = await runMain(['asses']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "asses"');
  });

  it('--help lists the commands in Chinese and English', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('creditlens assess');
    expect(r.stdout).toContain('评估');
  });
});
