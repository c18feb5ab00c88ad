import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LONG_TERM,
  addDays,
  addMonths,
  addYears,
  chinaDateOfEpochMs,
  dateParts,
  daysBetween,
  daysInMonth,
  formatDate,
  isIsoDate,
  isLeapYear,
  lastDay,
  maxDate,
  minDate,
  parseSiteDate,
  running,
  completed,
  type PeriodUnit,
} from './dates.ts';

// ---------------------------------------------------------------------------------------------------------------
// An independent oracle: the JavaScript Date in UTC (proleptic Gregorian, no time zone involved).
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function utcMsOf(year: number, monthIndex: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day); // unlike Date.UTC, does not map years 0–99 to 1900–1999
  return t.getTime();
}

function isoOfUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function split(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`test helper: not ISO: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function msOfIso(iso: string): number {
  const [y, m, d] = split(iso);
  return utcMsOf(y, m - 1, d);
}

function oracleIso(year: number, month: number, day: number): string {
  return isoOfUtcMs(utcMsOf(year, month - 1, day));
}

function oracleDaysInMonth(year: number, month: number): number {
  return new Date(utcMsOf(year, month, 0)).getUTCDate(); // day 0 of the next month = last day of this one
}

/** A real calendar date by the oracle: well-formed and survives a round trip through Date. */
function oracleValid(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = split(iso);
  return m >= 1 && m <= 12 && d >= 1 && oracleIso(y, m, d) === iso;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries: uniform dates plus month ends and leap days, where the corresponding-date rule bites.
// ---------------------------------------------------------------------------------------------------------------

function isoDate(minYear: number, maxYear: number): fc.Arbitrary<string> {
  const uniform = fc
    .date({ min: new Date(utcMsOf(minYear, 0, 1)), max: new Date(utcMsOf(maxYear, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const monthEnd = fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${pad4(y)}-${pad2(m)}-${pad2(oracleDaysInMonth(y, m))}`);
  const leapDay = fc
    .integer({ min: Math.ceil(minYear / 4), max: Math.floor(maxYear / 4) })
    .map((k) => k * 4)
    .filter((y) => oracleValid(`${pad4(y)}-02-29`))
    .map((y) => `${pad4(y)}-02-29`);
  const lateInMonth = fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 28, max: 31 }) })
    .filter(({ y, m, d }) => d <= oracleDaysInMonth(y, m))
    .map(({ y, m, d }) => `${pad4(y)}-${pad2(m)}-${pad2(d)}`);
  return fc.oneof(uniform, monthEnd, leapDay, lateInMonth);
}

const anyDate = isoDate(1000, 8999);
const unit: fc.Arbitrary<PeriodUnit> = fc.constantFrom<PeriodUnit>('y', 'm');

// ---------------------------------------------------------------------------------------------------------------

describe('isLeapYear / daysInMonth', () => {
  it('follows the Gregorian rule (examples)', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('agrees with the Date oracle for every month of any year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(oracleDaysInMonth(y, m));
        expect(isLeapYear(y)).toBe(oracleDaysInMonth(y, 2) === 29);
      }),
    );
  });
});

