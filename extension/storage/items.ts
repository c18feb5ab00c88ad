/**
 * The extension's settings in `browser.storage.local`, one item each, read through zod: a stored value that no longer
 * parses (an older version, a hand edit) falls back to the default and says so, never half-applies.
 */
import { RuleSettings, DEFAULT_SETTINGS, problemLines, problemsOf, type RuleSettingsInput } from '#core/page';
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

/** The rules settings of the core (docs/rules.md §3), as the options page saved them (a partial object is fine). */
export const ruleSettingsItem = storage.defineItem<RuleSettingsInput>('local:ruleSettings', { fallback: {}, version: 1 });

/** Days a snapshot is kept; 0 keeps them all. Notes are never purged. */
export const RetentionDays = z.number().check(z.int(), z.minimum(0), z.maximum(36_500));
export const DEFAULT_RETENTION_DAYS = 365;
export const retentionDaysItem = storage.defineItem<number>('local:retentionDays', { fallback: DEFAULT_RETENTION_DAYS, version: 1 });

/** The 填报单位 last typed on the ledger's report tab: filled in again next time (a report is filed every period). */
export const ReportUnit = z.string().check(z.maxLength(200));
export const reportUnitItem = storage.defineItem<string>('local:reportUnit', { fallback: '', version: 1 });

export interface Read<T> {
  value: T;
  /** Why the stored value was not used, when it was not. */
  problem: string | null;
}

/** A stored value through its schema; one that does not parse gives the fallback and the reason. */
async function readThrough<T>(schema: z.core.$ZodType<T>, item: { getValue(): Promise<unknown> }, fallback: T, what: string): Promise<Read<T>> {
  const parsed = z.safeParse(schema, await item.getValue());
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: fallback, problem: `stored ${what} ignored: ${problemLines(problemsOf(parsed.error)).join('; ')}` };
}

export function readRuleSettings(): Promise<Read<RuleSettings>> {
  return readThrough(RuleSettings, ruleSettingsItem, DEFAULT_SETTINGS, 'rule settings');
}

export function readRetentionDays(): Promise<Read<number>> {
  return readThrough(RetentionDays, retentionDaysItem, DEFAULT_RETENTION_DAYS, 'retention');
}

export function readReportUnit(): Promise<Read<string>> {
  return readThrough(ReportUnit, reportUnitItem, '', 'reporting unit');
}
