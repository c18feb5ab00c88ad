// Lint keeps the boundaries of docs/architecture.md: core is pure and imports only zod, yjs (the team
// document's data type, itself free of DOM and Node APIs), fflate (the one ZIP writer, pure JavaScript) and itself;
// every other folder reaches core only through its index, as '#core' (or its content-script part, '#core/page').
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NOT_IN_CORE = 'core is pure: pass documents, URLs and dates in as parameters.';

/** Globals of browsers and Node that core must not touch. */
const CORE_FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'location',
  'navigator',
  'chrome',
  'browser',
  'fetch',
  'XMLHttpRequest',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'process',
  'Buffer',
  'require',
  'globalThis',
  'self',
  'performance',
].map((name) => ({ name, message: NOT_IN_CORE }));

/**
 * zod as a namespace: the named export `z` is an object holding all of zod, every locale included, which esbuild
 * cannot tree-shake (the sync server's bundle: 870 KB with it, 470 KB without).
 */
const ZOD_AS_NAMESPACE = {
  selector: 'ImportDeclaration[source.value="zod"] > ImportSpecifier[imported.name="z"]',
  message: "Write import * as z from 'zod' (tree-shakeable).",
};

/** The extension's feature folders (extension/features/<name>/). */
const FEATURES = ['overlay', 'lookup', 'notes', 'team', 'ledger', 'options', 'links'];

/** Import patterns a folder may not use: core past its index, the `others` parts, and (production) the tests. */
function restrictedImports(others, production, ownAdapter = false) {
  return [
    {
      group: ['**/core/**', '**/core'],
      message: "Import core only as '#core' (package.json imports → core/index.ts), or '#core/page' (core/page.ts).",
    },
    ...(ownAdapter
      ? []
      : [
          {
            regex: '^#core/sites/',
            message: "Only a content-script entry imports its site's adapter as '#core/sites/<id>'; use '#core' or '#core/page'.",
          },
        ]),
    ...others.map((part) => ({
      group: [`**/${part}/**`, `**/${part}`],
      message: `This part never imports ${part}/ (docs/architecture.md).`,
    })),
    ...(production
      ? [{ group: ['**/test/**', '**/*.test', '**/*.test.ts', '**/*.test.tsx'], message: 'Production code never imports tests.' }]
      : []),
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/', 'data/', 'bench-out/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ZOD_AS_NAMESPACE],
    },
  },
  // Outside core: only the index. The parts (extension, sync server, command line, packaging) never import each
  // other, and production code never imports tests (test folders, *.test files).
  ...[
    { files: ['test/**'], others: [] },
    { files: ['extension/**'], others: ['sync-server', 'cli', 'packaging'] },
    { files: ['sync-server/**'], others: ['extension', 'cli'] },
    { files: ['cli/**'], others: ['extension', 'sync-server'] },
    { files: ['packaging/**'], others: ['extension', 'sync-server', 'cli'] },
  ].map(({ files, others }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: restrictedImports(others, files[0] !== 'test/**') }] },
  })),
  // A feature (extension/features/<name>/) never imports another: what two share lives in ui/ (or messaging/, storage/,
  // sync/); pages that put features together are their entrypoints.
  ...FEATURES.map((feature) => ({
    files: [`extension/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...restrictedImports(['sync-server', 'cli', 'packaging'], true),
            {
              regex: `^\\.\\./(${FEATURES.filter((f) => f !== feature).join('|')})/`,
              message: 'A feature never imports another feature: move what both use to extension/ui/ (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  })),
  {
    // A content script carries its own site's adapter only (the others would load with every page of its site).
    files: ['extension/entrypoints/*.content.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictedImports(['sync-server', 'cli', 'packaging'], true, true) }] },
  },
  {
    // Tests may import test helpers wherever they are, and a site's own readers ('#core/sites/<file>') to test them.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictedImports([], false, true) }] },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...CORE_FORBIDDEN_GLOBALS],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: NOT_IN_CORE }],
      'no-restricted-syntax': [
        'error',
        ZOD_AS_NAMESPACE,
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: `new Date() reads the clock. ${NOT_IN_CORE}`,
        },
        ...['ImportDeclaration', 'ExportAllDeclaration', 'ExportNamedDeclaration', 'ImportExpression'].flatMap((node) => [
          {
            selector: `${node}[source.value=/^(?!zod$)(?!zod\\/mini$)(?!yjs$)(?!fflate$)(?!\\.{1,2}\\/)/]`,
            message: 'core imports only zod (or zod/mini), yjs, fflate and its own files.',
          },
          {
            selector: `${node}[source.value=/(^|\\/)(extension|sync-server|cli|test)(\\/|$)/]`,
            message: 'core never imports the extension, the server, the command line or the tests.',
          },
        ]),
      ],
    },
  },
  {
    // Tests of core may use Node and the test runner; the purity rules are for production code.
    files: ['core/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off', 'no-restricted-properties': 'off' },
  },
);
