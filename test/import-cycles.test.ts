/** No import cycles at run time anywhere in the project (type-only imports are erased and do not count). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from './support/import-graph.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['core', 'extension', 'cli', 'sync-server', 'packaging', 'scripts', 'test'];

describe('import cycles', () => {
  it('there are none in the project', () => {
    const files = sourceFiles(ROOT, FOLDERS);
    expect(files.length).toBeGreaterThan(300);
    expect(importCycles(importGraph(ROOT, files))).toEqual([]);
  });

  it('the check finds one, through #core and a dynamic import too, and ignores type-only imports', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'creditlens-cycles-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };
    write('cli/a.ts', "import { b } from './b.ts';\nexport const a = b;\n");
    write('cli/b.ts', "import {\n  c,\n} from '../core/c.ts';\nexport const b = c;\n");
    write('core/c.ts', "export const c = () => import('../cli/a.ts');\n");
    write('core/index.ts', "export { c } from './c.ts';\n");
    write(
      'test/t.ts',
      "import type { a } from '../cli/a.ts';\nimport { c } from '#core';\nexport type T = typeof a;\nexport const d = c;\n",
    );
    write('core/types.ts', "import type { T } from './t.ts';\nexport type U = T;\n");
    const graph = importGraph(root, sourceFiles(root, ['cli', 'core', 'test']));
    expect(importCycles(graph)).toEqual([['cli/a.ts', 'cli/b.ts', 'core/c.ts']]);
  });
});
