/**
 * R3 Credit repair of a penalty (early stop of its publicity): when the entity may apply, and whether it may now.
 * Source: 《市场监督管理行政处罚信息公示规定》(总局令第45号) Art. 14 [V]; 《市场监督管理信用修复管理办法》
 * (国市监信规〔2021〕3号) [S]. Minimum 6 months, 1 year in the food, drug and special-equipment fields; never for the
 * heavier penalties. Advisory: the authority decides. rules-spec §4 R3, §10.3, §10.8.
 */
import { addDays, lastDay, type IsoDate } from '../lib/dates.ts';
import { keywordsIn, matchForm } from '../lib/text.ts';
import { COSMETIC_WORDS, DRUG_WORDS, MEDICAL_DEVICE_WORDS, SPECIAL_EQUIPMENT_WORDS } from '../data/domain-keywords.ts';
import type { Domain, Finding, RepairStatus, Severity } from '../schemas/assessment.ts';
import type { Repair1yField } from '../schemas/settings.ts';
import type { EvalContext, GradedPenalty, PenaltyFact } from '../engine/facts.ts';
import { makeFinding, type RuleInfo } from '../engine/rule.ts';
import { isWarningOnly } from './r1-severity.ts';

export const rule: RuleInfo = {
  id: 'r3-repair',
  title: { zh: '信用修复（提前停止公示）', en: 'Credit repair (early end of publicity)' },
  source: { title: '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）', article: '第十四条' },
  reference: 'rules-spec §4 R3 [V], §10.3, §10.8; 国市监信规〔2021〕3号 [S]',
};

const FIELD_WORDS: Record<Exclude<Repair1yField, 'FOOD'>, { domain: Domain; words: readonly string[] }> = {
  DRUG: { domain: 'DRUG_DEVICE_COSMETIC', words: DRUG_WORDS.map(matchForm) },
  MEDICAL_DEVICE: { domain: 'DRUG_DEVICE_COSMETIC', words: MEDICAL_DEVICE_WORDS.map(matchForm) },
  COSMETIC: { domain: 'DRUG_DEVICE_COSMETIC', words: COSMETIC_WORDS.map(matchForm) },
  SPECIAL_EQUIPMENT: { domain: 'QUALITY', words: SPECIAL_EQUIPMENT_WORDS.map(matchForm) },
};

/** §10.8: whether the penalty falls in a field with the 1-year minimum. */
export function inOneYearField(p: PenaltyFact, domain: Domain, fields: readonly Repair1yField[]): boolean {
  return fields.some((field) => {
    if (field === 'FOOD') return domain === 'FOOD';
    const { domain: fieldDomain, words } = FIELD_WORDS[field];
    return domain === fieldDomain && (keywordsIn(p.conductText, words).length > 0 || keywordsIn(p.basisText, words).length > 0);
  });
}

export interface RepairResult {
  repair: RepairStatus;
  /** First day an application is possible; null when repair does not apply. */
  repairFrom: IsoDate | null;
  /** Conditions that fail (for NOT_ELIGIBLE). */
  missing: string[];
}

export interface RepairInput {
  p: PenaltyFact;
  severity: Severity;
  domain: Domain;
  publishedUntil: IsoDate | null;
  /** All penalties of the record, to find a later one of the same kind. */
  others: readonly GradedPenalty[];
  onAList: boolean;
}

const NOT_REPAIRABLE: RepairResult = Object.freeze({ repair: 'NOT_REPAIRABLE', repairFrom: null, missing: [] });
const NOT_APPLICABLE: RepairResult = Object.freeze({ repair: 'NOT_APPLICABLE', repairFrom: null, missing: [] });

export function repairOf({ p, severity, domain, publishedUntil, others, onAList }: RepairInput, ctx: EvalContext): RepairResult {
  if (severity === 'HEAVY') return NOT_REPAIRABLE;
  if (severity === 'LIGHT' || isWarningOnly(p)) return NOT_APPLICABLE;
  // Nothing to repair: the decision no longer stands, was already repaired, or its publicity has run out.
  const repaired = p.repairApprovedDate !== undefined && p.repairApprovedDate <= ctx.asOf;
  if (!p.effective || repaired || publishedUntil === null || ctx.asOf > publishedUntil) return NOT_APPLICABLE;

  const oneYear = inOneYearField(p, domain, ctx.settings.repair1yDomains);
  const repairFrom = addDays(oneYear ? lastDay(p.publicityStart, 1, 'y', ctx.period) : lastDay(p.publicityStart, 6, 'm', ctx.period), 1);
  if (ctx.asOf < repairFrom) return { repair: 'NOT_YET', repairFrom, missing: [] };

  const missing: string[] = [];
  if (!p.obligationsFulfilled) missing.push('obligations-fulfilled');
  if (!p.harmEliminated) missing.push('harm-eliminated');
  const laterSameKind = others.some(
    (o) => o.p.id !== p.id && o.p.effective && o.domain === domain && o.p.decisionDate > p.decisionDate && o.p.decisionDate <= ctx.asOf,
  );
  if (laterSameKind) missing.push('later-penalty-same-kind');
  if (onAList) missing.push('on-a-list');
  return { repair: missing.length ? 'NOT_ELIGIBLE' : 'ELIGIBLE', repairFrom, missing };
}

export function repairFinding(p: PenaltyFact, result: RepairResult): Finding | null {
  if (result.repair !== 'ELIGIBLE') return null;
  return makeFinding(rule, 'info', {
    zh: `处罚 ${p.id}（${p.decisionNo}）自 ${result.repairFrom} 起已满最短公示期，且已履行、危害已消除、无同类新处罚、未在名单中：可申请信用修复（由作出处罚的机关决定）。`,
    en: `Penalty ${p.id} (${p.decisionNo}) has passed its minimum publicity (from ${result.repairFrom}) and meets the other conditions: a repair application is possible (the authority decides).`,
  }, [p.id]);
}
