/**
 * R5 Serious-list candidate on the penalty route: an effective, heavier (R1 HEAVY) market-regulation penalty of
 * the last 3 years, in a domain of Arts. 5–9 or matching Art. 10, not already the basis of a listing.
 * Source: 总局令第44号 Arts. 2, 5–10, 12 [S]. Art. 12 makes listing a human judgement, so this only flags
 * candidates for review, never a listing. docs/rules.md R5.
 */
import { matchForm } from '../lib/text.ts';
import { running } from '../lib/dates.ts';
import { ARTICLE_10_PATTERNS } from '../data/domain-keywords.ts';
import type { Domain, Finding, Severity } from '../schemas/assessment.ts';
import type { EvalContext, PenaltyFact, SeriousFact } from '../engine/facts.ts';
import { makeFinding, penaltyName, type RuleInfo } from '../engine/rule.ts';
import { HEAVY_REASON_NAMES, heavyReasons } from './r1-severity.ts';
import { DOMAIN_ARTICLE } from './r6-domain.ts';

export const rule: RuleInfo = {
  id: 'r5-serious-candidate',
  title: { zh: '严重违法失信名单候选（处罚途径）', en: 'Serious-list candidate (penalty route)' },
  source: { title: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）', article: '第二条' },
  reference: 'docs/rules.md R5',
};

const ARTICLE_10 = new RegExp(ARTICLE_10_PATTERNS.map(matchForm).join('|'));

export type CandidateResult = { candidate: true; article: string; reasons: string[] } | { candidate: false; why: string };

/** The answers for non-candidates, one object each (most penalties are not candidates). */
const NOT = Object.fromEntries(
  ['not-effective', 'not-heavier-penalty', 'not-samr', 'outside-window', 'already-basis-of-listing', 'no-listed-conduct'].map((why) => [
    why,
    Object.freeze({ candidate: false as const, why }),
  ]),
) as Record<string, Extract<CandidateResult, { candidate: false }>>;

export function seriousCandidate(
  p: PenaltyFact,
  severity: Severity,
  domain: Domain,
  serious: readonly SeriousFact[],
  ctx: EvalContext,
): CandidateResult {
  if (!p.effective) return NOT['not-effective']!;
  if (severity !== 'HEAVY') return NOT['not-heavier-penalty']!;
  if (!p.isSamr) return NOT['not-samr']!;
  if (!running(p.decisionDate, ctx.settings.candidateWindowYears, 'y', ctx.asOf, ctx.period)) {
    return NOT['outside-window']!;
  }
  if (serious.some((s) => s.penaltyIds.includes(p.id))) return NOT['already-basis-of-listing']!;
  const article10 = ARTICLE_10.test(p.conductText) || ARTICLE_10.test(p.basisText);
  if (domain === 'OTHER' && !article10) return NOT['no-listed-conduct']!;
  const article = DOMAIN_ARTICLE[domain];
  return { candidate: true, article, reasons: heavyReasons(p) };
}

export function candidateFinding(p: PenaltyFact, result: Extract<CandidateResult, { candidate: true }>): Finding {
  const zh = result.reasons.map((r) => HEAVY_REASON_NAMES[r]?.zh ?? r).join('、');
  const en = result.reasons.map((r) => HEAVY_REASON_NAMES[r]?.en ?? r).join(', ');
  return makeFinding(
    rule,
    'warning',
    {
      zh: `处罚 ${penaltyName(p)} 为较重行政处罚（${zh}），属第44号令${result.article}所列情形，可能应列入严重违法失信名单；是否“性质恶劣、情节严重、社会危害较大”须人工研判（第十二条）。`,
      en: `Penalty ${penaltyName(p)} is a heavier penalty (${en}) under Order 44 ${result.article}: a serious-list candidate. Whether it is grave enough (Art. 12) is for staff to judge.`,
    },
    [p.id],
    `第二条、${result.article}`,
  );
}
