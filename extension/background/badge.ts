/**
 * The toolbar badge of a tab showing an entity: red 失信 (listed) or 应列 (should be listed), orange 异常
 * (abnormal list), else the number of penalties in the window. Computed by the same summary as the overlay.
 */
import type { Assessment, EntityRecord, RuleSettings } from '#core';
import { t } from '../ui/i18n.ts';
import { badgeOf, summarize } from '../ui/summary.ts';

const COLORS = { serious: '#b5161c', abnormal: '#d46b08', count: '#5b6475', none: '#2b7a0b' } as const;

export interface Badge {
  text: string;
  color: string;
}

export function badgeFor(seen: { record: EntityRecord; assessment: Assessment }, settings: RuleSettings): Badge {
  const badge = badgeOf(summarize(seen.record, seen.assessment, null, settings));
  if (badge.key) return { text: t(badge.key), color: COLORS[badge.tone] };
  return { text: String(badge.count), color: badge.count === 0 ? COLORS.none : COLORS.count };
}
