/**
 * Invented identifiers that look real: Unified Social Credit Codes with correct check characters (GB 32100),
 * 15-digit 注册号 with a correct MOD 11,10 check digit (GB/T 17710), and the opaque gsxt page
 * tokens (`/%7B<token>-<13-digit ms>%7D`). Everything is computed here, nothing is copied.
 */
import { createHash } from 'node:crypto';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 value of a character: digits as themselves, letters A=10 … Z=35 on the full Latin alphabet. */
function orgValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

/** The organisation-code check character (position 17 of a USCC) for its 8 preceding characters. */
export function orgCodeCheck(org8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(org8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100 check character for the first 17 characters: (31 − Σ mod 31) mod 31. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * A complete USCC from its parts: `category` (positions 1–2, e.g. 91 企业, 92 个体工商户), a six-digit division code
 * and 8 organisation-code characters (no I, O, S, V, Z), to which the org-code check and the USCC check are added.
 */
export function makeUscc(category: string, division: string, org8: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(org8)) throw new RangeError(`bad organisation code part: ${org8}`);
  const orgCheck = orgCodeCheck(org8);
  // X is a valid USCC symbol, so every org-code check fits the alphabet.
  const first17 = `${category}${division}${org8}${orgCheck}`;
  return first17 + usccCheck(first17);
}

/** A 15-digit 注册号 from its first 14 digits (ISO 7064 MOD 11,10). */
export function makeRegNo(first14: string): string {
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const s = (p % 11) + Number(first14.charAt(i));
    p = 2 * (s % 10 === 0 ? 10 : s % 10);
  }
  return first14 + String((11 - (p % 11)) % 10);
}

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/**
 * An opaque gsxt token with its 13-digit timestamp, as in `/%7B<token>-<ms>%7D`. The 2017 pages used
 * base64-like tokens, the 2018 ones upper-case hex.
 */
export function gsxtToken(seed: string, style: 'base64' | 'hex', era: '2017' | '2026' = '2017'): string {
  const bytes = digest(seed);
  const token = style === 'hex' ? bytes.subarray(0, 20).toString('hex').toUpperCase() : bytes.toString('base64url').slice(0, 38);
  // A stable timestamp within the year of the layout (2017-07 … 2018-07, or 2026), as on the pages of that time.
  const from = era === '2017' ? 1_499_000_000_000 : 1_767_225_600_000;
  const ms = from + Math.floor((bytes.readUInt32BE(24) / 0x1_0000_0000) * 28_000_000_000);
  return `${token}-${ms}`;
}

/** 32 lower-case hex digits, stable for a seed (Credit China uuids, gsxt caseIds). */
export function hexId(seed: string, length = 32): string {
  return digest(seed).toString('hex').slice(0, length);
}