describe('formatDate / dateParts / isIsoDate', () => {
  it('pads year, month and day', () => {
    expect(formatDate(2017, 6, 8)).toBe('2017-06-08');
    expect(formatDate(33, 1, 2)).toBe('0033-01-02');
  });

  it('accepts real calendar dates only', () => {
    expect(dateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isIsoDate('2000-02-29')).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2023-02-30',
      '2023-04-31',
      '2023-13-01',
      '2023-00-10',
      '2023-01-00',
      '2023-1-01',
      '2023-01-1',
      '23-01-01',
      '2023/01/01',
      ' 2023-01-01',
      '2023-01-01T00:00',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
      expect(dateParts(bad), bad).toBeNull();
    }
  });

  it('agrees with the Date oracle on arbitrary well-formed strings', () => {
    const candidate = fc
      .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
      .map(({ y, m, d }) => `${pad4(y)}-${pad2(m)}-${pad2(d)}`);
    fc.assert(
      fc.property(candidate, (s) => {
        expect(isIsoDate(s)).toBe(oracleValid(s));
      }),
    );
  });

  it('agrees with the Date oracle on arbitrary near-dates (wrong separators, signs, non-ASCII digits, lengths)', () => {
    const near = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789-/+ .x١٢０'), minLength: 8, maxLength: 12 }),
      fc
        .tuple(anyDate, fc.integer({ min: 0, max: 9 }), fc.constantFrom('/', '+', ' ', '0', '٣', '-', ''))
        .map(([iso, at, ch]) => iso.slice(0, at) + ch + iso.slice(at + 1)),
    );
    fc.assert(
      fc.property(near, (s) => {
        expect(isIsoDate(s)).toBe(oracleValid(s));
        expect(dateParts(s) === null).toBe(!oracleValid(s));
      }),
    );
  });
});

describe('addMonths / addYears (corresponding date, 民法典 Art. 202)', () => {
  it('month ends and leap days (examples)', () => {
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonths('2021-05-31', 1)).toBe('2021-06-30');
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2021-12-15', 1)).toBe('2022-01-15');
    expect(addMonths('2022-01-15', -1)).toBe('2021-12-15');
    expect(addMonths('2022-01-15', -13)).toBe('2020-12-15');
    expect(addMonths('2022-01-15', 0)).toBe('2022-01-15');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 80)).toBe('2100-02-28');
    expect(addYears('2000-02-29', -100)).toBe('1900-02-28');
    expect(addYears('2000-02-29', 400)).toBe('2400-02-29');
    expect(addYears('2021-02-28', 3)).toBe('2024-02-28');
    expect(addYears('2019-06-08', -2)).toBe('2017-06-08');
  });

  it('refuses a string that is not a calendar date', () => {
    expect(() => addMonths('2023-02-30', 1)).toThrow(RangeError);
    expect(() => addYears('2023-2-3', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
    expect(() => daysBetween('2023-01-01', 'x')).toThrow(RangeError);
  });

  it('equals the oracle: same day in the target month, else its last day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const [y, m, day] = split(d);
        const target = new Date(utcMsOf(y, m - 1 + n, 1)); // Date normalises the month overflow
        const ty = target.getUTCFullYear();
        const tm = target.getUTCMonth() + 1;
        const expected = oracleIso(ty, tm, Math.min(day, oracleDaysInMonth(ty, tm)));
        expect(addMonths(d, n)).toBe(expected);
      }),
    );
  });

  it('always gives a valid date whose day never exceeds the source day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const out = addMonths(d, n);
        expect(oracleValid(out)).toBe(true);
        const [, m, day] = split(d);
        const [oy, om, oday] = split(out);
        expect(oday).toBeLessThanOrEqual(day);
        expect((((m - 1 + n) % 12) + 12) % 12).toBe(om - 1);
        // The day only moves when the source day does not exist in the target month, and then to its last day.
        if (oday !== day) expect(oday).toBe(oracleDaysInMonth(oy, om));
      }),
    );
  });

  it('addYears keeps month and day, except 29 Feb → 28 Feb in a common year', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100, max: 100 }), (d, n) => {
        const [y, m, day] = split(d);
        const [oy, om, oday] = split(addYears(d, n));
        expect(oy).toBe(y + n);
        expect(om).toBe(m);
        if (m === 2 && day === 29 && oracleDaysInMonth(y + n, 2) === 28) expect(oday).toBe(28);
        else expect(oday).toBe(day);
      }),
    );
  });

  it('year arithmetic is month arithmetic by twelve', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100, max: 100 }), (d, n) => {
        expect(addYears(d, n)).toBe(addMonths(d, 12 * n));
      }),
    );
  });

  it('composes when no clamping happens (day ≤ 28), and never overshoots otherwise', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }), (d, a, b) => {
        const stepwise = addMonths(addMonths(d, a), b);
        const direct = addMonths(d, a + b);
        if (split(d)[2] <= 28) expect(stepwise).toBe(direct);
        else expect(stepwise <= direct).toBe(true); // clamping loses days, it never adds them
        const back = addMonths(addMonths(d, a), -a);
        expect(back <= d).toBe(true);
        if (split(d)[2] <= 28) expect(back).toBe(d);
      }),
    );
  });

  it('is monotone in the start date', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -240, max: 240 }), (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addMonths(lo, n) <= addMonths(hi, n)).toBe(true);
      }),
    );
  });
});

