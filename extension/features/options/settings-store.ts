/**
 * Where the options page reads and writes its settings, as a small interface: the components take it as a prop and
 * never touch `browser` themselves. `localSettingsStore` is the real one (storage/items.ts, browser.storage.local).
 */
import type { RuleSettings, RuleSettingsInput } from '#core';
import { readRetentionDays, readRuleSettings, retentionDaysItem, ruleSettingsItem, type Read } from '../../storage/items.ts';

export interface SettingsStore {
  /** The rule settings in force, and why the stored ones were ignored, if they were. */
  readRules(): Promise<Read<RuleSettings>>;
  /** Called only with a value that passed RuleSettings; `{}` restores the defaults. */
  writeRules(value: RuleSettingsInput): Promise<void>;
  readRetention(): Promise<Read<number>>;
  writeRetention(days: number): Promise<void>;
}

export const localSettingsStore: SettingsStore = {
  readRules: readRuleSettings,
  writeRules: (value) => ruleSettingsItem.setValue(value),
  readRetention: readRetentionDays,
  writeRetention: (days) => retentionDaysItem.setValue(days),
};
