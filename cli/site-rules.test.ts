/**
 * `creditlens parse --site-rules`: a saved page whose penalty table has renamed columns is read through the team's
 * aliases, a switched-off layout answers `disabled` (exit 3), and a rules file that is not valid is refused with
 * each problem named (exit 2), nothing parsed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseResult } from '#core';
import { main } from './main.ts';
import type { Io } from './io.ts';

const dir = mkdtempSync(join(tmpdir(), 'creditlens-site-rules-'));
const LISTED = new URL('../core/sites/fixtures/gsxt-gov-cn/listed-2026.html', import.meta.url);

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), now: () => Date.UTC(2024, 5, 30, 4), errIsTerminal: false };
  return { code: await main(args, io), stdout, stderr };
}

const rename = (html: string, from: string, to: string) => html.split(`<th>${from}</th>`).join(`<th>${to}</th>`);
const page = write(
  'renamed.html',
  ['决定书文号:处罚文书编号', '违法行为类型:违法事项', '行政处罚内容:处罚措施'].reduce(
    (html, pair) => rename(html, ...(pair.split(':') as [string, string])),
    readFileSync(LISTED, 'utf8'),
  ),
);
const rules = (layouts: unknown, version = 4) =>
  write(`rules-${version}.json`, JSON.stringify({ format: 'creditlens-site-rules', version, sites: { 'gsxt-gov-cn': { layouts } } }));

describe('creditlens parse --site-rules', () => {
  it('without rules the renamed penalty table is not read: penalties unknown', async () => {
    const r = await run(['parse', page]);
    expect(r.code).toBe(0);
    expect(ParseResult.parse(JSON.parse(r.stdout))).toMatchObject({ ok: true, completeness: { penalties: { read: 0, total: null } } });
  });

  it('with the aliases the three penalties are read, and the result names the rules version', async () => {
    const file = rules({
      'web-2026': { columnAliases: { 处罚文书编号: '决定书文号', 违法事项: '违法行为类型', 处罚措施: '行政处罚内容' } },
    });
    const r = await run(['parse', page, '--site-rules', file]);
    expect(r.code).toBe(0);
    const result = ParseResult.parse(JSON.parse(r.stdout));
    expect(result).toMatchObject({ ok: true, completeness: { penalties: { read: 3, total: 3 } }, reader: { rulesVersion: 4 } });
  });

  it('a switched-off layout: disabled with the message, exit 3', async () => {
    const r = await run(['parse', page, '--site-rules', rules({ '*': { disabled: { message: '暂停读取，请人工核对' } } }, 5)]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, reason: 'disabled', detail: '暂停读取，请人工核对' });
  });

  it('a rules file that is not valid: each problem by its place, exit 2, nothing on stdout', async () => {
    const bad = write(
      'bad.json',
      JSON.stringify({
        format: 'creditlens-site-rules',
        version: 0,
        sites: { 'gsxt-gov-cn': { layouts: { '*': { columnAliases: { '': 'x' } } } } },
      }),
    );
    const r = await run(['parse', page, '--site-rules', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('version');
    expect(r.stderr).toContain('columnAliases');
  });

  it('not JSON, or no such file: exit 2', async () => {
    expect((await run(['parse', page, '--site-rules', write('x.json', '{')])).code).toBe(2);
    expect((await run(['parse', page, '--site-rules', join(dir, 'missing.json')])).code).toBe(2);
  });
});
