/**
 * The fast paths of text.ts and dates.ts pinned to their plain versions: the plain code (as it was before the
 * fast paths) is kept here, and both must give the same answer, or throw the same error, on any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordIndex, cleanText, matchForm } from './text.ts';
import {
  addDays,
  addMonths,
  addYears,
  completed,
  dateKey,
  dateParts,
  dayAfterLastDay,
  daysBetween,
  daysInMonth,
  formatDate,
  isIsoDate,
  lastDay,
  lastDayKey,
  running,
  type PeriodOptions,
  type PeriodUnit,
} from './dates.ts';

// ---------------------------------------------------------------------------------------------------------------
// Plain versions.
// ---------------------------------------------------------------------------------------------------------------

function plainInMatchForm(text: string): boolean {
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

function plainMatchForm(text: string): string {
  return plainInMatchForm(text) ? text : cleanText(text).toLowerCase();
}

function plainParts(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function plainPartsOf(date: string): { year: number; month: number; day: number } {
  const parts = plainParts(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  return parts;
}

function plainAddMonths(date: string, months: number): string {
  const { year, month, day } = plainPartsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

function plainAddDays(date: string, days: number): string {
  const { year, month, day } = plainPartsOf(date);
  return fromDayNumber(toDayNumber(year, month, day) + days);
}

function plainLastDay(start: string, n: number, unit: PeriodUnit, options: PeriodOptions): string {
  const end = plainAddMonths(start, unit === 'y' ? n * 12 : n);
  return options.boundaryInclusive ? end : plainAddDays(end, -1);
}

/** The value, or the error's name and message: fast and plain must agree on both. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Text.
// ---------------------------------------------------------------------------------------------------------------

/** Units on both sides of every boundary matchForm's fast path draws. */
const UNITS = [
  'a',
  'z',
  'A',
  'Z',
  '0',
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u3000',
  '\u3001',
  '\u9fff',
  '\ua000',
  '\ua640',
  '\ua7ff',
  '\ua800',
  '\u200b',
  '\u2060',
  '\ufeff',
  '\u00a0',
  '\u2003',
  '\u1680',
  '\u2028',
  '\u0085',
  'Ａ',
  'ｚ',
  '１',
  '，',
  '（',
  '\uff00',
  '\uff5e',
  '\uff5f',
  '罚',
  '款',
  'İ',
  'Σ',
  'ß',
  'ǅ',
  'Ꙁ',
  '\ud83d',
  '\ude00',
  '\ud800',
  '\udc00',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((units) => units.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

describe('matchForm agrees with its plain version (in match form as it is, else cleanText + toLowerCase)', () => {
  it('on texts mixing ASCII, CJK, full width, spaces, zero-width characters and other letters', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(matchForm(s)).toBe(plainMatchForm(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('on every UTF-16 unit, alone and in company', () => {
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const s of [u, `${u}，`, `Ａ${u}`, ` ${u} `, `罚${u}${u}款`]) {
        if (matchForm(s) !== plainMatchForm(s)) expect({ unit: c, s, got: matchForm(s) }).toEqual({ unit: c, s, got: plainMatchForm(s) });
      }
    }
  });

  it('on long texts (the fast path hands very long ones to the plain one)', () => {
    for (const s of ['罚款，'.repeat(3000), 'ABC '.repeat(2000), `${'罚'.repeat(5000)}Ａ`]) expect(matchForm(s)).toBe(plainMatchForm(s));
  });
});

describe('KeywordIndex agrees with its plain version (list i ⇔ one of its keywords is in the text)', () => {
  // Units 0x4e00 and 0x5e00 share a bucket: the comparison of the first unit must tell them apart.
  const alphabet = ['一', '丁', '市', '帀', '罚', '款', 'a', 'b', 'Ａ', ' '];
  const word = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 3 }).map((w) => w.join(''));
  it('on random lists and texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }).map((t) => matchForm(t.join(''))),
        (lists, hay) => {
          const plain = lists.reduce(
            (mask, words, i) => (words.some((w) => matchForm(w) !== '' && hay.includes(matchForm(w))) ? mask | (1 << i) : mask),
            0,
          );
          expect(new KeywordIndex(lists).search(hay)).toBe(plain);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Dates.
// ---------------------------------------------------------------------------------------------------------------

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** Real dates of any year, month ends and leap days favoured, years at both ends of 0–9999 included. */
const date = fc
  .record({
    y: fc.oneof(
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 990, max: 1010 }),
      fc.integer({ min: 1990, max: 2030 }),
      fc.integer({ min: 9980, max: 9999 }),
    ),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant(31), fc.constant(30), fc.constant(29)),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysInMonth(y, m)), 2)}`);
const notADate = fc.constantFrom(
  '2023-02-30',
  '2023-2-03',
  '10001-01-01',
  '00-1-12-31',
  '',
  'x',
  '2023-13-01',
  '２０２３-01-01',
  '2023/01/01',
);
const anyDate = fc.oneof({ weight: 9, arbitrary: date }, { weight: 1, arbitrary: notADate });
const n = fc.oneof(fc.integer({ min: -40, max: 80 }), fc.constantFrom(0.5, -1.5, 1e6));
const unit = fc.constantFrom<PeriodUnit>('y', 'm');
const options = fc.constantFrom<PeriodOptions>({ boundaryInclusive: true }, { boundaryInclusive: false });

describe('date arithmetic agrees with its plain (parts object and string) version', () => {
  it('dateParts, isIsoDate and dateKey', () => {
    fc.assert(
      fc.property(fc.oneof(anyDate, fc.string({ maxLength: 11 })), (d) => {
        expect(dateParts(d)).toEqual(plainParts(d));
        expect(isIsoDate(d)).toBe(plainParts(d) !== null);
        const parts = plainParts(d);
        expect(dateKey(d)).toBe(parts ? parts.year * 10000 + parts.month * 100 + parts.day : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('date keys compare as the date strings do', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(Math.sign(dateKey(a) - dateKey(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('addMonths, addYears, addDays and daysBetween', () => {
    fc.assert(
      fc.property(anyDate, anyDate, n, (a, b, k) => {
        expect(outcome(() => addMonths(a, k))).toEqual(outcome(() => plainAddMonths(a, k)));
        expect(outcome(() => addYears(a, k))).toEqual(outcome(() => plainAddMonths(a, k * 12)));
        for (const days of [k, 1, -1, k * 37]) expect(outcome(() => addDays(a, days))).toEqual(outcome(() => plainAddDays(a, days)));
        expect(outcome(() => daysBetween(a, b))).toEqual(
          outcome(() => {
            const pa = plainPartsOf(a);
            const pb = plainPartsOf(b);
            return toDayNumber(pb.year, pb.month, pb.day) - toDayNumber(pa.year, pa.month, pa.day);
          }),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('lastDay, dayAfterLastDay, lastDayKey, running and completed', () => {
    fc.assert(
      fc.property(anyDate, anyDate, n, unit, options, (start, on, k, u, o) => {
        const plain = outcome(() => plainLastDay(start, k, u, o));
        expect(outcome(() => lastDay(start, k, u, o))).toEqual(plain);
        expect(outcome(() => dayAfterLastDay(start, k, u, o))).toEqual(outcome(() => plainAddDays(plainLastDay(start, k, u, o), 1)));
        const key = lastDayKey(start, k, u, o.boundaryInclusive);
        if (key >= 0) expect(plain).toEqual({ value: formatDate(Math.floor(key / 10000), Math.floor(key / 100) % 100, key % 100) });
        expect(outcome(() => running(start, k, u, on, o))).toEqual(outcome(() => start <= on && on <= plainLastDay(start, k, u, o)));
        expect(outcome(() => completed(start, k, u, on, o))).toEqual(outcome(() => on > plainLastDay(start, k, u, o)));
      }),
      { numRuns: 3000 },
    );
  });
});
