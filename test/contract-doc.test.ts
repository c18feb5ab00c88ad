/** docs/contract.md is what the zod schemas say today: regenerate it (npm run docs:contract) when they change. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_DOC, contractMarkdown } from './support/contract-doc.ts';

describe('docs/contract.md', () => {
  it('matches the schemas (npm run docs:contract rewrites it)', () => {
    expect(readFileSync(CONTRACT_DOC, 'utf8')).toBe(contractMarkdown());
  });

  it('documents the coverage fields of the honest-verdicts contract', () => {
    const doc = contractMarkdown();
    for (const field of [
      '"coverage"',
      '"completeness"',
      '"banners"',
      '"UNKNOWN"',
      '"MARKED"',
      '"NOT_LISTED"',
      '"atLeast"',
      '"entityKind"',
    ]) {
      expect(doc).toContain(field);
    }
  });
});
