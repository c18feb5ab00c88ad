import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeIdentifier,
  regNoCheckDigit,
  usccCheckCharacter,
  validateIdentifier,
  validateRegNo,
  validateUscc,
} from './identifiers.ts';

// GB 32100-2015: the 31 symbols in value order and the valid (authority, category) pairs.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CATEGORIES = '11 12 13 19 21 29 31 32 33 34 35 39 41 49 51 52 53 59 61 62 69 71 72 79 81 89 91 92 93 A1 A9 N1 N2 N3 N9 Y1'.split(' ');

/** Independent oracle: weights computed as 3^(i−1) mod 31 rather than read from a table. */
function oracleUsccCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Independent oracle for ISO 7064 MOD 11,10: a full number is valid when the final product step leaves 1. */
function oracleRegNoValid(digits15: string): boolean {
  let p = 10;
  for (let i = 0; i < 15; i++) {
    let s = (p + Number(digits15[i])) % 10;
    if (i === 14) return s === 1;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return false;
}

const symbol = fc.constantFrom(...ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const usccPrefix = fc
  .tuple(fc.constantFrom(...CATEGORIES), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(symbol, { minLength: 9, maxLength: 9 }))
  .map(([category, division, subject]) => category + division.join('') + subject.join(''));
const regNoPrefix = fc.array(digit, { minLength: 14, maxLength: 14 }).map((d) => d.join(''));

const VALID = { valid: true, reason: null };

describe('USCC: verified examples (GB 32100-2015)', () => {
  it.each([
    '91110000101623741K',
    '92429004MA4C8HHT0U',
    '91510100MA6CR73R54',
    '91110116MA002GA801',
    '91320322MABLP2X24R',
    '91230500MA1B3N1N2M',
    '91330000755918469E',
    '914101086905876455',
  ])('%s passes', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true, kind: 'uscc', reason: null });
    expect(validateIdentifier(code)).toEqual({ valid: true, kind: 'uscc', reason: null });
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it.each([
    ['91310115MA1H8R7C6D', '7'],
    ['91350211M0000XUF46', 'R'],
  ])('%s fails its check character (expected %s)', (code, expected) => {
    expect(validateUscc(code)).toEqual({ valid: false, kind: 'uscc', reason: 'check-digit' });
    expect(validateIdentifier(code)).toEqual({ valid: false, kind: 'uscc', reason: 'check-digit' });
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(expected);
  });

  it('reproduces the weighted sums of the table', () => {
    // Σ mod 31 = 12 → K, 4 → U, 27 → 4, 30 → 1 (value 31 − r); r = 0 must give '0', not an out-of-range symbol.
    expect(usccCheckCharacter('91110000101623741')).toBe('K');
    expect(usccCheckCharacter('92429004MA4C8HHT0')).toBe('U');
    expect(usccCheckCharacter('91510100MA6CR73R5')).toBe('4');
    expect(usccCheckCharacter('91110116MA002GA80')).toBe('1');
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });
});

describe('注册号: verified examples (GB/T 17710 MOD 11,10)', () => {
  it.each(['120224000057628', '120224000057610'])('%s passes', (code) => {
    expect(validateRegNo(code)).toEqual({ valid: true, kind: 'regNo', reason: null });
    expect(validateIdentifier(code)).toEqual({ valid: true, kind: 'regNo', reason: null });
  });

  it('110000000000000 fails; its check digit would be 9', () => {
    expect(validateRegNo('110000000000000')).toEqual({ valid: false, kind: 'regNo', reason: 'check-digit' });
    expect(validateIdentifier('110000000000000')).toEqual({ valid: false, kind: 'regNo', reason: 'check-digit' });
    expect(regNoCheckDigit('11000000000000')).toBe(9);
    expect(validateRegNo('110000000000009')).toEqual({ valid: true, kind: 'regNo', reason: null });
  });
});

describe('normalizeIdentifier', () => {
  it('folds case, full width, spaces and dashes', () => {
    expect(normalizeIdentifier('91110000101623741k')).toBe('91110000101623741K');
    expect(normalizeIdentifier('９１１１００００１０１６２３７４１Ｋ')).toBe('91110000101623741K');
    expect(normalizeIdentifier('９１１１００００１０１６２３７４１ｋ')).toBe('91110000101623741K');
    expect(normalizeIdentifier(' 9111 0000 1016 2374 1K ')).toBe('91110000101623741K');
    expect(normalizeIdentifier('911100-00101623-741K')).toBe('91110000101623741K');
    expect(normalizeIdentifier('911100－00101623741K')).toBe('91110000101623741K'); // full-width hyphen
    expect(normalizeIdentifier('9111\u30000000\u00a0101623741K\t')).toBe('91110000101623741K');
    expect(normalizeIdentifier('')).toBe('');
  });

  it('normalised input validates like the clean code', () => {
    for (const input of [
      '91110000101623741k',
      '９１１１００００１０１６２３７４１Ｋ',
      '9111 0000 1016 2374 1K',
      '91-1100-0010-1623-741K',
      '92429004ma4c8hht0u',
      '\u300091510100MA6CR73R54\u3000',
    ]) {
      expect(validateUscc(input), input).toEqual({ valid: true, kind: 'uscc', reason: null });
      expect(validateIdentifier(input), input).toEqual({ valid: true, kind: 'uscc', reason: null });
    }
    for (const input of ['１２０２２４００００５７６２８', '120224 000057628', '120-224-000057-628']) {
      expect(validateRegNo(input), input).toEqual({ valid: true, kind: 'regNo', reason: null });
      expect(validateIdentifier(input), input).toEqual({ valid: true, kind: 'regNo', reason: null });
    }
  });

  it('is idempotent and leaves no lower case, spaces or dashes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeIdentifier(s);
        expect(normalizeIdentifier(once)).toBe(once);
        expect(once).not.toMatch(/[\sa-z-]/);
      }),
    );
  });
});

