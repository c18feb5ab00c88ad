/**
 * What every surface shows of one assessment — the overlay, the popup's hits, the toolbar badge, the ledger's 本机查看
 * column — computed once, the same way, from the assessment's own statuses and coverage: a section the page did not
 * let us read is 未知, never 未列入 / 否 / 0. Pure: no browser APIs, so it is tested without one.
 */
import {
  DEFAULT_SETTINGS,
  Domain,
  running,
  type AbnormalStatus,
  type Assessment,
  type Coverage,
  type CoverageState,
  type EntityRecord,
  type RuleSettings,
} from '#core/page';
import type { MessageKey } from './i18n.ts';

/** listed-banner: only the page's banner says so (no listing row, dates unknown); unknown / partial: not read whole. */
export type SeriousView = 'listed' | 'listed-banner' | 'due' | 'none' | 'unknown' | 'partial';

export type Tone = 'alert' | 'warning' | 'ok' | 'unknown';

/** One status as shown: its message, the message's placeholders, and its tone. */
export interface Verdict {
  key: MessageKey;
  subs: Array<string | number>;
  tone: Tone;
}

export interface Summary {
  serious: Verdict;
  abnormal: Verdict;
  /** Penalties decided in the window (3 years by default), whatever their later fate, and their domains. */
  penaltiesInWindow: {
    total: number;
    windowYears: number;
    byDomain: Array<{ domain: Domain; count: number }>;
    /** How much of the penalty section was read: partial makes the total a lower bound, unknown makes it meaningless. */
    read: CoverageState;
  };
  repeat: Verdict;
  /** Each section on its own (read against the page's own count), never added up. */
  coverage: Coverage;
}

/** What a cell about a section says when that section was not read whole. */
function unknownKey(state: CoverageState): MessageKey {
  return state === 'unknown' ? 'status_unknown_unloaded' : 'status_unknown_partial';
}

export function seriousView(assessment: Assessment): SeriousView {
  const { status, activeListingIds, shouldBeListed } = assessment.seriousList;
  if (status === 'LISTED') return activeListingIds.length > 0 ? 'listed' : 'listed-banner';
  if (status === 'NOT_LISTED') return shouldBeListed ? 'due' : 'none';
  return assessment.coverage.serious.state === 'unknown' ? 'unknown' : 'partial';
}

const SERIOUS: Record<SeriousView, Omit<Verdict, 'subs'>> = {
  listed: { key: 'overlay_serious_listed', tone: 'alert' },
  'listed-banner': { key: 'overlay_serious_listed_banner', tone: 'alert' },
  due: { key: 'overlay_serious_due', tone: 'alert' },
  none: { key: 'overlay_serious_none', tone: 'ok' },
  unknown: { key: 'status_unknown_unloaded', tone: 'unknown' },
  partial: { key: 'status_unknown_partial', tone: 'unknown' },
};

export function seriousVerdict(view: SeriousView): Verdict {
  return { ...SERIOUS[view], subs: [] };
}

const ABNORMAL: Record<Exclude<AbnormalStatus, 'UNKNOWN'>, MessageKey> = {
  NONE: 'overlay_abnormal_NONE',
  ACTIVE: 'overlay_abnormal_ACTIVE',
  MARKED: 'overlay_abnormal_MARKED',
  WARNING_60D: 'overlay_abnormal_WARNING_60D',
  ESCALATE_TO_SERIOUS: 'overlay_abnormal_ESCALATE_TO_SERIOUS',
};

export function abnormalVerdict(assessment: Assessment): Verdict {
  const { status, activeListingIds } = assessment.abnormalList;
  if (status === 'UNKNOWN') return { key: unknownKey(assessment.coverage.abnormal.state), subs: [], tone: 'unknown' };
  if (status === 'NONE') return { key: ABNORMAL.NONE, subs: [], tone: 'ok' };
  // Only the page's banner says so: no row, so no dates.
  if (activeListingIds.length === 0 && status === 'ACTIVE') return { key: 'overlay_abnormal_ACTIVE_banner', subs: [], tone: 'warning' };
  if (activeListingIds.length === 0 && status === 'MARKED') return { key: 'overlay_abnormal_MARKED_banner', subs: [], tone: 'warning' };
  return { key: ABNORMAL[status], subs: [], tone: 'warning' };
}

export function repeatVerdict(assessment: Assessment, threshold: number): Verdict {
  const { status, count, atLeast } = assessment.repeatOffender;
  if (status === 'FLAGGED')
    return { key: atLeast ? 'overlay_repeat_yes_at_least' : 'overlay_repeat_yes', subs: [count, threshold], tone: 'alert' };
  if (status === 'NOT_FLAGGED') return { key: 'overlay_repeat_no', subs: [count, threshold], tone: 'ok' };
  const read = assessment.coverage.penalties.state;
  if (read === 'unknown') return { key: unknownKey(read), subs: [], tone: 'unknown' };
  return { key: 'overlay_repeat_unknown_at_least', subs: [count, threshold], tone: 'unknown' };
}

