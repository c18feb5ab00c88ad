/**
 * Text normalisation shared by every matcher in core: the credit sites mix full-width and half-width forms,
 * pad labels with em/thin spaces and hide zero-width characters in cells, so nothing is compared raw.
 */

const FULL_TO_HALF_OFFSET = 0xfee0;
// Zero-width characters the sites use to obfuscate text; they carry no meaning.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// Every kind of space: ASCII, NBSP, ideographic, en/em/thin spaces.
const ANY_SPACE = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

const NEEDS_HALF_WIDTH = /[\uff01-\uff5e\u3000]/;
// [^\S ] = any white space but the plain space: an explicit list missed \u1680, \u2028 and \u2029, which ANY_SPACE
// folds, so the fast path returned them unfolded.
const NEEDS_CLEANING = /[\u200b-\u200d\u2060\ufeff]|[^\S ]| {2}|^ | $/;

/** Full-width ASCII (Ａ, １, （) → half-width (A, 1, (); the ideographic space → a plain space. */
export function toHalfWidth(text: string): string {
  // Most text needs nothing: keep the hot path (every penalty of every record) free of allocations.
  if (!NEEDS_HALF_WIDTH.test(text)) return text;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = c === 0x3000 ? 32 : c >= 0xff01 && c <= 0xff5e ? c - FULL_TO_HALF_OFFSET : c;
  }
  return String.fromCharCode(...codes);
}

/** Half-width, zero-width characters removed, runs of white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  const half = toHalfWidth(text);
  if (!NEEDS_CLEANING.test(half)) return half;
  return half.replace(ZERO_WIDTH, '').replace(ANY_SPACE, ' ').trim();
}

/**
 * Whether matchForm would leave `text` as it is: no capitals, no full-width forms, no odd, leading, trailing or
 * doubled spaces, no zero-width characters. Non-CJK letters (U+0080–U+2FFF) and surrogates count as "may change":
 * the slow path decides for them. A loop rather than a regular expression: this runs on every text of every record.
 */
function inMatchForm(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) return false;
      if (c === 32 ? i === 0 || i === last || text.charCodeAt(i + 1) === 32 : c >= 9 && c <= 13) return false;
    } else if (c < 0x3001 || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xff01 && c <= 0xff5e) || c === 0xfeff) {
      return false;
    }
  }
  return true;
}

/** The form used for keyword matching: clean, case-folded. */
export function matchForm(text: string): string {
  return inMatchForm(text) ? text : cleanText(text).toLowerCase();
}

/** The form used for labels and headers: clean, no spaces at all, no trailing colon. */
export function labelForm(text: string): string {
  return cleanText(text).replace(/ /g, '').replace(/[:：]+$/, '');
}

/** The keywords of `list` (already in match form) that occur in `haystack` (already in match form). */
export function keywordsIn(haystack: string, list: readonly string[]): string[] {
  const hits: string[] = [];
  for (const keyword of list) if (haystack.includes(keyword)) hits.push(keyword);
  return hits;
}

/**
 * Many keyword lists searched in one pass over the text: keywords are indexed by their first character, so the
 * cost follows the length of the text, not the number of keywords (R6 checks about a hundred per penalty).
 */
export class KeywordIndex {
  private readonly byFirst = new Map<number, Array<{ word: string; bit: number }>>();
  /** 1 for every UTF-16 unit some keyword starts with: most characters of a text are skipped on one read. */
  private readonly starts = new Uint8Array(0x10000);

  /** `lists[i]` are the keywords of list i (at most 31 lists); they are put in match form here. */
  constructor(lists: ReadonlyArray<readonly string[]>) {
    if (lists.length > 31) throw new RangeError('a KeywordIndex holds at most 31 lists');
    lists.forEach((words, list) => {
      for (const raw of words) {
        const word = matchForm(raw);
        const first = word.charCodeAt(0);
        this.starts[first] = 1;
        const entries = this.byFirst.get(first) ?? [];
        entries.push({ word, bit: 1 << list });
        this.byFirst.set(first, entries);
      }
    });
  }

  /** A bit mask of the lists with a keyword in `text` (already in match form): bit i ⇔ list i. */
  search(text: string): number {
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.starts[c] === 0) continue;
      for (const { word, bit } of this.byFirst.get(c) ?? []) if (text.startsWith(word, i)) mask |= bit;
    }
    return mask;
  }
}

/** The index of the lowest list in a KeywordIndex mask, or -1 for none. */
export function firstList(mask: number): number {
  return mask === 0 ? -1 : 31 - Math.clz32(mask & -mask);
}

/** How many lists a KeywordIndex mask names. */
export function listCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