describe('validateUscc: each reason', () => {
  const fail = (reason: string): object => ({ valid: false, kind: 'uscc', reason });

  it('empty', () => {
    expect(validateUscc('')).toEqual(fail('empty'));
    expect(validateUscc('   ')).toEqual(fail('empty'));
    expect(validateUscc('\u3000-\u00a0')).toEqual(fail('empty'));
  });

  it('length', () => {
    expect(validateUscc('91110000101623741')).toEqual(fail('length'));
    expect(validateUscc('91110000101623741KK')).toEqual(fail('length'));
    expect(validateUscc('120224000057628')).toEqual(fail('length'));
  });

  it('characters: I, O, S, V, Z and non-alphanumerics are not symbols', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', '*', '.', '#', '中']) {
      const code = `9111000010162374${bad}K`;
      expect(code).toHaveLength(18);
      expect(validateUscc(code), code).toEqual(fail('characters'));
    }
    expect(validateUscc('91110000101623741o')).toEqual(fail('characters')); // lower-case o folds to O
  });

  it('format: letters among the division digits, or an unknown category pair', () => {
    expect(validateUscc('9111000A101623741K')).toEqual(fail('format'));
    expect(validateUscc('91M100001016237413')).toEqual(fail('format'));
    for (const pair of ['10', '00', '14', '22', '90', '94', 'A2', 'N4', 'Y2', 'B1', 'MA']) {
      const code = `${pair}110000101623741K`;
      expect(validateUscc(code), code).toEqual(fail('format'));
    }
  });

  it('check-digit', () => {
    expect(validateUscc('91110000101623741L')).toEqual(fail('check-digit'));
    expect(validateUscc('91110000101623741y')).toEqual(fail('check-digit'));
  });

  it('property: a valid prefix with its check character is valid; any other check character fails', () => {
    fc.assert(
      fc.property(usccPrefix, symbol, (prefix17, other) => {
        const check = usccCheckCharacter(prefix17);
        expect(check).toBe(oracleUsccCheck(prefix17));
        expect(validateUscc(prefix17 + check)).toEqual({ ...VALID, kind: 'uscc' });
        expect(validateUscc((prefix17 + check).toLowerCase())).toEqual({ ...VALID, kind: 'uscc' });
        expect(validateIdentifier(prefix17 + check)).toEqual({ ...VALID, kind: 'uscc' });
        fc.pre(other !== check);
        expect(validateUscc(prefix17 + other)).toEqual({ valid: false, kind: 'uscc', reason: 'check-digit' });
      }),
    );
  });

  it('property: every other check character fails (exhaustive per prefix)', () => {
    fc.assert(
      fc.property(usccPrefix, (prefix17) => {
        const check = usccCheckCharacter(prefix17);
        for (const other of ALPHABET) {
          if (other === check) continue;
          expect(validateUscc(prefix17 + other).reason).toBe('check-digit');
        }
      }),
      { numRuns: 30 },
    );
  });

  it('property: one changed symbol or one swap of neighbours in the subject part is always caught', () => {
    fc.assert(
      fc.property(usccPrefix, fc.integer({ min: 8, max: 16 }), symbol, (prefix17, at, replacement) => {
        const code = prefix17 + usccCheckCharacter(prefix17);
        fc.pre(code.charAt(at) !== replacement);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(validateUscc(changed).reason).toBe('check-digit');
        if (at < 16 && code.charAt(at) !== code.charAt(at + 1)) {
          const swapped = code.slice(0, at) + code.charAt(at + 1) + code.charAt(at) + code.slice(at + 2);
          expect(validateUscc(swapped).reason).toBe('check-digit');
        }
      }),
    );
  });
});

