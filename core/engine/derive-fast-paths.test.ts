/**
 * The derivations' fast paths pinned to their plain versions: every type's regular expression run on the whole
 * content (the one-pass search with its literal shortcuts only decides which need running), 从重 by regular
 * expression, and the authority words by `includes`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchForm } from '../lib/text.ts';
import { AGGRAVATED_PATTERN, NOT_AGGRAVATED_PATTERN, PENALTY_TYPE_PATTERNS, SAMR_AUTHORITY_WORDS } from '../data/derivation-keywords.ts';
import type { PenaltyType } from '../schemas/record.ts';
import { deriveAggravated, deriveIsSamr, deriveTypes } from './derive.ts';

const compile = (patterns: readonly string[]): RegExp => new RegExp(patterns.map((p) => matchForm(p)).join('|'));
const TYPE_RES = PENALTY_TYPE_PATTERNS.map(({ type, patterns }) => ({ type, re: compile(patterns) }));

function plainTypes(content: string): PenaltyType[] {
  const text = matchForm(content);
  return TYPE_RES.filter(({ re }) => re.test(text)).map(({ type }) => type);
}

function plainAggravated(content: string, types: readonly PenaltyType[]): boolean {
  const text = matchForm(content);
  return types.includes('FINE') && compile([AGGRAVATED_PATTERN]).test(text) && !compile([NOT_AGGRAVATED_PATTERN]).test(text);
}

function plainIsSamr(authority: string): boolean {
  const text = matchForm(authority);
  return SAMR_AUTHORITY_WORDS.some((w) => text.includes(matchForm(w)));
}

/** Pieces of every pattern (its literal runs and alternatives), and what surrounds them in real contents. */
const PIECES = [
  ...new Set(PENALTY_TYPE_PATTERNS.flatMap(({ patterns }) => patterns.flatMap((p) => p.split(/[()[\]{}.*+?|^$\\,;。0-9]+/)))),
  '罚款人民币5万元',
  '，',
  '。',
  ',',
  ';',
  '并处',
  '没收',
  '违法',
  '所得',
  '食品',
  '从重',
  '不予从重',
  '未从重',
  '再',
  '禁止',
  '不得',
  '从事',
  '吊销',
  '营业执照',
  '许可证',
  '《',
  '》',
  '其',
  ' ',
  '\u3000',
  '\u200b',
  'Ａ',
  '１２',
  '处以',
  '罚金',
  '市场监督管理局',
  '工商局',
  '税务局',
  ...SAMR_AUTHORITY_WORDS,
].filter((p) => p !== '');
const content = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((parts) => parts.join(''));

describe('derivation agrees with its plain version', () => {
  it('deriveTypes: the types whose regular expression matches, in table order', () => {
    fc.assert(
      fc.property(content, (c) => {
        expect(deriveTypes(c)).toEqual(plainTypes(c));
      }),
      { numRuns: 3000 },
    );
  });

  it('deriveTypes on the bench contents and on texts naming every type', () => {
    for (const c of [
      '罚款人民币2000元',
      '罚款人民币5万元，没收违法所得3200元',
      '没收违法生产的食品，并处罚款人民币3万元',
      '警告，并处罚款人民币5000元',
      '通报批评',
      '责令停产停业，罚款人民币10万元',
      '从重处罚，罚款人民币20万元',
      '吊销食品经营许可证',
      '五年内不得从事食品生产经营管理工作',
      '禁止再从事',
      '不得再从事',
      '处以二万元罚金',
      PIECES.join(''),
    ]) {
      expect(deriveTypes(c)).toEqual(plainTypes(c));
    }
  });

  it('deriveAggravated: 从重 in a fine, unless not aggravated', () => {
    fc.assert(
      fc.property(content, fc.subarray(['FINE', 'WARNING'] as PenaltyType[]), (c, types) => {
        expect(deriveAggravated(c, types)).toBe(plainAggravated(c, types));
      }),
      { numRuns: 1000 },
    );
  });

  it('deriveIsSamr: an authority word in the name', () => {
    fc.assert(
      fc.property(content, (a) => {
        expect(deriveIsSamr(a)).toBe(plainIsSamr(a));
      }),
      { numRuns: 1000 },
    );
  });
});
