/**
 * The extension's settings in `browser.storage.local`, one item each, read through zod: a stored value that no longer
 * parses (an older version, a hand edit) falls back to the default and says so, never half-applies.
 */
import { RuleSettings, DEFAULT_SETTINGS, problemLines, problemsOf, type RuleSettingsInput } from '#core';
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

/** The rules settings of the core (rules-spec §6), as the options page saved them (a partial object is fine). */
export const ruleSettingsItem = storage.defineItem<RuleSettingsInput>('local:ruleSettings', { fallback: {}, version: 1 });

/** Days a snapshot is kept; 0 keeps them all. Notes are never purged. */
export const RetentionDays = z.number().int().min(0).max(36_500);
export const DEFAULT_RETENTION_DAYS = 365;
export const retentionDaysItem = storage.defineItem<number>('local:retentionDays', { fallback: DEFAULT_RETENTION_DAYS, version: 1 });

export interface Read<T> {
  value: T;
  /** Why the stored value was not used, when it was not. */
  problem: string | null;
}

export async function readRuleSettings(): Promise<Read<RuleSettings>> {
  const parsed = RuleSettings.safeParse(await ruleSettingsItem.getValue());
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: DEFAULT_SETTINGS, problem: `stored rule settings ignored: ${problemLines(problemsOf(parsed.error)).join('; ')}` };
}

export async function readRetentionDays(): Promise<Read<number>> {
  const parsed = RetentionDays.safeParse(await retentionDaysItem.getValue());
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: DEFAULT_RETENTION_DAYS, problem: `stored retention ignored: ${problemLines(problemsOf(parsed.error)).join('; ')}` };
}