describe('validateRegNo: each reason', () => {
  const fail = (reason: string): object => ({ valid: false, kind: 'regNo', reason });

  it('empty, length, characters, check-digit', () => {
    expect(validateRegNo('')).toEqual(fail('empty'));
    expect(validateRegNo(' - ')).toEqual(fail('empty'));
    expect(validateRegNo('12022400005762')).toEqual(fail('length'));
    expect(validateRegNo('1202240000576280')).toEqual(fail('length'));
    expect(validateRegNo('12022400005762A')).toEqual(fail('characters'));
    expect(validateRegNo('1202240000576.8')).toEqual(fail('characters'));
    expect(validateRegNo('120224000057629')).toEqual(fail('check-digit'));
  });

  it('property: 14 digits + regNoCheckDigit is valid; any other last digit fails', () => {
    fc.assert(
      fc.property(regNoPrefix, fc.integer({ min: 0, max: 9 }), (prefix14, other) => {
        const check = regNoCheckDigit(prefix14);
        expect(Number.isInteger(check) && check >= 0 && check <= 9).toBe(true);
        expect(oracleRegNoValid(prefix14 + check)).toBe(true);
        expect(validateRegNo(prefix14 + check)).toEqual({ ...VALID, kind: 'regNo' });
        expect(validateIdentifier(prefix14 + check)).toEqual({ ...VALID, kind: 'regNo' });
        fc.pre(other !== check);
        expect(oracleRegNoValid(prefix14 + other)).toBe(false);
        expect(validateRegNo(prefix14 + other)).toEqual({ valid: false, kind: 'regNo', reason: 'check-digit' });
      }),
    );
  });

  it('property: one changed digit anywhere is always caught (MOD 11,10)', () => {
    fc.assert(
      fc.property(regNoPrefix, fc.integer({ min: 0, max: 14 }), digit, (prefix14, at, replacement) => {
        const code = prefix14 + regNoCheckDigit(prefix14);
        fc.pre(code.charAt(at) !== replacement);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(validateRegNo(changed).reason).toBe('check-digit');
      }),
    );
  });
});

describe('validateIdentifier: dispatch by length', () => {
  it('legacy 注册号 (13 digits before 2007; 6 digits + NA + 6 digits + digit or X) are recognised, never invalid', () => {
    const legacy = { valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' };
    expect(validateIdentifier('1102212140169')).toEqual(legacy);
    expect(validateIdentifier('411303NA000262X')).toEqual(legacy);
    expect(validateIdentifier('411303na000262x')).toEqual(legacy);
    expect(validateIdentifier('411303NA0002621')).toEqual(legacy);
    // Any other letter inside a 15-character number stays a wrong character, and so does NA in another place.
    expect(validateIdentifier('411303NB000262X')).toEqual({ valid: false, kind: 'regNo', reason: 'characters' });
    expect(validateIdentifier('4113030NA00262X')).toEqual({ valid: false, kind: 'regNo', reason: 'characters' });
    expect(validateIdentifier('411303NA000262Y')).toEqual({ valid: false, kind: 'regNo', reason: 'characters' });
    expect(validateIdentifier('110221214016X')).toEqual({ valid: false, kind: 'regNo', reason: 'characters' });
  });

  it('18 → USCC, 15 → 注册号, other lengths → unknown', () => {
    expect(validateIdentifier('')).toEqual({ valid: false, kind: 'unknown', reason: 'empty' });
    expect(validateIdentifier(' \u3000 ')).toEqual({ valid: false, kind: 'unknown', reason: 'empty' });
    expect(validateIdentifier('9111000010162374')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('91110000101623741')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('91110000101623741KK')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('1202240000576281')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('123456789012')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('12345678901234')).toEqual({ valid: false, kind: 'unknown', reason: 'length' });
    expect(validateIdentifier('9111000010162374IK')).toEqual({ valid: false, kind: 'uscc', reason: 'characters' });
    expect(validateIdentifier('9111000A101623741K')).toEqual({ valid: false, kind: 'uscc', reason: 'format' });
    expect(validateIdentifier('12022400005762A')).toEqual({ valid: false, kind: 'regNo', reason: 'characters' });
    expect(validateIdentifier('12022400005762 8')).toEqual({ valid: true, kind: 'regNo', reason: null });
  });

  it('property: kind follows the normalised length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABXYIaz -'), maxLength: 24 }), (s) => {
        const n = normalizeIdentifier(s).length;
        const { kind } = validateIdentifier(s);
        expect(kind).toBe(n === 18 ? 'uscc' : n === 15 ? 'regNo' : 'unknown');
        if (n === 18) expect(validateIdentifier(s)).toEqual(validateUscc(s));
        if (n === 15) expect(validateIdentifier(s)).toEqual(validateRegNo(s));
      }),
    );
  });
});

describe('category 54 (村委会)', () => {
  it('is a valid category pair', () => {
    const prefix = '54110000MA0000001';
    expect(validateUscc(prefix + usccCheckCharacter(prefix))).toEqual({ valid: true, kind: 'uscc', reason: null });
  });
});
