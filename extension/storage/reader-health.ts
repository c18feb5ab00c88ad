/**
 * Reader health (读取情况): how this browser's reads of each site went, per day — understood, partial (understood
 * but some section incomplete: fewer rows read than stated, or no stated total) or not understood — as daily counters
 * in browser.storage.local, never the pages themselves. Kept for the last KEEP_DAYS days; the options page shows the
 * last seven. Counted by the background (one writer, so two tabs never lose a count), from what the overlay reports
 * after its settled read.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

export const READ_OUTCOMES = ['understood', 'partial', 'notUnderstood'] as const;
export const ReadOutcome = z.enum(READ_OUTCOMES);
export type ReadOutcome = z.infer<typeof ReadOutcome>;

/** Days of counters kept. */
export const KEEP_DAYS = 14;

const Count = z.number().check(z.int(), z.nonnegative());
const Counts = z.strictObject({ understood: Count, partial: Count, notUnderstood: Count });
export type Counts = z.infer<typeof Counts>;
const Name = z.string().check(z.minLength(1), z.maxLength(60));
/** day (YYYY-MM-DD, China time) → site → layout → counts. */
export const HealthCounters = z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.record(Name, z.record(Name, Counts)));
export type HealthCounters = z.infer<typeof HealthCounters>;

export const readerHealthItem = storage.defineItem<unknown>('local:readerHealth', { fallback: {} });

const ZERO: Counts = { understood: 0, partial: 0, notUnderstood: 0 };

async function counters(): Promise<HealthCounters> {
  const parsed = z.safeParse(HealthCounters, await readerHealthItem.getValue());
  // Counters that no longer parse start again: they are a health signal, not a record.
  return parsed.success ? parsed.data : {};
}

let queue: Promise<unknown> = Promise.resolve();

/** Counts one read on `day`; days older than KEEP_DAYS before it are dropped. */
export function countRead(read: { site: string; layout: string; outcome: ReadOutcome }, day: string): Promise<void> {
  const run = queue.then(async () => {
    const all = await counters();
    const layouts = ((all[day] ??= {})[read.site] ??= {});
    const counts = (layouts[read.layout] ??= { ...ZERO });
    counts[read.outcome]++;
    const oldest = dayBefore(day, KEEP_DAYS - 1);
    for (const kept of Object.keys(all)) if (kept < oldest) delete all[kept];
    await readerHealthItem.setValue(all);
  });
  queue = run.catch(() => {});
  return run;
}

/** YYYY-MM-DD `days` calendar days before `day`. */
export function dayBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export type SiteWeek = { site: string; counts: Counts };

/** Per site, the counts of the seven days up to `today` (layouts added up), sites in name order. */
export async function lastWeek(today: string): Promise<SiteWeek[]> {
  const all = await counters();
  const from = dayBefore(today, 6);
  const bySite = new Map<string, Counts>();
  for (const [day, sites] of Object.entries(all)) {
    if (day < from || day > today) continue;
    for (const [site, layouts] of Object.entries(sites)) {
      const sum = bySite.get(site) ?? { ...ZERO };
      for (const counts of Object.values(layouts)) for (const outcome of READ_OUTCOMES) sum[outcome] += counts[outcome];
      bySite.set(site, sum);
    }
  }
  return [...bySite].sort(([a], [b]) => a.localeCompare(b)).map(([site, counts]) => ({ site, counts }));
}