describe('addDays / daysBetween', () => {
  it('crosses month, year and leap boundaries (examples)', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2017-06-08', 0)).toBe('2017-06-08');
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2021-01-01', '2022-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2000-01-01', '2400-01-01')).toBe(146097);
  });

  it('addDays equals the oracle', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -200_000, max: 200_000 }), (d, n) => {
        expect(addDays(d, n)).toBe(isoOfUtcMs(msOfIso(d) + n * DAY_MS));
      }),
    );
  });

  it('daysBetween equals the oracle and is antisymmetric', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(daysBetween(a, b)).toBe((msOfIso(b) - msOfIso(a)) / DAY_MS);
        expect(daysBetween(b, a) + daysBetween(a, b)).toBe(0); // (toBe(-x) would trip on −0)
      }),
    );
  });

  it('round trips', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.integer({ min: -100_000, max: 100_000 }), (a, b, n) => {
        expect(daysBetween(a, addDays(a, n))).toBe(n);
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(addDays(addDays(a, n), -n)).toBe(a);
      }),
    );
  });
});

describe('lastDay / running / completed (docs/rules.md §1)', () => {
  it('the anniversary day still runs; the period is complete from the next day', () => {
    expect(lastDay('2020-03-15', 3, 'y')).toBe('2023-03-15');
    expect(running('2020-03-15', 3, 'y', '2023-03-15')).toBe(true);
    expect(completed('2020-03-15', 3, 'y', '2023-03-15')).toBe(false);
    expect(running('2020-03-15', 3, 'y', '2023-03-16')).toBe(false);
    expect(completed('2020-03-15', 3, 'y', '2023-03-16')).toBe(true);
    expect(running('2020-03-15', 3, 'y', '2020-03-15')).toBe(true);
    expect(running('2020-03-15', 3, 'y', '2020-03-14')).toBe(false);
    expect(completed('2020-03-15', 3, 'y', '2020-03-14')).toBe(false);
  });

  it('with boundaryInclusive false the anniversary day is excluded', () => {
    const excl = { boundaryInclusive: false };
    expect(lastDay('2020-03-15', 3, 'y', excl)).toBe('2023-03-14');
    expect(running('2020-03-15', 3, 'y', '2023-03-14', excl)).toBe(true);
    expect(running('2020-03-15', 3, 'y', '2023-03-15', excl)).toBe(false);
    expect(completed('2020-03-15', 3, 'y', '2023-03-14', excl)).toBe(false);
    expect(completed('2020-03-15', 3, 'y', '2023-03-15', excl)).toBe(true);
    expect(lastDay('2020-03-01', 1, 'y', excl)).toBe('2021-02-28');
    expect(lastDay('2021-03-01', 3, 'y', excl)).toBe('2024-02-29');
  });

  it('leap days and month ends', () => {
    expect(lastDay('2020-02-29', 1, 'y')).toBe('2021-02-28');
    expect(running('2020-02-29', 1, 'y', '2021-02-28')).toBe(true);
    expect(completed('2020-02-29', 1, 'y', '2021-02-28')).toBe(false);
    expect(completed('2020-02-29', 1, 'y', '2021-03-01')).toBe(true);
    expect(lastDay('2020-02-29', 4, 'y')).toBe('2024-02-29');
    expect(lastDay('2020-02-29', 1, 'y', { boundaryInclusive: false })).toBe('2021-02-27');
    expect(lastDay('2021-01-31', 1, 'm')).toBe('2021-02-28');
    expect(lastDay('2020-01-31', 1, 'm')).toBe('2020-02-29');
    expect(lastDay('2021-08-31', 1, 'm')).toBe('2021-09-30');
    expect(completed('2021-01-31', 1, 'm', '2021-03-01')).toBe(true);
    expect(running('2021-01-31', 1, 'm', '2021-02-28')).toBe(true);
    expect(lastDay('2023-12-31', 2, 'm')).toBe('2024-02-29');
  });

  it('T15: listed 2021-06-01, 3 years run to 2024-06-01 inclusive', () => {
    expect(running('2021-06-01', 3, 'y', '2024-06-01')).toBe(true);
    expect(completed('2021-06-01', 3, 'y', '2024-06-01')).toBe(false);
    expect(completed('2021-06-01', 3, 'y', '2024-06-02')).toBe(true);
  });

  it('boundaries hold for any start, length and unit', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), unit, (start, n, u) => {
        const last = lastDay(start, n, u);
        expect(last).toBe(u === 'y' ? addYears(start, n) : addMonths(start, n));
        expect(running(start, n, u, start)).toBe(true);
        expect(running(start, n, u, last)).toBe(true);
        expect(completed(start, n, u, last)).toBe(false);
        expect(running(start, n, u, addDays(last, 1))).toBe(false);
        expect(completed(start, n, u, addDays(last, 1))).toBe(true);
        expect(running(start, n, u, addDays(start, -1))).toBe(false);
        expect(completed(start, n, u, addDays(start, -1))).toBe(false);
      }),
    );
  });

  it('the exclusive setting moves the end one day earlier and changes only the anniversary day', () => {
    const excl = { boundaryInclusive: false };
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 30 }), unit, (start, n, u) => {
        const last = lastDay(start, n, u);
        expect(lastDay(start, n, u, excl)).toBe(addDays(last, -1));
        expect(lastDay(start, n, u, { boundaryInclusive: true })).toBe(last);
        expect(running(start, n, u, last, excl)).toBe(false);
        expect(completed(start, n, u, last, excl)).toBe(true);
        expect(running(start, n, u, addDays(last, -1), excl)).toBe(true);
      }),
    );
  });

  it('before the start, running, or completed: exactly one holds on any day', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 20 }),
        unit,
        fc.integer({ min: -400, max: 8000 }),
        fc.boolean(),
        (start, n, u, offset, inclusive) => {
          const on = addDays(start, offset);
          const options = { boundaryInclusive: inclusive };
          const states = [on < start, running(start, n, u, on, options), completed(start, n, u, on, options)];
          expect(states.filter(Boolean)).toHaveLength(1);
        },
      ),
    );
  });

  it('n years is 12n months', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 30 }), fc.boolean(), (start, n, inclusive) => {
        const options = { boundaryInclusive: inclusive };
        expect(lastDay(start, n, 'y', options)).toBe(lastDay(start, 12 * n, 'm', options));
      }),
    );
  });
});

