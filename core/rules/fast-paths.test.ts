/**
 * The rules' fast paths pinned to their plain versions: severity by a loop (not heavyReasons + every), the
 * 1-year fields by one keyword search (not a scan of every word), the domain answers made once, duplicate
 * decisions found by a scan of the counted ones (not a Set).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRecord } from '../engine/assess.ts';
import { deriveFacts } from '../engine/derive.ts';
import { keywordsIn, matchForm } from '../lib/text.ts';
import {
  COSMETIC_WORDS,
  CONDUCT_GROUP,
  DRUG_WORDS,
  LEGAL_BASIS_LAWS,
  MEDICAL_DEVICE_WORDS,
  PRODUCT_GROUPS,
  SPECIAL_EQUIPMENT_WORDS,
} from '../data/domain-keywords.ts';
import { Domain } from '../schemas/assessment.ts';
import { PenaltyType } from '../schemas/record.ts';
import { DEFAULT_SETTINGS, Repair1yField, type RuleSettings } from '../schemas/settings.ts';
import { penalty, record } from '../test-support/records.ts';
import { heavyReasons, isWarningOnly, severityOf } from './r1-severity.ts';
import { inOneYearField } from './r3-repair.ts';
import { classifyDomain } from './r6-domain.ts';

const REPUTATIONAL = ['WARNING', 'CIRCULATED_CRITICISM'];

describe('R1 agrees with its plain version', () => {
  it('severityOf and isWarningOnly on any types, aggravated or not, lower amount or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PenaltyType.options), { maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        (types, aggravatedFine, lowAmountFine) => {
          const p = { types, aggravatedFine, lowAmountFine };
          const light = types.length > 0 && types.every((t) => REPUTATIONAL.includes(t) || (t === 'FINE' && lowAmountFine));
          expect(severityOf(p)).toBe(heavyReasons(p).length > 0 ? 'HEAVY' : light ? 'LIGHT' : 'GENERAL');
          expect(isWarningOnly(p)).toBe(types.length > 0 && types.every((t) => t === 'WARNING'));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const WORDS = [
  ...new Set([
    ...DRUG_WORDS,
    ...MEDICAL_DEVICE_WORDS,
    ...COSMETIC_WORDS,
    ...SPECIAL_EQUIPMENT_WORDS,
    ...CONDUCT_GROUP.keywords,
    ...PRODUCT_GROUPS.flatMap((g) => g.keywords),
    ...LEGAL_BASIS_LAWS.flatMap((l) => l.laws),
    '销售',
    '违反',
    '，',
    ' ',
    'Ａ',
  ]),
];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => matchForm(w.join('')));

describe('R3 agrees with its plain version', () => {
  const FIELD: Record<string, { domain: Domain; words: readonly string[] }> = {
    DRUG: { domain: 'DRUG_DEVICE_COSMETIC', words: DRUG_WORDS },
    MEDICAL_DEVICE: { domain: 'DRUG_DEVICE_COSMETIC', words: MEDICAL_DEVICE_WORDS },
    COSMETIC: { domain: 'DRUG_DEVICE_COSMETIC', words: COSMETIC_WORDS },
    SPECIAL_EQUIPMENT: { domain: 'QUALITY', words: SPECIAL_EQUIPMENT_WORDS },
  };
  const plain = (conductText: string, basisText: string, domain: Domain, fields: readonly Repair1yField[]): boolean =>
    fields.some((field) => {
      if (field === 'FOOD') return domain === 'FOOD';
      const { domain: fieldDomain, words } = FIELD[field] as { domain: Domain; words: readonly string[] };
      const w = words.map(matchForm);
      return domain === fieldDomain && (keywordsIn(conductText, w).length > 0 || keywordsIn(basisText, w).length > 0);
    });

  it('inOneYearField: the field words in the conduct or the legal basis, for the fields set', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom(...Domain.options),
        fc.subarray([...Repair1yField.options]),
        (conductText, basisText, domain, fields) => {
          const facts = deriveFacts(record({ penalties: [penalty('2023-01-01')] })).penalties[0];
          if (!facts) throw new Error('no penalty');
          expect(inOneYearField({ ...facts, conductText, basisText }, domain, fields)).toBe(plain(conductText, basisText, domain, fields));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('"a later penalty of the same kind" from the latest date per domain agrees with a scan of every pair', () => {
    const TEXTS = ['销售超过保质期的食品', '虚假宣传', '使用未经定期检验的电梯', '违反道路运输管理规定'];
    const DATES = ['2023-01-01', '2023-06-01', '2023-12-01', '2024-03-01', '2024-07-01'];
    const row = fc.record({ date: fc.constantFrom(...DATES), text: fc.constantFrom(...TEXTS), revoked: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const ps = rows.map((r, i) =>
          penalty(r.date, {
            id: `P${i}`,
            violationText: r.text,
            obligationsFulfilled: true,
            harmEliminated: true,
            ...(r.revoked ? { status: 'REVOKED' as const } : {}),
          }),
        );
        const a = assessRecord(record({ penalties: ps }), { asOf: '2024-06-30' });
        a.penalties.forEach((ap, i) => {
          const later = a.penalties.some(
            (o, j) =>
              o.domain === ap.domain &&
              rows[j]?.revoked === false &&
              (rows[j]?.date ?? '') > (rows[i]?.date ?? '') &&
              (rows[j]?.date ?? '') <= '2024-06-30',
          );
          if (ap.repair === 'ELIGIBLE') expect(later).toBe(false);
          if (ap.repair === 'NOT_ELIGIBLE') expect(later).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('R6 agrees with its plain version', () => {
  const plain = (basisText: string, conductText: string, settings: RuleSettings) => {
    const law = basisText === '' ? -1 : LEGAL_BASIS_LAWS.findIndex((l) => keywordsIn(basisText, l.laws.map(matchForm)).length > 0);
    if (law >= 0) return { domain: LEGAL_BASIS_LAWS[law]?.domain, via: 'LEGAL_BASIS', ambiguous: false };
    const groups =
      settings.domainKeywordOrder === 'conduct-first' ? [CONDUCT_GROUP, ...PRODUCT_GROUPS] : [...PRODUCT_GROUPS, CONDUCT_GROUP];
    const hits = groups.filter((g) => keywordsIn(conductText, g.keywords.map(matchForm)).length > 0);
    if (hits.length === 0) return { domain: 'OTHER', via: 'NONE', ambiguous: false };
    return { domain: hits[0]?.domain, via: 'KEYWORD', ambiguous: hits.length >= 2 };
  };

  it('classifyDomain: the first law, else the first keyword group (either order), ambiguous with two groups', () => {
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom<RuleSettings['domainKeywordOrder']>('conduct-first', 'product-first'),
        (basisText, conductText, order) => {
          const settings = { ...DEFAULT_SETTINGS, domainKeywordOrder: order };
          expect(classifyDomain({ basisText, conductText }, settings)).toEqual(plain(basisText, conductText, settings));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('R4 agrees with its plain version', () => {
  const NUMBERS = ['示市监罚〔2023〕1号', '示市监罚〔2023〕 1号', '示市监罚〔２０２３〕１号', '示市监罚〔2023〕2号', 'X 1', 'x1', 'X1', ''];
  it('each decision is counted once, by its number in match form without spaces; empty numbers count on their own', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NUMBERS), { maxLength: 25 }), (numbers) => {
        const ps = numbers.map((decisionNo, i) => penalty('2024-01-01', { id: `P${i}`, decisionNo }));
        const seen = new Set<string>();
        const counted: string[] = [];
        const excluded: Array<{ id: string; reason: string }> = [];
        ps.forEach((p) => {
          const key = matchForm(p.decisionNo).replace(/ /g, '');
          if (key !== '' && seen.has(key)) excluded.push({ id: p.id, reason: 'duplicate-decision' });
          else {
            seen.add(key);
            counted.push(p.id);
          }
        });
        const result = assessRecord(record({ penalties: ps }), { asOf: '2024-06-30' }).repeatOffender;
        const flag = counted.length >= 10;
        expect(result).toEqual({
          flag,
          status: flag ? 'FLAGGED' : 'NOT_FLAGGED',
          atLeast: false,
          count: counted.length,
          counted,
          excluded,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('the same with hundreds of penalties (a Set of counted decisions instead of a scan)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NUMBERS, 'A1', 'A2', 'A3'), { minLength: 65, maxLength: 300 }), (numbers) => {
        const ps = numbers.map((decisionNo, i) => penalty('2024-01-01', { id: `P${i}`, decisionNo }));
        const keys = ps.map((p) => matchForm(p.decisionNo).replace(/ /g, ''));
        const counted = ps.filter((p, i) => keys[i] === '' || keys.indexOf(keys[i] ?? '') === i).map((p) => p.id);
        const result = assessRecord(record({ penalties: ps }), { asOf: '2024-06-30' }).repeatOffender;
        expect(result.counted).toEqual(counted);
        expect(result.excluded.map((e) => e.id)).toEqual(ps.map((p) => p.id).filter((id) => !counted.includes(id)));
      }),
      { numRuns: 100 },
    );
  });
});
