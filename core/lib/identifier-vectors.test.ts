/**
 * Test vectors taken from other libraries' public tests (identifier-vectors.json; each entry names its source):
 * python-stdnum (cn.uscc doctests), bluesky335/IDCheck (Go), hutool (Java) and a public Java 注册号 checker.
 * A vector marked valid must validate; one marked invalid must be refused with a check-digit, format, characters
 * or length reason. Only codes are kept, no names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIdentifier } from './identifiers.ts';

interface Vector {
  code: string;
  valid: boolean;
  kind: 'uscc' | 'regNo';
  source: string;
}

const vectors = JSON.parse(readFileSync(new URL('./identifier-vectors.json', import.meta.url), 'utf8')) as Vector[];

describe('identifier vectors from other libraries', () => {
  it('has at least 20 vectors from at least 2 libraries', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(20);
    const libraries = new Set(vectors.map((v) => v.source.split(':')[0]));
    expect(libraries.size).toBeGreaterThanOrEqual(2);
  });

  it.each(vectors.filter((v) => v.valid).map((v) => [v.code, v.kind, v.source] as const))(
    '%s is a valid %s (%s)',
    (code, kind) => {
      const check = validateIdentifier(code);
      expect(check).toEqual({ valid: true, kind, reason: null });
    },
  );

  // 13-digit numbers were refused by the source library (it knew only 15 digits); here they are legacy 注册号 (valid: null).
  const legacy = (code: string) => /^\d{13}$/.test(code);

  it.each(vectors.filter((v) => !v.valid && legacy(v.code)).map((v) => [v.code, v.source] as const))('%s is a legacy 注册号 without check digit (%s)', (code) => {
    expect(validateIdentifier(code)).toEqual({ valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' });
  });

  it.each(vectors.filter((v) => !v.valid && !legacy(v.code)).map((v) => [v.code, v.source] as const))('%s is refused (%s)', (code) => {
    const check = validateIdentifier(code);
    expect(check.valid).toBe(false);
    expect(['check-digit', 'format', 'characters', 'length']).toContain(check.reason);
  });
});
