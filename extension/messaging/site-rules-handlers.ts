/**
 * The background's handlers for the team's site rules (background/site-rules.ts) and the reader-health counters
 * (storage/reader-health.ts): the options page reads and refreshes the first and reads the week of the second;
 * content scripts count their reads.
 */
import { chinaDateOfEpochMs } from '#core';
import type { SiteRulesSync } from '../background/site-rules.ts';
import { countRead, lastWeek } from '../storage/reader-health.ts';
import type { Handlers } from './router.ts';

type SiteRulesHandlers = Pick<Handlers, 'site-rules:status' | 'site-rules:check' | 'reader:count' | 'reader:week'>;

/** `sync`: absent (tests, a background without one) → no rules, checks change nothing. */
export function siteRulesHandlersFor(sync: Pick<SiteRulesSync, 'state' | 'check'> | undefined, nowMs: () => number): SiteRulesHandlers {
  const none = { active: null, check: null };
  // A clock outside Date's range has no day: counted as the epoch's, never a failure of the read that reported it.
  const today = () => chinaDateOfEpochMs(nowMs()) ?? '1970-01-01';
  return {
    'site-rules:status': async () => ({ ok: true, state: sync ? await sync.state() : none }),
    'site-rules:check': async () => ({ ok: true, state: sync ? await sync.check() : none }),
    'reader:count': async ({ site, layout, outcome }) => {
      await countRead({ site, layout, outcome }, today());
      return { ok: true };
    },
    'reader:week': async () => ({ ok: true, sites: await lastWeek(today()) }),
  };
}