describe('maxDate / minDate', () => {
  it('pick by calendar order', () => {
    expect(maxDate('2020-01-02', '2019-12-31')).toBe('2020-01-02');
    expect(minDate('2020-01-02', '2019-12-31')).toBe('2019-12-31');
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const later = msOfIso(a) >= msOfIso(b) ? a : b;
        const earlier = msOfIso(a) >= msOfIso(b) ? b : a;
        expect(maxDate(a, b)).toBe(later);
        expect(minDate(a, b)).toBe(earlier);
      }),
    );
  });
});

describe('chinaDateOfEpochMs', () => {
  it('reads the instant in China time', () => {
    expect(chinaDateOfEpochMs(1496851200000)).toBe('2017-06-08'); // 2017-06-08T00:00+08:00
    expect(chinaDateOfEpochMs(Date.UTC(2017, 5, 7, 16, 30))).toBe('2017-06-08');
    expect(chinaDateOfEpochMs(Date.UTC(2017, 5, 7, 15, 59, 59, 999))).toBe('2017-06-07');
    expect(chinaDateOfEpochMs(Date.UTC(2017, 5, 8, 15, 59, 59, 999))).toBe('2017-06-08');
    expect(chinaDateOfEpochMs(Date.UTC(2017, 5, 8, 16))).toBe('2017-06-09');
  });

  it('knows Shanghai summer time 1986–1991 (UTC+9)', () => {
    expect(chinaDateOfEpochMs(Date.UTC(1988, 4, 31, 15))).toBe('1988-06-01'); // 00:00 CDT; a fixed +8 h says 05-31
    expect(chinaDateOfEpochMs(Date.UTC(1988, 4, 31, 14, 59))).toBe('1988-05-31');
    expect(chinaDateOfEpochMs(Date.UTC(1988, 0, 31, 15, 30))).toBe('1988-01-31'); // winter: still +8
  });

  it('agrees with the time-zone database at every instant after the last summer time (the fast path)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const lastSummer = Date.UTC(1991, 8, 14, 17);
    fc.assert(
      fc.property(fc.integer({ min: lastSummer - 3 * 86_400_000, max: 253402185600000 - 1 }), (ms) => {
        expect(chinaDateOfEpochMs(ms)).toBe(zone.format(ms));
      }),
      { numRuns: 2000 },
    );
    // The hour around the switch back to +8: 01:00–02:00 local happened twice.
    for (let ms = lastSummer - 2 * HOUR_MS; ms <= lastSummer + 2 * HOUR_MS; ms += 60_000)
      expect(chinaDateOfEpochMs(ms)).toBe(zone.format(ms));
  });

  it('handles instants before 1970 and the epoch itself', () => {
    expect(chinaDateOfEpochMs(0)).toBe('1970-01-01');
    expect(chinaDateOfEpochMs(-1)).toBe('1970-01-01');
    expect(chinaDateOfEpochMs(-8 * HOUR_MS)).toBe('1970-01-01');
    expect(chinaDateOfEpochMs(-8 * HOUR_MS - 1)).toBe('1969-12-31');
    expect(chinaDateOfEpochMs(Date.UTC(1959, 11, 31, 16))).toBe('1960-01-01');
  });

  it('maps the 长期 sentinel and anything beyond it to 9999-12-31', () => {
    expect(chinaDateOfEpochMs(253402185600000)).toBe(LONG_TERM);
    expect(chinaDateOfEpochMs(253402185600001)).toBe(LONG_TERM);
    expect(chinaDateOfEpochMs(1e20)).toBe(LONG_TERM);
    expect(chinaDateOfEpochMs(253402185599999)).toBe('9999-12-30');
  });

  it('gives null for non-finite, pre-Common-Era and out-of-range instants instead of a wrong date or a throw', () => {
    expect(chinaDateOfEpochMs(Number.NaN)).toBeNull();
    expect(chinaDateOfEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
    expect(chinaDateOfEpochMs(Number.NEGATIVE_INFINITY)).toBeNull();
    expect(chinaDateOfEpochMs(utcMsOf(1, 0, 1) + 12 * HOUR_MS)).toBe('0001-01-01');
    expect(chinaDateOfEpochMs(utcMsOf(-1, 0, 1))).toBeNull(); // 2 BC, not '0002-01-01'
    expect(chinaDateOfEpochMs(-8.64e15)).toBeNull();
    expect(chinaDateOfEpochMs(-1e16)).toBeNull();
  });

  it('equals UTC+8 outside the summer-time years (1992 onwards)', () => {
    const from = Date.UTC(1992, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: 253402185600000 - 1 }), (ms) => {
        expect(chinaDateOfEpochMs(ms)).toBe(isoOfUtcMs(ms + 8 * HOUR_MS));
      }),
    );
  });

  it('never throws and returns null or a calendar date for any number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.maxSafeInteger(), fc.integer({ min: -62_200_000_000_000, max: -62_100_000_000_000 })), (ms) => {
        const out = chinaDateOfEpochMs(ms);
        if (out !== null) expect(oracleValid(out)).toBe(true);
      }),
    );
  });

  describe('whatever the machine zone (child process with TZ set)', () => {
    const datesModule = fileURLToPath(new URL('./dates.ts', import.meta.url));
    const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
    const instants = [
      1496851200000, // 2017-06-08T00:00+08:00
      Date.UTC(2017, 5, 7, 16, 30), // 2017-06-08 00:30 China; 06-07 in Los Angeles
      Date.UTC(2017, 5, 8, 12), // 2017-06-08 20:00 China; 06-09 in Kiritimati (UTC+14)
      Date.UTC(1988, 4, 31, 15), // 1988-06-01 00:00 China daylight time
      Date.UTC(1959, 11, 31, 16), // 1960-01-01 00:00 China
    ];
    const expected = ['2017-06-08', '2017-06-08', '2017-06-08', '1988-06-01', '1960-01-01'];

    function runIn(tz: string): { zone: string; china: (string | null)[]; local: string[] } {
      const script = [
        `import { chinaDateOfEpochMs, parseSiteDate } from ${JSON.stringify(datesModule)};`,
        `const instants = ${JSON.stringify(instants)};`,
        'const local = instants.map((ms) => { const d = new Date(ms);',
        "  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-'); });",
        'const china = instants.map((ms) => chinaDateOfEpochMs(ms));',
        'const parsed = instants.map((ms) => parseSiteDate(String(ms)));',
        'const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;',
        'console.log(JSON.stringify({ zone, china, parsed, local }));',
      ].join('\n');
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: projectRoot,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      const result = JSON.parse(out) as { zone: string; china: (string | null)[]; parsed: (string | null)[]; local: string[] };
      expect(result.parsed).toEqual(result.china);
      return result;
    }

    it('America/Los_Angeles', () => {
      const { zone, china, local } = runIn('America/Los_Angeles');
      expect(zone).toBe('America/Los_Angeles');
      expect(local[1]).toBe('2017-06-07'); // the machine's own calendar would be wrong: the test can tell
      expect(china).toEqual(expected);
    });

    it('Pacific/Kiritimati', () => {
      const { zone, china, local } = runIn('Pacific/Kiritimati');
      expect(zone).toBe('Pacific/Kiritimati');
      expect(local[2]).toBe('2017-06-09');
      expect(china).toEqual(expected);
    });
  });
});

