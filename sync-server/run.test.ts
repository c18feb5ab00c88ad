/** `npm run sync-server` runs the install-time build: nothing compiled per start, nothing left behind by any exit. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/build-state.mjs';

const run = promisify(execFile);
const CACHE = path.join(ROOT, 'node_modules', '.cache');

describe('sync-server/run.mjs', () => {
  it('exits on bad settings with the reason and leaves no file behind', async () => {
    const before = readdirSync(CACHE, { recursive: true }).sort();
    const failed = await run(process.execPath, [path.join(ROOT, 'sync-server', 'run.mjs')], {
      env: { ...process.env, PORT: 'eighty' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('PORT');
    expect(readdirSync(CACHE, { recursive: true }).sort()).toEqual(before);
  });
});
