/**
 * The extension's settings in `browser.storage.local`, one item each, read through zod: a stored value that no longer
 * parses (an older version, a hand edit) falls back to the default and says so, never half-applies.
 */
import { RuleSettings, DEFAULT_SETTINGS, formatPath, type RuleSettingsInput } from '#core/page';
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { t } from '../ui/i18n.ts';
import { issueLines } from '../ui/issues.ts';

/** The rules settings of the core (docs/rules.md section 3), as the options page saved them (a partial object is fine). */
export const ruleSettingsItem = storage.defineItem<RuleSettingsInput>('local:ruleSettings', { fallback: {}, version: 1 });

/** Days a snapshot is kept; 0 keeps them all. Notes are never purged. */
export const RetentionDays = z.number().check(z.int(), z.minimum(0), z.maximum(36_500));
export const DEFAULT_RETENTION_DAYS = 365;
export const retentionDaysItem = storage.defineItem<number>('local:retentionDays', { fallback: DEFAULT_RETENTION_DAYS, version: 1 });

/** The user chose 不再提示 on the "不是主体详情页" hint of a search page (features/overlay/page-hint.ts); only `true` counts. */
export const hintDismissedItem = storage.defineItem<boolean>('local:notEntityHintDismissed', { fallback: false, version: 1 });

/** The 填报单位 last typed on the ledger's report tab: filled in again next time (a report is filed every period). */
export const ReportUnit = z.string().check(z.maxLength(200));
export const reportUnitItem = storage.defineItem<string>('local:reportUnit', { fallback: '', version: 1 });

export interface Read<T> {
  value: T;
  /** Why the stored value was not used, when it was not. */
  problem: string | null;
}

type Describe = (issues: z.core.$ZodIssue[]) => string;

/** A stored value through its schema; one that does not parse gives the fallback and the reason, as `describe` says it. */
async function readThrough<T>(
  schema: z.core.$ZodType<T>,
  item: { getValue(): Promise<unknown> },
  fallback: T,
  describe: Describe,
): Promise<Read<T>> {
  const parsed = z.safeParse(schema, await item.getValue());
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: fallback, problem: describe(parsed.error.issues) };
}

/** The reason in the UI language, fields by their labels on the options page. */
const inUiLanguage =
  (label?: (path: readonly PropertyKey[]) => string | null): Describe =>
  (issues) =>
    issueLines(issues, label).join(t('problem_separator'));

/** A rule setting's path by the field's label on the options page (转入前的提示天数), not its name in the code. */
export function settingLabel(path: readonly PropertyKey[]): string | null {
  const name = path[0];
  const field =
    typeof name === 'string' && Object.keys(RuleSettings.shape).includes(name) ? (name as keyof typeof RuleSettings.shape) : null;
  return field ? t(`options_setting_${field}`) : null;
}

export function readRuleSettings(): Promise<Read<RuleSettings>> {
  return readThrough(RuleSettings, ruleSettingsItem, DEFAULT_SETTINGS, inUiLanguage(settingLabel));
}

/**
 * The same for the content scripts, which only log the reason to the console (where technical details go): the
 * Chinese wording of zod's issues stays out of the script every credit page loads (50 KB gzipped at most).
 */
export function readRuleSettingsForPage(): Promise<Read<RuleSettings>> {
  return readThrough(RuleSettings, ruleSettingsItem, DEFAULT_SETTINGS, (issues) =>
    issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; '),
  );
}

export function readRetentionDays(): Promise<Read<number>> {
  return readThrough(RetentionDays, retentionDaysItem, DEFAULT_RETENTION_DAYS, inUiLanguage());
}

export function readReportUnit(): Promise<Read<string>> {
  return readThrough(ReportUnit, reportUnitItem, '', inUiLanguage());
}
