/**
 * R2 Publicity window of a penalty: whether it is shown on the as-of date and until when.
 * Source: 《市场监督管理行政处罚信息公示规定》(总局令第45号) Art. 2 (warnings are not published), Art. 11 (revoked
 * decisions are withdrawn), Art. 13 (3 months for 通报批评 or a lower-amount fine, 3 years otherwise, longer for a
 * longer restriction) [V]. docs/rules.md R2.
 */
import { addDays, lastDay, maxDate, minDate, type IsoDate } from '../lib/dates.ts';
import type { Severity } from '../schemas/assessment.ts';
import type { EvalContext, PenaltyFact } from '../engine/facts.ts';
import type { RuleInfo } from '../engine/rule.ts';
import { isWarningOnly } from './r1-severity.ts';

export const rule: RuleInfo = {
  id: 'r2-publicity',
  title: { zh: '处罚信息公示期', en: 'Publicity period' },
  source: { title: '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）', article: '第十三条' },
  reference: 'docs/rules.md R2',
};

/** The last day of the full publicity period, before any repair. */
export function publicityEnd(p: PenaltyFact, severity: Severity, ctx: EvalContext): IsoDate {
  const start = p.publicityStart;
  if (severity === 'LIGHT') return lastDay(start, 3, 'm', ctx.period);
  const end = lastDay(start, 3, 'y', ctx.period);
  return p.restrictionEnd && p.restrictionEnd > end ? p.restrictionEnd : end;
}

function repairedBy(p: PenaltyFact, ctx: EvalContext): boolean {
  return p.repairApprovedDate !== undefined && p.repairApprovedDate <= ctx.asOf;
}

/** `publishedUntil` of Publicity: the last day of publicity, or null when the penalty is never published. */
export function publishedUntilOf(p: PenaltyFact, severity: Severity, ctx: EvalContext): IsoDate | null {
  if (!p.effective || isWarningOnly(p)) return null;
  const until = publicityEnd(p, severity, ctx);
  // An approved repair stops publicity the day before it was approved (never before publicity began).
  if (repairedBy(p, ctx) && p.repairApprovedDate) {
    return maxDate(p.publicityStart, minDate(until, addDays(p.repairApprovedDate, -1)));
  }
  return until;
}

/** `published` of Publicity, given `publishedUntilOf`. */
export function publishedOn(p: PenaltyFact, publishedUntil: IsoDate | null, ctx: EvalContext): boolean {
  if (publishedUntil === null) return false;
  return !repairedBy(p, ctx) && ctx.asOf >= p.publicityStart && ctx.asOf <= publishedUntil;
}
