/** The bins run the install-time builds only while they are newer than every source they were built from. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, SERVER_BUILD_DIR, freshBuild } from './build-state.mjs';

function checkout(): { root: string; at: (file: string, seconds: number) => void } {
  const root = mkdtempSync(join(tmpdir(), 'creditlens-build-'));
  mkdirSync(join(root, BUILD_DIR), { recursive: true });
  mkdirSync(join(root, 'core'));
  writeFileSync(join(root, BUILD_DIR, 'main.mjs'), '');
  writeFileSync(join(root, BUILD_DIR, 'inputs.json'), JSON.stringify(['core/a.ts']));
  writeFileSync(join(root, 'core', 'a.ts'), '');
  const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
  return { root, at };
}

describe('freshBuild', () => {
  it('is the built entry while no source is newer, and null once one is (the bin then runs the sources)', () => {
    const { root, at } = checkout();
    at('core/a.ts', 1_000);
    at(`${BUILD_DIR}/main.mjs`, 2_000);
    expect(freshBuild(root)).toBe(join(root, BUILD_DIR, 'main.mjs'));
    at('core/a.ts', 3_000);
    expect(freshBuild(root)).toBeNull();
  });

  it('is null without a build, or when a source it was built from is gone', () => {
    expect(freshBuild(mkdtempSync(join(tmpdir(), 'creditlens-none-')))).toBeNull();
    const { root } = checkout();
    writeFileSync(join(root, BUILD_DIR, 'inputs.json'), JSON.stringify(['core/gone.ts']));
    expect(freshBuild(root)).toBeNull();
  });

  it("this checkout's builds are current (npm test rebuilds them before the tests)", () => {
    expect(freshBuild()).not.toBeNull();
    expect(freshBuild(undefined, SERVER_BUILD_DIR)).not.toBeNull();
  });
});
