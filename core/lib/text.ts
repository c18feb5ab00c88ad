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
// What tidyText does beyond trimming: the same, without the ends.
const NEEDS_TIDYING = /[\u200b-\u200d\u2060\ufeff]|[^\S ]| {2}/;

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

/**
 * Text as shown, tidied: zero-width characters removed, every kind of space folded to one plain space, trimmed;
 * the characters themselves (full-width punctuation of Chinese text) are kept. For values staff read.
 */
export function tidyText(text: string): string {
  // Most cells need only their block spaces trimmed: one test instead of two replacements (a page has thousands).
  if (!NEEDS_TIDYING.test(text)) return text.trim();
  return text.replace(ZERO_WIDTH, '').replace(ANY_SPACE, ' ').trim();
}

/** Half-width, zero-width characters removed, runs of white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  const half = toHalfWidth(text);
  if (!NEEDS_CLEANING.test(half)) return half;
  return half.replace(ZERO_WIDTH, '').replace(ANY_SPACE, ' ').trim();
}

/**
 * What matchForm has to do with `text`, in one read: KEEP (it is already in match form: no capitals, no full-width
 * forms, no odd, leading, trailing or doubled spaces, no zero-width characters), QUICK (it is not, but it holds only
 * ASCII, U+3000, full-width forms and CJK characters U+3001–U+9FFF, which a plain loop normalises exactly as
 * cleanText + toLowerCase do) or FULL (the general path decides: non-CJK letters U+0080–U+2FFF, surrogates and the
 * rest). A loop rather than a regular expression: this runs on every text of every record.
 */
const KEEP = 0;
const QUICK = 1;
const FULL = 2;

function matchFormWork(text: string): number {
  const last = text.length - 1;
  let changes = false;
  let quick = true;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c === 32 ? i === 0 || i === last || text.charCodeAt(i + 1) === 32 : c >= 9 && c <= 13)) {
        changes = true;
      }
    } else if (c >= 0x3001 && c <= 0x9fff) {
      // CJK: kept as it is, by both paths.
    } else if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      changes = true;
    } else {
      // Kept as it is when nothing else changes, but only the general path may change it.
      if (c < 0x3001 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff) changes = true;
      quick = false;
    }
    if (changes && !quick) return FULL;
  }
  return changes ? QUICK : KEEP;
}

/**
 * cleanText(text).toLowerCase() for a text matchFormWork calls QUICK: full-width forms to half-width, the
 * ideographic space to a space, runs of white space (here only \t–\r, the space and U+3000) to one space,
 * trimmed, ASCII capitals to lower case. The first pass counts the units of the result, the second writes them into
 * a scratch array of exactly that length, from which the string is made: no array is allocated per call.
 */
function quickMatchForm(text: string): string {
  const length = quickUnits(text, null);
  const codes = length <= MAX_SCRATCH ? (SCRATCH[length] ??= new Array<number>(length).fill(0)) : new Array<number>(length);
  quickUnits(text, codes);
  return String.fromCharCode.apply(null, codes);
}

const MAX_SCRATCH = 256;
const QUICK_MAX_LENGTH = 4096;
/** SCRATCH[n]: an array of n numbers, reused (core is synchronous, so one call uses it at a time). */
const SCRATCH: number[][] = [];

/** The UTF-16 units of quickMatchForm(text): written into `out` when given; their number is returned. */
function quickUnits(text: string, out: number[] | null): number {
  let k = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 0x3000) c = 32;
    else if (c >= 0xff01 && c <= 0xff5e) c -= FULL_TO_HALF_OFFSET;
    if (c === 32 || (c >= 9 && c <= 13)) {
      pendingSpace = k > 0;
      continue;
    }
    if (pendingSpace) {
      if (out) out[k] = 32;
      k++;
      pendingSpace = false;
    }
    if (out) out[k] = c >= 65 && c <= 90 ? c + 32 : c;
    k++;
  }
  return k;
}

/** The form used for keyword matching: clean, case-folded. */
export function matchForm(text: string): string {
  const work = matchFormWork(text);
  if (work === KEEP) return text;
  // Beyond a few thousand units the string is made the general way (fromCharCode takes a bounded argument list).
  return work === QUICK && text.length <= QUICK_MAX_LENGTH ? quickMatchForm(text) : cleanText(text).toLowerCase();
}

/** The form used for labels and headers: clean, no spaces at all, no trailing colon. */
export function labelForm(text: string): string {
  return cleanText(text)
    .replace(/ /g, '')
    .replace(/[:：]+$/, '');
}

/** The keywords of `list` (already in match form) that occur in `haystack` (already in match form). */
export function keywordsIn(haystack: string, list: readonly string[]): string[] {
  const hits: string[] = [];
  for (const keyword of list) if (haystack.includes(keyword)) hits.push(keyword);
  return hits;
}

/** Buckets of a KeywordIndex (a power of two). */
const BUCKETS = 4096;

/**
 * Many keyword lists searched in one pass over the text: keywords are indexed by their first character, so the
 * cost follows the length of the text, not the number of keywords (R6 checks about a hundred per penalty).
 */
export class KeywordIndex {
  /**
   * Buckets by the low bits of a keyword's first UTF-16 unit: 1 + the index of the bucket in `words`/`bits`, 0 for
   * none. Small (8 KiB) so that it stays in the cache; a bucket may hold keywords of other first units, which the
   * comparison of the first unit sorts out.
   */
  private readonly buckets = new Uint16Array(BUCKETS);
  private readonly words: string[][] = [];
  private readonly bits: number[][] = [];

  /** `lists[i]` are the keywords of list i (at most 31 lists); they are put in match form here. */
  constructor(lists: ReadonlyArray<readonly string[]>) {
    if (lists.length > 31) throw new RangeError('a KeywordIndex holds at most 31 lists');
    lists.forEach((words, list) => {
      for (const raw of words) {
        const word = matchForm(raw);
        // An empty keyword is never found (as before: it starts with no unit).
        if (word === '') continue;
        const bucket = word.charCodeAt(0) & (BUCKETS - 1);
        if (this.buckets[bucket] === 0) {
          this.words.push([]);
          this.bits.push([]);
          this.buckets[bucket] = this.words.length;
        }
        const at = (this.buckets[bucket] as number) - 1;
        this.words[at]?.push(word);
        this.bits[at]?.push(1 << list);
      }
    });
  }

  /** A bit mask of the lists with a keyword in `text` (already in match form): bit i ⇔ list i. */
  search(text: string): number {
    const { buckets } = this;
    const length = text.length;
    let mask = 0;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      const at = buckets[c & (BUCKETS - 1)] as number;
      if (at === 0) continue;
      const words = this.words[at - 1] as string[];
      for (let w = 0; w < words.length; w++) {
        const word = words[w] as string;
        // text.startsWith(word, i), inline: keywords are a few units long and most differ at the first or second.
        if (word.charCodeAt(0) !== c || i + word.length > length) continue;
        let j = 1;
        while (j < word.length && word.charCodeAt(j) === text.charCodeAt(i + j)) j++;
        if (j === word.length) mask |= (this.bits[at - 1] as number[])[w] as number;
      }
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
