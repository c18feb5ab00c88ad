/**
 * Calendar dates as the rules see them: 'YYYY-MM-DD' strings in China time (Asia/Shanghai), no time of day.
 *
 * Period arithmetic follows 民法典 Arts. 201–202 (docs/rules.md §1): a period of N years or months starts the day
 * after its event and ends on the corresponding date, or on the last day of the month when that date does not
 * exist (29 Feb → 28 Feb). ISO strings compare correctly as strings, so no Date object is needed here.
 */

import { cleanText } from './text.ts';

export type IsoDate = string;

/** The 9999-12-31 sentinel the sites use for "长期" (no end). */
export const LONG_TERM: IsoDate = '9999-12-31';
/** gsxt's section JSON writes 长期 as epoch milliseconds at or above this value (9999-12-31 in China time). */
const LONG_TERM_MS = 253402185600000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(year: number, month: number, day: number): IsoDate {
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${two(month)}-${two(day)}`;
}

const DIGIT_0 = 48;

/** The digit at `i` of `date` (0–9), or a value outside 0–9 when it is not a digit. */
function digitAt(date: string, i: number): number {
  return date.charCodeAt(i) - DIGIT_0;
}

/**
 * A valid ISO date as the number yyyymmdd (2024-06-30 → 20240630), or -1 when the string is not a real calendar
 * date. Two such numbers compare as their strings do. Hand-rolled rather than a regular expression, and no object
 * is made: every date of every record is validated here, and every rule evaluation goes through here.
 */
export function dateKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const y0 = digitAt(date, 0);
  const y1 = digitAt(date, 1);
  const y2 = digitAt(date, 2);
  const y3 = digitAt(date, 3);
  const m0 = digitAt(date, 5);
  const m1 = digitAt(date, 6);
  const d0 = digitAt(date, 8);
  const d1 = digitAt(date, 9);
  // `>>> 0` turns a negative difference (a unit below '0') into a large number.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

// The year, month and day of a key (keys of real dates are positive, so `| 0` divides as Math.floor would).
function yearOf(key: number): number {
  return (key / 10000) | 0;
}

function monthOf(key: number): number {
  return ((key / 100) | 0) % 100;
}

function dayOf(key: number): number {
  return key % 100;
}

/** The parts of a valid ISO date, or null when the string is not a real calendar date. */
export function dateParts(date: string): { year: number; month: number; day: number } | null {
  const key = dateKey(date);
  if (key < 0) return null;
  return { year: yearOf(key), month: monthOf(key), day: dayOf(key) };
}

export function isIsoDate(date: string): boolean {
  return dateKey(date) >= 0;
}

function keyOf(date: IsoDate): number {
  const key = dateKey(date);
  if (key < 0) throw new RangeError(`not a calendar date: ${date}`);
  return key;
}

/** yyyymmdd → 'yyyy-mm-dd', for years 0–9999 (formatDate pads them the same way): one string, no pieces. */
function formatKey(key: number): IsoDate {
  const year = yearOf(key);
  const month = monthOf(key);
  const day = dayOf(key);
  return String.fromCharCode(
    DIGIT_0 + Math.floor(year / 1000),
    DIGIT_0 + (Math.floor(year / 100) % 10),
    DIGIT_0 + (Math.floor(year / 10) % 10),
    DIGIT_0 + (year % 10),
    45,
    DIGIT_0 + Math.floor(month / 10),
    DIGIT_0 + (month % 10),
    45,
    DIGIT_0 + Math.floor(day / 10),
    DIGIT_0 + (day % 10),
  );
}

/** Whether yyyymmdd has a year that formats to four digits (0–9999), so the key and its string agree. */
function inFourDigitYears(key: number): boolean {
  return key >= 101 && key <= 99991231;
}

/** The key of `key` moved by whole months: same day, else the last day of the target month. */
function addMonthsToKey(key: number, months: number): number {
  const index = yearOf(key) * 12 + monthOf(key) - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return y * 10000 + m * 100 + Math.min(dayOf(key), daysInMonth(y, m));
}

/** The key of the day before `key` (the year may become -1: callers check the range). */
function dayBeforeKey(key: number): number {
  const day = dayOf(key);
  if (day > 1) return key - 1;
  const month = monthOf(key);
  const year = yearOf(key);
  if (month > 1) return year * 10000 + (month - 1) * 100 + daysInMonth(year, month - 1);
  return (year - 1) * 10000 + 1231;
}

/** The key of the day after `key`. */
function dayAfterKey(key: number): number {
  const day = dayOf(key);
  const month = monthOf(key);
  const year = yearOf(key);
  if (day < daysInMonth(year, month)) return key + 1;
  if (month < 12) return year * 10000 + (month + 1) * 100 + 1;
  return (year + 1) * 10000 + 101;
}

/** Same day in month+n; the last day of that month when the day does not exist there. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const key = keyOf(date);
  if (Number.isInteger(months)) {
    const out = addMonthsToKey(key, months);
    if (inFourDigitYears(out)) return formatKey(out);
  }
  const year = yearOf(key);
  const index = year * 12 + (monthOf(key) - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(dayOf(key), daysInMonth(y, m)));
}

/** Same month and day in year+n; 29 Feb → 28 Feb when the target year is not a leap year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dayNumberOfKey(key: number): number {
  return toDayNumber(yearOf(key), monthOf(key), dayOf(key));
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Whole days in the years 0–9999 (all real use) format as one string; anything else the way it always did.
  return Number.isInteger(days) && year >= 0 && year <= 9999 ? formatKey(year * 10000 + month * 100 + day) : formatDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const key = keyOf(date);
  // The next and the previous day are most of the calls (period ends, the day after a period).
  if (days === 1 || days === -1) {
    const out = days === 1 ? dayAfterKey(key) : dayBeforeKey(key);
    if (inFourDigitYears(out)) return formatKey(out);
  }
  return fromDayNumber(dayNumberOfKey(key) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const ka = keyOf(a);
  return dayNumberOfKey(keyOf(b)) - dayNumberOfKey(ka);
}

export type PeriodUnit = 'y' | 'm';

/** How period ends are counted: by default the anniversary day is inside the period (docs/rules.md §1). */
export interface PeriodOptions {
  boundaryInclusive: boolean;
}

const INCLUSIVE: PeriodOptions = { boundaryInclusive: true };

/**
 * lastDay as a key, or -1 when the quick way cannot answer exactly as the strings do (a start that is not a date,
 * a length that is not a whole number, an end outside the years 0–9999): the caller then takes the string way,
 * which gives the same answer, or the same exception.
 */
export function lastDayKey(start: IsoDate, n: number, unit: PeriodUnit, inclusive: boolean): number {
  const key = dateKey(start);
  if (key < 0 || !Number.isInteger(n)) return -1;
  const end = addMonthsToKey(key, unit === 'y' ? n * 12 : n);
  if (!inFourDigitYears(end)) return -1;
  if (inclusive) return end;
  const before = dayBeforeKey(end);
  return inFourDigitYears(before) ? before : -1;
}

/** The last day a period of n years/months that started with `start` still runs. */
export function lastDay(start: IsoDate, n: number, unit: PeriodUnit, options: PeriodOptions = INCLUSIVE): IsoDate {
  const key = lastDayKey(start, n, unit, options.boundaryInclusive);
  if (key >= 0) return formatKey(key);
  const end = unit === 'y' ? addYears(start, n) : addMonths(start, n);
  return options.boundaryInclusive ? end : addDays(end, -1);
}

/** The day after lastDay (the first day a period no longer runs): addDays(lastDay(…), 1) as one string. */
export function dayAfterLastDay(start: IsoDate, n: number, unit: PeriodUnit, options: PeriodOptions = INCLUSIVE): IsoDate {
  const key = lastDayKey(start, n, unit, options.boundaryInclusive);
  if (key >= 0) {
    const after = dayAfterKey(key);
    if (inFourDigitYears(after)) return formatKey(after);
  }
  return addDays(lastDay(start, n, unit, options), 1);
}

/** Whether `on` is after the last day (`on > lastDay(…)` without making the string), or null when unsure. */
function afterLastDay(start: IsoDate, n: number, unit: PeriodUnit, on: IsoDate, options: PeriodOptions): boolean | null {
  const onKey = dateKey(on);
  if (onKey < 0) return null;
  const end = lastDayKey(start, n, unit, options.boundaryInclusive);
  return end < 0 ? null : onKey > end;
}

/** The period has begun and has not ended on `on`. */
export function running(start: IsoDate, n: number, unit: PeriodUnit, on: IsoDate, options: PeriodOptions = INCLUSIVE): boolean {
  if (!(start <= on)) return false;
  const after = afterLastDay(start, n, unit, on, options);
  return after === null ? on <= lastDay(start, n, unit, options) : !after;
}

/** "满 n 年": the period has ended by `on`. */
export function completed(start: IsoDate, n: number, unit: PeriodUnit, on: IsoDate, options: PeriodOptions = INCLUSIVE): boolean {
  const after = afterLastDay(start, n, unit, on, options);
  return after === null ? on > lastDay(start, n, unit, options) : after;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

// One formatter for the whole process: Intl knows Shanghai's 1986–1991 summer time, a fixed +8 h would not.
let chinaFormatter: Intl.DateTimeFormat | undefined;

/**
 * From the end of the last summer time (1991-09-15 02:00 in Shanghai, 1991-09-14 17:00 UTC) China's offset has been
 * +8 h throughout, so later instants are computed without Intl: making the formatter loads time-zone data, which in
 * a browser costs tens of milliseconds on every page the content script starts in.
 */
const FIXED_OFFSET_FROM_MS = 684_867_600_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China time of an instant given as epoch milliseconds, whatever the machine's zone. */
export function chinaDateOfEpochMs(ms: number): IsoDate | null {
  // Below −8.64e15 ms (Date's range) Intl throws RangeError; a site value must give null, not an exception.
  if (!Number.isFinite(ms) || ms < -8.64e15) return null;
  if (ms >= LONG_TERM_MS) return LONG_TERM;
  if (ms >= FIXED_OFFSET_FROM_MS) return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS));
  chinaFormatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    era: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = chinaFormatter.formatToParts(ms);
  // Without the era, an instant in 2 BC came back as year 2 ('0002-…'); BC instants are not dates here.
  if (parts.some((p) => p.type === 'era' && p.value === 'BC')) return null;
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const year = get('year');
  if (year < 1 || year > 9999) return null;
  return formatDate(year, get('month'), get('day'));
}

const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const SEPARATED_DATE = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?=$|[\sT])/;
// 11+ digits: a 10-digit number is more likely epoch seconds than a 1970 date in milliseconds, so it is refused.
const EPOCH_MS = /^-?\d{11,15}$/;

/**
 * A date as the sites print it → ISO, or null when it is not a date.
 * Accepts 2017年06月08日, 2017-06-08, 2017/6/8, 2017.6.8 (a time of day after it is ignored), epoch milliseconds
 * (number or digit string, read in China time) and 长期 (→ 9999-12-31).
 */
export function parseSiteDate(value: unknown): IsoDate | null {
  if (typeof value === 'number') return chinaDateOfEpochMs(value);
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  if (text === '') return null;
  if (text === '长期' || text === '永久') return LONG_TERM;
  if (EPOCH_MS.test(text)) return chinaDateOfEpochMs(Number(text));
  const m = CHINESE_DATE.exec(text) ?? SEPARATED_DATE.exec(text);
  if (!m) return null;
  const iso = formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return isIsoDate(iso) ? iso : null;
}
