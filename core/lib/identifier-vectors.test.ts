/**
 * Test vectors taken from other libraries' public tests (identifier-vectors.json; each entry names its source):
 * python-stdnum (cn.uscc doctests), bluesky335/IDCheck (Go), hutool (Java) and a public Java 注册号 checker.
 * A vector marked valid must validate; one marked invalid must be refused with a check-digit, format, characters
 * or length reason. Only codes are kept, no names. Where we read a vector otherwise on purpose (`ourReading`), the
 * entry says why and the test holds us to our reading.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateIdentifier } from './identifiers.ts';

interface Vector {
  code: string;
  valid: boolean;
  kind: 'uscc' | 'regNo';
  source: string;
  ourReading?: 'regNo-legacy';
  why?: string;
}

const vectors = JSON.parse(readFileSync(new URL('./identifier-vectors.json', import.meta.url), 'utf8')) as Vector[];

describe('identifier vectors from other libraries', () => {
  it('has at least 20 vectors from at least 2 libraries', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(20);
    const libraries = new Set(vectors.map((v) => v.source.split(':')[0]));
    expect(libraries.size).toBeGreaterThanOrEqual(2);
  });

  it.each(vectors.filter((v) => v.valid).map((v) => [v.code, v.kind, v.source] as const))('%s is a valid %s (%s)', (code, kind) => {
    const check = validateIdentifier(code);
    expect(check).toEqual({ valid: true, kind, reason: null });
  });

  it.each(vectors.filter((v) => v.ourReading === 'regNo-legacy').map((v) => [v.code, v.source] as const))(
    '%s is a legacy number without a check digit, not an error (refused by %s)',
    (code) => {
      expect(validateIdentifier(code)).toEqual({ valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' });
    },
  );

  it.each(vectors.filter((v) => !v.valid && !v.ourReading).map((v) => [v.code, v.source] as const))('%s is refused (%s)', (code) => {
    const check = validateIdentifier(code);
    expect(check.valid).toBe(false);
    expect(['check-digit', 'format', 'characters', 'length']).toContain(check.reason);
  });
});
