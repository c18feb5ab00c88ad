/**
 * R4 屡禁不止、屡罚不改 (repeat offender): 10 or more administrative penalties in the last 3 years without an
 * approved credit repair. Source: 国市监信发〔2023〕48号 part 二(一)三 ("近3年内受到10次以上行政处罚，且未获准信用
 * 修复"); "以上" includes the number (刑法 Art. 99 [V]). docs/rules.md R4: any authority, one count per
 * decision, repaired decisions leave the count from the day the repair was approved. When the page did not show
 * every penalty, a count under the threshold is "at least N", never a certain no (docs/rules.md "R4").
 */
import { running } from '../lib/dates.ts';
import type { ExclusionReason, Finding, LocalText, RepeatStatus, SectionCoverage } from '../schemas/assessment.ts';
import type { EvalContext, GradedPenalty, PenaltyFact } from '../engine/facts.ts';
import { makeFinding, type RuleInfo } from '../engine/rule.ts';
import { coverageText } from './coverage-text.ts';
import { isWarningOnly } from './r1-severity.ts';

export const rule: RuleInfo = {
  id: 'r4-repeat-offender',
  title: { zh: '屡禁不止、屡罚不改', en: 'Repeat offender' },
  source: {
    title: '《市场监管总局关于开展经营主体严重违法失信行为专项治理行动的通知》（国市监信发〔2023〕48号）',
    article: '二、（一）三',
  },
  reference: 'docs/rules.md R4',
};

export interface RepeatOffenderResult {
  flag: boolean;
  status: RepeatStatus;
  atLeast: boolean;
  count: number;
  counted: string[];
  excluded: Array<{ id: string; reason: ExclusionReason }>;
}

/** The first reason, in this order, that keeps a penalty out of the count; null when it counts. */
function exclusionOf(p: PenaltyFact, published: boolean, ctx: EvalContext): ExclusionReason | null {
  const { settings, asOf, period } = ctx;
  if (!p.effective) return 'revoked';
  if (settings.samrOnly && !p.isSamr) return 'not-samr';
  if (settings.excludeWarningOnly && isWarningOnly(p)) return 'warning-only';
  if (settings.onlyStillPublished && !published) return 'not-published';
  if (!running(p.decisionDate, settings.repeatOffenderWindowYears, 'y', asOf, period)) return 'outside-window';
  if (p.repairApprovedDate !== undefined && p.repairApprovedDate <= asOf) return 'repaired';
  return null;
}

/** Scratch space of repeatOffender, grown as needed (core is synchronous: one call uses it at a time). */
let countedAt = new Int32Array(64);
let outcomes: Array<ExclusionReason | null> = [];

/** Whether a penalty counted already (at `countedAt[0..count)` of `penalties`) has the decision key `key`. */
function decisionCounted(key: string, count: number, penalties: readonly GradedPenalty[]): boolean {
  for (let i = 0; i < count; i++) if ((penalties[countedAt[i] as number] as GradedPenalty).p.decisionKey === key) return true;
  return false;
}

/** Above this many penalties a Set of counted decisions beats scanning them (the scan is quadratic). */
const SCAN_LIMIT = 64;

export function repeatOffender(penalties: readonly GradedPenalty[], coverage: SectionCoverage, ctx: EvalContext): RepeatOffenderResult {
  const n = penalties.length;
  if (countedAt.length < n) countedAt = new Int32Array(n * 2);
  if (outcomes.length < n) outcomes = new Array<ExclusionReason | null>(n * 2).fill(null);
  // First the outcome of each penalty, then the two lists at their exact sizes. A record has tens of penalties: a
  // scan of the counted ones finds a decision counted already faster than a Set made for each record.
  let count = 0;
  const seen = n > SCAN_LIMIT ? new Set<string>() : null;
  for (let i = 0; i < n; i++) {
    const { p, published } = penalties[i] as GradedPenalty;
    let outcome = exclusionOf(p, published, ctx);
    // An empty 决定书文号 identifies nothing: such rows count on their own.
    if (!outcome && p.decisionKey !== '') {
      if (seen ? seen.has(p.decisionKey) : decisionCounted(p.decisionKey, count, penalties)) outcome = 'duplicate-decision';
      else seen?.add(p.decisionKey);
    }
    if (!outcome) countedAt[count++] = i;
    outcomes[i] = outcome;
  }
  const counted = new Array<string>(count);
  const excluded = new Array<RepeatOffenderResult['excluded'][number]>(n - count);
  for (let i = 0, c = 0, e = 0; i < n; i++) {
    const id = (penalties[i] as GradedPenalty).p.id;
    const reason = outcomes[i];
    if (reason) excluded[e++] = { id, reason };
    else counted[c++] = id;
  }
  const flag = count >= ctx.settings.repeatOffenderThreshold;
  const atLeast = coverage.state !== 'complete';
  const status: RepeatStatus = flag ? 'FLAGGED' : atLeast ? 'UNKNOWN' : 'NOT_FLAGGED';
  return { flag, status, atLeast, count, counted, excluded };
}

