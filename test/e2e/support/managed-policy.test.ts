import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeManagedPolicy } from './managed-policy.ts';

const HELPER = fileURLToPath(new URL('./managed-policy.ts', import.meta.url));
const dirs: string[] = [];
const temporary = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-policy-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A process that writes a policy into `dir`, then ends by `ending` without removing it. */
function writeAndEnd(dir: string, ending: string): void {
  const script = `import { writeManagedPolicy } from ${JSON.stringify(HELPER)};
    const policy = writeManagedPolicy({ ExtensionInstallForcelist: [] }, ${JSON.stringify(dir)});
    if (!(await import('node:fs')).existsSync(policy.file)) process.exit(9);
    ${ending}`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.status === 9, result.stderr).toBe(false);
}

describe('managed-policy file of the e2e test', () => {
  it('is written, and removed by remove()', () => {
    const dir = temporary();
    const policy = writeManagedPolicy({ DeveloperToolsAvailability: 1 }, dir);
    expect(JSON.parse(fs.readFileSync(policy.file, 'utf8'))).toEqual({ DeveloperToolsAvailability: 1 });
    policy.remove();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['an uncaught error', 'throw new Error("test failed")'],
    ['process.exit', 'process.exit(1)'],
    ['the end of the script', ''],
  ])('is removed when the process ends by %s', (_, ending) => {
    const dir = temporary();
    writeAndEnd(dir, ending);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('is removed when the process is ended by SIGTERM, which still ends it', () => {
    const dir = temporary();
    const script = `import { writeManagedPolicy } from ${JSON.stringify(HELPER)};
      writeManagedPolicy({}, ${JSON.stringify(dir)});
      setTimeout(() => process.kill(process.pid, 'SIGTERM'), 10);
      setTimeout(() => process.exit(7), 5000);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.signal).toBe('SIGTERM');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('left behind by a killed run, is removed by the next write', () => {
    const dir = temporary();
    fs.writeFileSync(path.join(dir, 'creditlens-e2e-999999999.json'), '{}');
    fs.writeFileSync(path.join(dir, 'someone-else.json'), '{}');
    writeManagedPolicy({}, dir).remove();
    expect(fs.readdirSync(dir)).toEqual(['someone-else.json']);
  });
});
