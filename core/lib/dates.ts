/**
 * Calendar dates as the rules see them: 'YYYY-MM-DD' strings in China time (Asia/Shanghai), no time of day.
 *
 * Period arithmetic follows 民法典 Arts. 201–202 (rules-spec §3): a period of N years or months starts the day
 * after its event and ends on the corresponding date, or on the last day of the month when that date does not
 * exist (29 Feb → 28 Feb). ISO strings compare correctly as strings, so no Date object is needed here.
 */

import { cleanText } from './text.ts';

export type IsoDate = string;

/** The 9999-12-31 sentinel the sites use for "长期" (no end). */
export const LONG_TERM: IsoDate = '9999-12-31';
/** gsxt writes 长期 as epoch milliseconds at or above this value (credit-sites.md §2). */
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

/** Digits of `date` from `start` to `end` as a number, or -1 when one is not a digit. */
function digitsAt(date: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = date.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The parts of a valid ISO date, or null when the string is not a real calendar date. */
export function dateParts(date: string): { year: number; month: number; day: number } | null {
  // Hand-rolled rather than a regular expression: every rule evaluation goes through here.
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(date: string): boolean {
  return dateParts(date) !== null;
}

function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  const parts = dateParts(date);
  if (!parts) throw new RangeError(`not a calendar date: ${date}`);
  return parts;
}

/** Same day in month+n; the last day of that month when the day does not exist there. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
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

function fromDayNumber(days: number): IsoDate {
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

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = partsOf(date);
  return fromDayNumber(toDayNumber(year, month, day) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  return toDayNumber(pb.year, pb.month, pb.day) - toDayNumber(pa.year, pa.month, pa.day);
}

export type PeriodUnit = 'y' | 'm';

/** How period ends are counted: the spec's default keeps the anniversary day inside the period. */
export interface PeriodOptions {
  boundaryInclusive: boolean;
}

const INCLUSIVE: PeriodOptions = { boundaryInclusive: true };

/** The last day a period of n years/months that started with `start` still runs. */
export function lastDay(start: IsoDate, n: number, unit: PeriodUnit, options: PeriodOptions = INCLUSIVE): IsoDate {
  const end = unit === 'y' ? addYears(start, n) : addMonths(start, n);
  return options.boundaryInclusive ? end : addDays(end, -1);
}

/** The period has begun and has not ended on `on`. */
export function running(start: IsoDate, n: number, unit: PeriodUnit, on: IsoDate, options: PeriodOptions = INCLUSIVE): boolean {
  return start <= on && on <= lastDay(start, n, unit, options);
}

/** "满 n 年": the period has ended by `on`. */
export function completed(start: IsoDate, n: number, unit: PeriodUnit, on: IsoDate, options: PeriodOptions = INCLUSIVE): boolean {
  return on > lastDay(start, n, unit, options);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

// One formatter for the whole process: Intl knows Shanghai's 1986–1991 summer time, a fixed +8 h would not.
let chinaFormatter: Intl.DateTimeFormat | undefined;

/** The calendar date in China time of an instant given as epoch milliseconds, whatever the machine's zone. */
export function chinaDateOfEpochMs(ms: number): IsoDate | null {
  // Below −8.64e15 ms (Date's range) Intl throws RangeError; a site value must give null, not an exception.
  if (!Number.isFinite(ms) || ms < -8.64e15) return null;
  if (ms >= LONG_TERM_MS) return LONG_TERM;
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