export function summarize(record: EntityRecord, assessment: Assessment, settings: RuleSettings = DEFAULT_SETTINGS): Summary {
  const decided = new Map(record.penalties.map((p) => [p.id, p.decisionDate]));
  const period = { boundaryInclusive: settings.boundaryInclusive };
  const perDomain = new Map<Domain, number>();
  let total = 0;
  for (const p of assessment.penalties) {
    const date = decided.get(p.id);
    if (date === undefined || !running(date, settings.repeatOffenderWindowYears, 'y', assessment.asOf, period)) continue;
    total++;
    perDomain.set(p.domain, (perDomain.get(p.domain) ?? 0) + 1);
  }
  return {
    serious: seriousVerdict(seriousView(assessment)),
    abnormal: abnormalVerdict(assessment),
    penaltiesInWindow: {
      total,
      windowYears: settings.repeatOffenderWindowYears,
      byDomain: Domain.options.filter((d) => perDomain.has(d)).map((domain) => ({ domain, count: perDomain.get(domain) ?? 0 })),
      read: assessment.coverage.penalties.state,
    },
    repeat: repeatVerdict(assessment, settings.repeatOffenderThreshold),
    coverage: assessment.coverage,
  };
}

export type BadgeView =
  | { tone: 'serious'; key: 'badge_listed' | 'badge_due' }
  | { tone: 'abnormal'; key: 'badge_abnormal' }
  /** A section that decides the badge was not read: neither a count nor a clean state can be claimed. */
  | { tone: 'unknown' }
  /** atLeast: the penalty section was read in part, the count is a lower bound. */
  | { tone: 'count'; count: number; atLeast: boolean };

/** The toolbar badge: red 失信 / 应列, orange 异常, "?" when a section was not read, else the window's penalty count. */
export function badgeOf(assessment: Assessment, summary: Summary): BadgeView {
  const serious = seriousView(assessment);
  if (serious === 'listed' || serious === 'listed-banner') return { tone: 'serious', key: 'badge_listed' };
  if (serious === 'due') return { tone: 'serious', key: 'badge_due' };
  const abnormal = assessment.abnormalList.status;
  if (abnormal !== 'NONE' && abnormal !== 'UNKNOWN') return { tone: 'abnormal', key: 'badge_abnormal' };
  const { total, read } = summary.penaltiesInWindow;
  if (serious !== 'none' || abnormal === 'UNKNOWN' || read === 'unknown') return { tone: 'unknown' };
  return { tone: 'count', count: total, atLeast: read === 'partial' };
}

/** The three facts on the folded panel's tab, in a word or two each: the same verdicts, so 未知 stays 未知. */
export interface KeyFacts {
  serious: Verdict;
  abnormal: Verdict;
  penalties: Verdict;
}

/** Each known status's short word; a status the tab has no word for reads 未知 rather than a guess. */
const SHORT: Partial<Record<MessageKey, MessageKey>> = {
  overlay_serious_listed: 'tab_listed',
  overlay_serious_listed_banner: 'tab_listed',
  overlay_serious_due: 'tab_due',
  overlay_serious_none: 'tab_none',
  overlay_abnormal_NONE: 'tab_none',
  overlay_abnormal_ACTIVE: 'tab_listed',
  overlay_abnormal_ACTIVE_banner: 'tab_listed',
  overlay_abnormal_WARNING_60D: 'tab_listed',
  overlay_abnormal_ESCALATE_TO_SERIOUS: 'tab_listed',
  overlay_abnormal_MARKED: 'tab_marked',
  overlay_abnormal_MARKED_banner: 'tab_marked',
};

function short(verdict: Verdict): Verdict {
  const key = verdict.tone === 'unknown' ? undefined : SHORT[verdict.key];
  return key ? { key, subs: [], tone: verdict.tone } : { key: 'tab_unknown', subs: [], tone: 'unknown' };
}

/** The window's count: 未知 unread, at least N when read in part, else N (red for a repeat offender, orange for any). */
export function keyFacts(summary: Summary): KeyFacts {
  const { total, read } = summary.penaltiesInWindow;
  const penalties: Verdict =
    read === 'unknown'
      ? { key: 'tab_unknown', subs: [], tone: 'unknown' }
      : read === 'partial'
        ? { key: 'tab_count_at_least', subs: [total], tone: 'unknown' }
        : { key: 'tab_count', subs: [total], tone: summary.repeat.tone === 'alert' ? 'alert' : total > 0 ? 'warning' : 'ok' };
  return { serious: short(summary.serious), abnormal: short(summary.abnormal), penalties };
}
