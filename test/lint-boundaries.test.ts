/**
 * The lint step really fails on a boundary break: code that breaks each boundary rule of eslint.config.js
 * (docs/architecture.md) is linted as if it stood in the named file, and the project's own eslint.config.js must reject
 * it (and accept the clean twin).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const found = result?.messages ?? [];
  // A parse error would make every "rejects" pass for the wrong reason.
  expect(found.filter((m) => m.fatal)).toEqual([]);
  return found.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('core stays pure', () => {
  it.each([
    { what: 'a Node import', code: "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n" },
    { what: 'a package other than zod and yjs', code: "import React from 'react';\nexport const r = React;\n" },
    { what: 'a dynamic import of a package', code: "export const m = () => import('dexie');\n" },
    { what: 'an import of the extension', code: "import { x } from '../extension/thing.ts';\nexport const y = x;\n" },
    { what: 'a re-export of a package', code: "export * from 'node:path';\n" },
    { what: 'window', code: 'export const w = window.location.href;\n' },
    { what: 'document', code: "export const d = document.querySelector('h1');\n" },
    { what: 'chrome', code: 'export const c = chrome.runtime.id;\n' },
    { what: 'fetch', code: "export const f = () => fetch('/x');\n" },
    { what: 'Date.now()', code: 'export const now = Date.now();\n' },
    { what: 'new Date() without an argument', code: 'export const now = new Date();\n' },
    { what: 'process', code: 'export const e = process.env;\n' },
    { what: 'any', code: 'export const a = (x: any) => x;\n' },
  ])('rejects $what in core', async ({ code }) => {
    expect(await messages(code, 'core/rules/r9-example.ts')).not.toEqual([]);
  });

  it('accepts zod, yjs, relative imports and dates passed in', async () => {
    const code =
      "import * as z from 'zod';\nimport * as Y from 'yjs';\nexport const doc = () => new Y.Doc();\nimport { addDays } from '../lib/dates.ts';\nexport const S = z.string();\nexport const next = (d: string) => addDays(d, 1);\nexport const at = (ms: number) => new Date(ms);\n";
    expect(await messages(code, 'core/rules/r9-example.ts')).toEqual([]);
  });
});

describe('other folders reach core only through its index', () => {
  it.each(['extension/entrypoints/popup/App.tsx', 'sync-server/server.ts', 'cli/commands/x.ts', 'test/e2e/x.test.ts'])(
    'rejects a deep import from %s',
    async (file) => {
      const code = "import { severityOf } from '../../core/rules/r1-severity.ts';\nexport const s = severityOf;\n";
      expect((await messages(code, file)).join('\n')).toContain("Import core only as '#core'");
    },
  );

  it('keeps features apart: a feature imports ui/, never another feature', async () => {
    const across = "import { HitCard } from '../lookup/HitCard.tsx';\nexport const h = HitCard;\n";
    expect((await messages(across, 'extension/features/ledger/x.tsx')).join('\n')).toContain('A feature never imports another feature');
    const shared = "import { HitCard } from '../../ui/HitCard.tsx';\nexport const h = HitCard;\n";
    expect(await messages(shared, 'extension/features/ledger/x.tsx')).toEqual([]);
    const own = "import { csvText } from './csv.ts';\nexport const c = csvText;\n";
    expect(await messages(own, 'extension/features/ledger/x.ts')).toEqual([]);
  });

  it('lets only a content-script entry import its own adapter', async () => {
    const code = "import { adapter } from '#core/sites/gsxt-gov-cn';\nexport const a = adapter;\n";
    expect((await messages(code, 'extension/features/overlay/x.ts')).join('\n')).toContain(
      "Only a content-script entry imports its site's adapter",
    );
    expect((await messages(code, 'cli/commands/x.ts')).join('\n')).toContain("Only a content-script entry imports its site's adapter");
    expect(await messages(code, 'extension/entrypoints/gsxt-gov-cn.content.ts')).toEqual([]);
  });

  it('accepts #core', async () => {
    expect(await messages("import { assess } from '#core';\nexport const a = assess;\n", 'cli/commands/x.ts')).toEqual([]);
  });
});

describe('zod is imported as a namespace (the named z defeats tree-shaking)', () => {
  it.each(['core/schemas/x.ts', 'sync-server/x.ts', 'extension/storage/x.ts'])('rejects the named z in %s', async (file) => {
    expect((await messages("import { z } from 'zod';\nexport const s = z.string();\n", file)).join('\n')).toContain(
      "import * as z from 'zod'",
    );
    expect((await messages("import type { z } from 'zod';\nexport type S = z.infer<never>;\n", file)).join('\n')).toContain(
      "import * as z from 'zod'",
    );
  });

  it('accepts the namespace', async () => {
    expect(await messages("import * as z from 'zod';\nexport const s = z.string();\n", 'sync-server/x.ts')).toEqual([]);
  });
});

describe('the parts never import each other', () => {
  it.each([
    ['extension/features/overlay/x.ts', '../../sync-server/rooms.ts', 'sync-server'],
    ['extension/features/overlay/x.ts', '../../cli/main.ts', 'cli'],
    ['extension/features/overlay/x.ts', '../../packaging/crx/zip.ts', 'packaging'],
    ['sync-server/x.ts', '../extension/ui/i18n.ts', 'extension'],
    ['sync-server/x.ts', '../cli/io.ts', 'cli'],
    ['cli/commands/x.ts', '../../sync-server/tokens.ts', 'sync-server'],
    ['cli/package/x.ts', '../../extension/compat.ts', 'extension'],
    ['packaging/crx/x.ts', '../../sync-server/config.ts', 'sync-server'],
  ])('rejects %s importing %s', async (file, spec, part) => {
    expect((await messages(`import { x } from '${spec}';\nexport const y = x;\n`, file)).join('\n')).toContain(`never imports ${part}/`);
  });

  it('accepts the shared packaging folder from the command line and the server', async () => {
    const code = "import { crxZip } from '../../packaging/crx/zip.ts';\nexport const z = crxZip;\n";
    expect(await messages(code, 'cli/package/x.ts')).toEqual([]);
    expect(await messages(code.replace('../../', '../'), 'sync-server/x.ts')).toEqual([]);
  });
});

describe('production code never imports tests', () => {
  it.each([
    ['extension/features/ledger/x.tsx', '../../test/support/extension/background.ts'],
    ['sync-server/x.ts', './rooms.test.ts'],
    ['cli/commands/x.ts', '../../test/fixtures/records/clean.json'],
  ])('rejects %s importing %s', async (file, spec) => {
    expect((await messages(`import x from '${spec}';\nexport const y = x;\n`, file)).join('\n')).toContain(
      'Production code never imports tests',
    );
  });

  it('accepts the same import in a test file', async () => {
    expect(
      await messages(
        "import { background } from '../../test/support/extension/background.ts';\nexport const b = background;\n",
        'extension/features/ledger/x.test.tsx',
      ),
    ).toEqual([]);
  });
});
