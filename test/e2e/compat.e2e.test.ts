/**
 * `minimum_chrome_version` is the oldest Chromium the built code really runs on: the built files are scanned for
 * the web APIs and syntax that arrived after MV3 (Chrome 88), and the declared minimum must equal the newest one
 * found — not lower (it would break on old office browsers), not higher (it would shut them out for nothing).
 * Versions from MDN's compatibility data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_DETECTED, MINIMUM_CHROME_VERSION } from '../../extension/compat.ts';
import { EXTENSION_DIR } from './support/paths.ts';

/** MV3 and the service-worker background. */
const MV3 = 88;

const NEWER: ReadonlyArray<{ what: string; pattern: RegExp; chrome: number }> = [
  { what: 'AbortSignal in addEventListener options', pattern: /addEventListener\([^)]*\{\s*signal\b/, chrome: 90 },
  { what: '#private in obj', pattern: /#[A-Za-z_$][\w$]*\s+in\s/, chrome: 91 },
  { what: 'Array/String .at()', pattern: /\.at\(-?\d/, chrome: 92 },
  { what: 'crypto.randomUUID', pattern: /randomUUID\(/, chrome: 92 },
  { what: 'Object.hasOwn', pattern: /Object\.hasOwn\(/, chrome: 93 },
  { what: 'Error cause', pattern: /Error\([^()]*,\s*\{\s*cause\b/, chrome: 93 },
  { what: 'class static block', pattern: /\bstatic\s*\{/, chrome: 94 },
  { what: 'Array findLast', pattern: /\.findLast(Index)?\(/, chrome: 97 },
  { what: 'structuredClone', pattern: /\bstructuredClone\(/, chrome: 98 },
  { what: 'storage.session', pattern: /storage\.session\b/, chrome: 102 },
  { what: 'AbortSignal.timeout', pattern: /AbortSignal\.timeout\(/, chrome: 103 },
  { what: 'offscreen documents', pattern: /\.offscreen\.createDocument/, chrome: 109 },
  { what: 'change-array-by-copy', pattern: /\.(toSorted|toReversed|toSpliced)\(/, chrome: 110 },
  { what: 'String isWellFormed', pattern: /\.(isWellFormed|toWellFormed)\(/, chrome: 111 },
  { what: 'side panel', pattern: /\.sidePanel\./, chrome: 114 },
  { what: 'AbortSignal.any', pattern: /AbortSignal\.any\(/, chrome: 116 },
  { what: 'Object/Map.groupBy', pattern: /\b(Object|Map)\.groupBy\(/, chrome: 117 },
  { what: 'Promise.withResolvers', pattern: /Promise\.withResolvers\(/, chrome: 119 },
  { what: 'Array.fromAsync', pattern: /Array\.fromAsync\(/, chrome: 121 },
  { what: 'action.openPopup', pattern: /action\.openPopup\(/, chrome: 127 },
];

function builtScripts(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(`${dir}/${file}`, 'utf8') }));
}

describe('minimum_chrome_version', () => {
  it('equals the newest browser feature the built extension uses', () => {
    const found = NEWER.flatMap((feature) =>
      builtScripts(EXTENSION_DIR)
        .filter(({ text }) => feature.pattern.test(text))
        .map(({ file }) => ({ ...feature, file })),
    );
    // A feature the code uses only where the browser has it (with a tested fallback) does not raise the floor.
    const newest = Math.max(MV3, ...found.filter((f) => !FEATURE_DETECTED.includes(f.what)).map((f) => f.chrome));
    expect(FEATURE_DETECTED.filter((what) => !NEWER.some((feature) => feature.what === what))).toEqual([]);
    expect({ declared: MINIMUM_CHROME_VERSION, found: found.map((f) => `${f.what} (${f.chrome}) in ${f.file}`) }).toEqual({
      declared: newest,
      found: expect.any(Array),
    });
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { minimum_chrome_version?: string };
    expect(manifest.minimum_chrome_version).toBe(String(MINIMUM_CHROME_VERSION));
  });
});
