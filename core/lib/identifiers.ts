/**
 * Entity identifiers: the 18-character Unified Social Credit Code (GB 32100-2015) and the old 15-digit 注册号
 * (check digit by GB/T 17710 MOD 11,10). Rules: docs/rules.md 标识代码; verified examples: identifier-vectors.json.
 *
 * A wrong check character is reported (`reason: 'check-digit'`) but callers must treat it as a warning, not a
 * refusal: some issued codes fail the check.
 */
import { toHalfWidth } from './text.ts';

/** `regNo-legacy`: a registration number of a format older than the check-digit one (docs/rules.md "Identifiers"). */
export type IdentifierKind = 'uscc' | 'regNo' | 'regNo-legacy' | 'unknown';
export type IdentifierProblem = 'empty' | 'length' | 'characters' | 'format' | 'check-digit' | 'no-check-digit';

export interface IdentifierCheck {
  /** null: a recognised legacy number that has no check digit to verify — neither valid nor a typing error. */
  valid: boolean | null;
  kind: IdentifierKind;
  /** null when valid. */
  reason: IdentifierProblem | null;
}

/** A farmers' cooperative's legacy 注册号: 6 digits + NA + 6 digits + a digit or X. */
export const COOPERATIVE_REG_NO = /^\d{6}NA\d{6}[\dX]$/;
/** 13-digit numbers issued before 2007, and the cooperatives' numbers with NA. */
const LEGACY_REG_NO = new RegExp(`^\\d{13}$|${COOPERATIVE_REG_NO.source}`);

/** GB 32100 symbols in value order: digits, then letters without I, O, S, V, Z. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W_i = 3^(i−1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Valid (registration authority, entity category) pairs, positions 1–2 of GB 32100-2015 (54, 村委会, included). */
const USCC_CATEGORIES = new Set(
  '11 12 13 19 21 29 31 32 33 34 35 39 41 49 51 52 53 54 59 61 62 69 71 72 79 81 89 91 92 93 A1 A9 N1 N2 N3 N9 Y1'.split(' '),
);
const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** What people paste: full-width forms, spaces and dashes, lower case. */
export function normalizeIdentifier(input: string): string {
  return toHalfWidth(input)
    .replace(/[\s\u00a0\u3000-]+/g, '')
    .toUpperCase();
}

/** The check character a 17-character USCC prefix should end with. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(input: string): IdentifierCheck {
  const code = normalizeIdentifier(input);
  const fail = (reason: IdentifierProblem): IdentifierCheck => ({ valid: false, kind: 'uscc', reason });
  if (code === '') return fail('empty');
  if (code.length !== 18) return fail('length');
  if (!/^[0-9A-HJ-NPQRTUWXY]+$/.test(code)) return fail('characters');
  if (!USCC_FORMAT.test(code) || !USCC_CATEGORIES.has(code.slice(0, 2))) return fail('format');
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return fail('check-digit');
  return { valid: true, kind: 'uscc', reason: null };
}

/** The check digit a 14-digit 注册号 prefix should end with (ISO 7064 MOD 11,10). */
export function regNoCheckDigit(first14: string): number {
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const s = (p % 11) + Number(first14.charAt(i));
    p = 2 * (s % 10 === 0 ? 10 : s % 10);
  }
  return (11 - (p % 11)) % 10;
}

export function validateRegNo(input: string): IdentifierCheck {
  const code = normalizeIdentifier(input);
  const fail = (reason: IdentifierProblem): IdentifierCheck => ({ valid: false, kind: 'regNo', reason });
  if (code === '') return fail('empty');
  if (LEGACY_REG_NO.test(code)) return { valid: null, kind: 'regNo-legacy', reason: 'no-check-digit' };
  // 13 characters that are not 13 digits: a legacy number with a stray character.
  if (code.length === 13) return fail('characters');
  if (code.length !== 15) return fail('length');
  if (!/^\d{15}$/.test(code)) return fail('characters');
  if (regNoCheckDigit(code.slice(0, 14)) !== Number(code.charAt(14))) return fail('check-digit');
  return { valid: true, kind: 'regNo', reason: null };
}

/** Recognises the kind by length (18 → USCC, 15 or 13 → 注册号, old or legacy) and validates it. */
export function validateIdentifier(input: string): IdentifierCheck {
  const code = normalizeIdentifier(input);
  if (code === '') return { valid: false, kind: 'unknown', reason: 'empty' };
  if (code.length === 18) return validateUscc(code);
  if (code.length === 15 || code.length === 13) return validateRegNo(code);
  return { valid: false, kind: 'unknown', reason: 'length' };
}
