/**
 * What every surface shows of one assessment — the overlay, the popup's hits, the toolbar badge — computed once, the
 * same way: serious-list status (已列入 / 应列未列 / 未列入), abnormal status, penalties in the repeat-offender window
 * by domain, the 屡禁不止、屡罚不改 count against its threshold, and how much of the record the page let us read.
 * Pure: no browser APIs, so it is tested without one.
 */
import {
  DEFAULT_SETTINGS, Domain, running, type AbnormalStatus, type Assessment, type Completeness, type EntityRecord,
  type RuleSettings,
} from '#core';

export type SeriousStatus = 'listed' | 'due' | 'none';

export interface Summary {
  serious: SeriousStatus;
  abnormal: AbnormalStatus;
  /** Penalties decided in the window (3 years by default), whatever their later fate, and their domains. */
  penaltiesInWindow: { total: number; windowYears: number; byDomain: Array<{ domain: Domain; count: number }> };
  repeat: { flag: boolean; count: number; threshold: number };
  /** Records read against the totals the page states; `complete` only when every section states one and all were read. */
  read: { read: number; total: number | null; complete: boolean };
  /** Sections of which the page shows nothing yet — no row and no count (still loading, or not opened). */
  unread: Record<keyof Completeness, boolean>;
}

export function seriousStatus(assessment: Assessment): SeriousStatus {
  if (assessment.seriousList.active) return 'listed';
  return assessment.seriousList.shouldBeListed ? 'due' : 'none';
}

export function summarize(record: EntityRecord, assessment: Assessment, completeness: Completeness | null, settings: RuleSettings = DEFAULT_SETTINGS): Summary {
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
    serious: seriousStatus(assessment),
    abnormal: assessment.abnormalList.status,
    penaltiesInWindow: {
      total,
      windowYears: settings.repeatOffenderWindowYears,
      byDomain: Domain.options.filter((d) => perDomain.has(d)).map((domain) => ({ domain, count: perDomain.get(domain) ?? 0 })),
    },
    repeat: { flag: assessment.repeatOffender.flag, count: assessment.repeatOffender.count, threshold: settings.repeatOffenderThreshold },
    read: readOf(completeness, record),
    unread: {
      penalties: unreadSection(completeness?.penalties), abnormal: unreadSection(completeness?.abnormal), serious: unreadSection(completeness?.serious),
    },
  };
}

function unreadSection(section: Completeness[keyof Completeness] | undefined): boolean {
  return section !== undefined && section.read === 0 && section.total === null;
}

function readOf(completeness: Completeness | null, record: EntityRecord): Summary['read'] {
  if (!completeness) {
    const n = record.penalties.length + record.abnormalListings.length + record.seriousListings.length;
    return { read: n, total: null, complete: false };
  }
  const sections = [completeness.penalties, completeness.abnormal, completeness.serious];
  const read = sections.reduce((sum, s) => sum + s.read, 0);
  const stated = sections.every((s) => s.total !== null);
  const total = stated ? sections.reduce((sum, s) => sum + (s.total ?? 0), 0) : null;
  return { read, total, complete: stated && sections.every((s) => s.read >= (s.total ?? 0)) };
}

export type BadgeTone = 'serious' | 'abnormal' | 'count';

/** The toolbar badge: red 失信 / 应列, orange 异常, else the window's penalty count. */
export function badgeOf(summary: Summary): { tone: BadgeTone; key: 'badge_listed' | 'badge_due' | 'badge_abnormal' | null; count: number } {
  if (summary.serious === 'listed') return { tone: 'serious', key: 'badge_listed', count: 0 };
  if (summary.serious === 'due') return { tone: 'serious', key: 'badge_due', count: 0 };
  if (summary.abnormal !== 'NONE') return { tone: 'abnormal', key: 'badge_abnormal', count: 0 };
  return { tone: 'count', key: null, count: summary.penaltiesInWindow.total };
}