describe('parseSiteDate', () => {
  it.each([
    ['2017年06月08日', '2017-06-08'],
    ['2017年6月8日', '2017-06-08'],
    ['2017 年 6 月 8 日', '2017-06-08'],
    ['2017年6月8日 10:20', '2017-06-08'],
    ['2017-06-08', '2017-06-08'],
    ['2017-6-8', '2017-06-08'],
    ['2017/6/8', '2017-06-08'],
    ['2017/06/08', '2017-06-08'],
    ['2017.6.8', '2017-06-08'],
    ['2017-06-08 10:20:30', '2017-06-08'],
    ['2017-06-08T10:20:30', '2017-06-08'],
    ['  2017-06-08\u00a0', '2017-06-08'],
    ['\u30002017-06-08\u3000', '2017-06-08'],
    ['２０１７年０６月０８日', '2017-06-08'],
    ['２０１７-０６-０８', '2017-06-08'],
    ['2024年2月29日', '2024-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseSiteDate(input)).toBe(expected);
  });

  it('reads epoch milliseconds as a number and as a digit string, in China time', () => {
    expect(parseSiteDate(1496851200000)).toBe('2017-06-08');
    expect(parseSiteDate('1496851200000')).toBe('2017-06-08');
    expect(parseSiteDate(' 1496851200000 ')).toBe('2017-06-08');
    expect(parseSiteDate('１４９６８５１２０００００')).toBe('2017-06-08');
    expect(parseSiteDate(Date.UTC(2017, 5, 7, 16, 30))).toBe('2017-06-08');
    expect(parseSiteDate(String(Date.UTC(1988, 4, 31, 15)))).toBe('1988-06-01');
  });

  it('reads negative epoch milliseconds (before 1970)', () => {
    const ms = Date.UTC(1959, 11, 31, 16); // 1960-01-01 00:00 China
    expect(ms).toBeLessThan(0);
    expect(parseSiteDate(ms)).toBe('1960-01-01');
    expect(parseSiteDate(String(ms))).toBe('1960-01-01');
    expect(parseSiteDate(-8 * HOUR_MS - 1)).toBe('1969-12-31');
    expect(parseSiteDate(String(Date.UTC(1949, 9, 1, 4)))).toBe('1949-10-01');
  });

  it('maps 长期 to 9999-12-31', () => {
    expect(parseSiteDate('长期')).toBe(LONG_TERM);
    expect(parseSiteDate(' 长期 ')).toBe(LONG_TERM);
    expect(parseSiteDate('永久')).toBe(LONG_TERM);
    expect(parseSiteDate(253402185600000)).toBe(LONG_TERM);
    expect(parseSiteDate('253402185600000')).toBe(LONG_TERM);
    expect(parseSiteDate(253402271999000)).toBe(LONG_TERM);
    expect(parseSiteDate('253402271999000')).toBe(LONG_TERM);
    expect(parseSiteDate(253402185599999)).toBe('9999-12-30');
  });

  it.each([
    ['2023-02-30'],
    ['2023-02-29'],
    ['2023-13-01'],
    ['2023-00-10'],
    ['2023年2月30日'],
    ['2023/4/31'],
    [''],
    ['   '],
    ['abc'],
    ['2017-06'],
    ['17-06-08'],
    ['2017-06-08x'],
    ['长期有效期'],
    ['-'],
  ])('%j → null', (input) => {
    expect(parseSiteDate(input)).toBeNull();
  });

  it('non-strings and non-finite numbers → null', () => {
    for (const value of [null, undefined, true, {}, [], new Date(0), Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(parseSiteDate(value), String(value)).toBeNull();
    }
  });

  it('reads every printed form of any date', () => {
    fc.assert(
      fc.property(isoDate(1000, 9999), fc.boolean(), (iso, padded) => {
        const [y, m, d] = split(iso);
        const mm = padded ? pad2(m) : String(m);
        const dd = padded ? pad2(d) : String(d);
        for (const text of [
          `${y}年${mm}月${dd}日`,
          `${y}-${mm}-${dd}`,
          `${y}/${mm}/${dd}`,
          `${y}.${mm}.${dd}`,
          `${y}-${mm}-${dd} 23:59:59`,
        ]) {
          expect(parseSiteDate(text), text).toBe(iso);
        }
      }),
    );
  });

  it('a digit string reads like the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: 253402185600000 - 1 }), (ms) => {
        expect(parseSiteDate(String(ms))).toBe(isoOfUtcMs(ms + 8 * HOUR_MS));
        expect(parseSiteDate(ms)).toBe(isoOfUtcMs(ms + 8 * HOUR_MS));
      }),
    );
  });

  it('never throws and never returns an invalid date', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789-/.年月日 长期０９') }), fc.double(), fc.anything()),
        (value) => {
          const out = parseSiteDate(value);
          if (out !== null) expect(oracleValid(out)).toBe(true);
        },
      ),
    );
  });
});

describe('parseSiteDate: review cases', () => {
  it('reads full-width separators as well as full-width digits', () => {
    expect(parseSiteDate('２０１７－０６－０８')).toBe('2017-06-08');
    expect(parseSiteDate('２０１７／６／８')).toBe('2017-06-08');
  });

  it('refuses a 10-digit number string (epoch seconds are not milliseconds)', () => {
    expect(parseSiteDate('1496851200')).toBeNull();
  });
});