const REASON_TEXT: Record<ExclusionReason, { zh: string; en: string }> = {
  'outside-window': { zh: '不在统计期间内', en: 'outside the window' },
  revoked: { zh: '已撤销或确认违法、无效', en: 'revoked, illegal or void' },
  repaired: { zh: '已获准信用修复', en: 'credit repair approved' },
  'duplicate-decision': { zh: '同一决定书重复', en: 'same decision listed twice' },
  'warning-only': { zh: '仅警告', en: 'warning only' },
  'not-samr': { zh: '非市场监管部门作出', en: 'not a market-regulation authority' },
  'not-published': { zh: '已不在公示期', en: 'no longer published' },
};

/** A penalty's name in findings (its decision number), by its id. */
export type NameOf = (id: string) => string;

/** "不在统计期间内：甲、乙；已撤销或确认违法、无效：丙" — the excluded records grouped by reason, by decision number. */
function exclusionText(excluded: RepeatOffenderResult['excluded'], nameOf: NameOf): LocalText {
  const byReason = new Map<ExclusionReason, string[]>();
  for (const { id, reason } of excluded) {
    const names = byReason.get(reason);
    if (names) names.push(nameOf(id));
    else byReason.set(reason, [nameOf(id)]);
  }
  const zh: string[] = [];
  const en: string[] = [];
  for (const [reason, names] of byReason) {
    zh.push(`${REASON_TEXT[reason].zh}：${names.join('、')}`);
    en.push(`${REASON_TEXT[reason].en}: ${names.join(', ')}`);
  }
  return { zh: `未计入 ${excluded.length} 件（${zh.join('；')}）。`, en: ` Not counted (${excluded.length}): ${en.join('; ')}.` };
}

/** Under the threshold on a page that did not show every penalty: at least N, whether the threshold is reached unknown. */
function unknownFinding(result: RepeatOffenderResult, coverage: SectionCoverage, ctx: EvalContext): Finding {
  const years = ctx.settings.repeatOffenderWindowYears;
  const threshold = ctx.settings.repeatOffenderThreshold;
  const read = coverageText(coverage);
  return makeFinding(
    rule,
    'info',
    {
      zh: `屡禁不止、屡罚不改：页面未显示全部行政处罚记录（${read.zh}），近${years}年内至少 ${result.count} 次，是否达到 ${threshold} 次无法判断。`,
      en: `Repeat offender: the page did not show every penalty (${read.en}); at least ${result.count} in the last ${years} years, so whether the threshold of ${threshold} is reached is unknown.`,
    },
    result.counted,
  );
}

/** The finding for a raised flag (how many, which were left out and why), or for a count that is only a floor. */
export function repeatOffenderFinding(
  result: RepeatOffenderResult,
  coverage: SectionCoverage,
  ctx: EvalContext,
  nameOf: NameOf,
): Finding | null {
  if (result.status === 'UNKNOWN') return unknownFinding(result, coverage, ctx);
  if (!result.flag) return null;
  const years = ctx.settings.repeatOffenderWindowYears;
  const threshold = ctx.settings.repeatOffenderThreshold;
  const { count } = result;
  const atLeast = result.atLeast ? { zh: '至少', en: 'at least ' } : { zh: '', en: '' };
  const head = {
    zh: `屡禁不止、屡罚不改：近${years}年内受到${atLeast.zh} ${count} 次行政处罚（${count}/${threshold}），且未获准信用修复。`,
    en: `Repeat offender: ${atLeast.en}${count} administrative penalties in the last ${years} years (${count}/${threshold}) without approved credit repair.`,
  };
  // The counted decisions are the finding's records (every surface lists them by decision number); the message
  // stays one line a person reads at a glance, with what was left out and why.
  const excluded = result.excluded.length ? exclusionText(result.excluded, nameOf) : { zh: '', en: '' };
  return makeFinding(rule, 'alert', { zh: head.zh + excluded.zh, en: head.en + excluded.en }, result.counted);
}
