/**
 * The toolbar badge of a tab showing an entity: red 失信 (listed) or 应列 (should be listed), orange 异常
 * (abnormal list), a grey "?" when a section that decides it was not read (a failed or stopped read, a page not
 * understood), else the number of penalties in the window — green only for a certain 0. Computed by the same
 * summary as the overlay.
 */
import type { Assessment, EntityRecord, RuleSettings } from '#core';
import { t } from '../ui/i18n.ts';
import { badgeOf, summarize } from '../ui/summary.ts';

const COLORS = { serious: '#b5161c', abnormal: '#d46b08', count: '#5b6475', none: '#2b7a0b', unknown: '#8c8c8c' } as const;

export interface Badge {
  text: string;
  color: string;
}

/** What the badge says when nothing certain can be said of the tab's page. */
export const UNKNOWN_BADGE: Badge = { text: '?', color: COLORS.unknown };

export function badgeFor(seen: { record: EntityRecord; assessment: Assessment }, settings: RuleSettings): Badge {
  const badge = badgeOf(seen.assessment, summarize(seen.record, seen.assessment, settings));
  switch (badge.tone) {
    case 'serious':
    case 'abnormal':
      return { text: t(badge.key), color: COLORS[badge.tone] };
    case 'unknown':
      return UNKNOWN_BADGE;
    case 'count':
      // "3+": the penalty section was read in part; a count that is only a floor is never the green all-clear.
      if (badge.atLeast) return { text: `${badge.count}+`, color: COLORS.count };
      return { text: String(badge.count), color: badge.count === 0 ? COLORS.none : COLORS.count };
  }
}
