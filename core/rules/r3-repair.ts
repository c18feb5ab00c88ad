/**
 * R3 Credit repair of a penalty (early stop of its publicity): when the entity may apply, and whether it may now.
 * Source: 《市场监督管理行政处罚信息公示规定》(总局令第45号) Art. 14 [V]; 《市场监督管理信用修复管理办法》
 * (国市监信规〔2021〕3号) [S]. Minimum 6 months, 1 year in the food, drug and special-equipment fields; never for the
 * heavier penalties. Advisory: the authority decides. docs/rules.md R3.
 */
import { dayAfterLastDay, type IsoDate } from '../lib/dates.ts';
import { KeywordIndex, matchForm } from '../lib/text.ts';
import { COSMETIC_WORDS, DRUG_WORDS, MEDICAL_DEVICE_WORDS, SPECIAL_EQUIPMENT_WORDS } from '../data/domain-keywords.ts';
import type { Domain, Finding, RepairStatus } from '../schemas/assessment.ts';
import type { Repair1yField } from '../schemas/settings.ts';
import type { EvalContext, GradedPenalty, PenaltyFact } from '../engine/facts.ts';
import { makeFinding, penaltyName, type RuleInfo } from '../engine/rule.ts';
import { isWarningOnly } from './r1-severity.ts';

export const rule: RuleInfo = {
  id: 'r3-repair',
  title: { zh: '信用修复（提前停止公示）', en: 'Credit repair (early end of publicity)' },
  source: { title: '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）', article: '第十四条' },
  reference: 'docs/rules.md R3',
};

const FIELD_WORDS: Record<Exclude<Repair1yField, 'FOOD'>, { domain: Domain; words: readonly string[] }> = {
  DRUG: { domain: 'DRUG_DEVICE_COSMETIC', words: DRUG_WORDS.map(matchForm) },
  MEDICAL_DEVICE: { domain: 'DRUG_DEVICE_COSMETIC', words: MEDICAL_DEVICE_WORDS.map(matchForm) },
  COSMETIC: { domain: 'DRUG_DEVICE_COSMETIC', words: COSMETIC_WORDS.map(matchForm) },
  SPECIAL_EQUIPMENT: { domain: 'QUALITY', words: SPECIAL_EQUIPMENT_WORDS.map(matchForm) },
};
const FIELDS = Object.keys(FIELD_WORDS) as Array<keyof typeof FIELD_WORDS>;
/** The words of every field in one pass over a text: bit i ⇔ a word of FIELDS[i]. */
const FIELD_INDEX = new KeywordIndex(FIELDS.map((f) => FIELD_WORDS[f].words));
/** Fields with an empty word, which every text mentions (a KeywordIndex never finds an empty word). */
const ALWAYS_MENTIONED = FIELDS.reduce((bits, f, i) => (FIELD_WORDS[f].words.includes('') ? bits | (1 << i) : bits), 0);

/** The fields whose words the penalty's conduct or legal basis mention, as FIELDS bits. */
function fieldsMentioned(p: PenaltyFact): number {
  return ALWAYS_MENTIONED | FIELD_INDEX.search(p.conductText) | FIELD_INDEX.search(p.basisText);
}

/** Whether the penalty falls in a field with the 1-year minimum (setting repair1yDomains). */
export function inOneYearField(p: PenaltyFact, domain: Domain, fields: readonly Repair1yField[]): boolean {
  let mentioned = -1;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Repair1yField;
    if (field === 'FOOD') {
      if (domain === 'FOOD') return true;
      continue;
    }
    if (domain !== FIELD_WORDS[field].domain) continue;
    if (mentioned === -1) mentioned = fieldsMentioned(p);
    if ((mentioned & (1 << FIELDS.indexOf(field))) !== 0) return true;
  }
  return false;
}

export interface RepairResult {
  repair: RepairStatus;
  /** First day an application is possible; null when repair does not apply. */
  repairFrom: IsoDate | null;
  /** Conditions that fail (for NOT_ELIGIBLE). */
  missing: readonly string[];
}

const NOTHING_MISSING: readonly string[] = Object.freeze([]);
const NOT_REPAIRABLE: RepairResult = Object.freeze({ repair: 'NOT_REPAIRABLE', repairFrom: null, missing: NOTHING_MISSING });
const NOT_APPLICABLE: RepairResult = Object.freeze({ repair: 'NOT_APPLICABLE', repairFrom: null, missing: NOTHING_MISSING });

/** Per domain, the latest decision date of an effective penalty decided by the as-of date: made once per record. */
export type LatestByDomain = ReadonlyMap<Domain, IsoDate>;

export function latestByDomain(penalties: readonly GradedPenalty[], asOf: IsoDate): LatestByDomain {
  const latest = new Map<Domain, IsoDate>();
  for (const { p, domain } of penalties) {
    if (!p.effective || p.decisionDate > asOf) continue;
    const seen = latest.get(domain);
    if (seen === undefined || p.decisionDate > seen) latest.set(domain, p.decisionDate);
  }
  return latest;
}

/**
 * Repair of the graded penalty `g` on the as-of date. `latest` gives the latest penalty of each kind, made once per
 * record and only when some penalty gets this far (a later one of the same kind blocks repair: "无同类新处罚"; one
 * lookup, so a record of 100,000 penalties is not quadratic);
 * `onAList` whether the entity is on the abnormal or the serious list.
 */
export function repairOf(g: GradedPenalty, latest: () => LatestByDomain, onAList: boolean, ctx: EvalContext): RepairResult {
  const { p, severity, domain, publishedUntil } = g;
  if (severity === 'HEAVY') return NOT_REPAIRABLE;
  if (severity === 'LIGHT' || isWarningOnly(p)) return NOT_APPLICABLE;
  // Nothing to repair: the decision no longer stands, was already repaired, or its publicity has run out.
  const repaired = p.repairApprovedDate !== undefined && p.repairApprovedDate <= ctx.asOf;
  if (!p.effective || repaired || publishedUntil === null || ctx.asOf > publishedUntil) return NOT_APPLICABLE;

  const oneYear = inOneYearField(p, domain, ctx.settings.repair1yDomains);
  const repairFrom = oneYear
    ? dayAfterLastDay(p.publicityStart, 1, 'y', ctx.period)
    : dayAfterLastDay(p.publicityStart, 6, 'm', ctx.period);
  if (ctx.asOf < repairFrom) return { repair: 'NOT_YET', repairFrom, missing: NOTHING_MISSING };

  const bits =
    (p.obligationsFulfilled ? 0 : OBLIGATIONS) |
    (p.harmEliminated ? 0 : HARM) |
    ((latest().get(domain) ?? '') > p.decisionDate ? LATER : 0) |
    (onAList ? ON_A_LIST : 0);
  const missing = MISSING[bits] as readonly string[];
  return { repair: missing.length ? 'NOT_ELIGIBLE' : 'ELIGIBLE', repairFrom, missing };
}

const OBLIGATIONS = 1;
const HARM = 2;
const LATER = 4;
const ON_A_LIST = 8;

/** Every possible `missing` list, made once, by the bits of the conditions that fail. */
const MISSING: ReadonlyArray<readonly string[]> = Array.from({ length: 16 }, (_, bits) => {
  const missing: string[] = [];
  if (bits & OBLIGATIONS) missing.push('obligations-fulfilled');
  if (bits & HARM) missing.push('harm-eliminated');
  if (bits & LATER) missing.push('later-penalty-same-kind');
  if (bits & ON_A_LIST) missing.push('on-a-list');
  return Object.freeze(missing);
});

export function repairFinding(p: PenaltyFact, result: RepairResult): Finding | null {
  if (result.repair !== 'ELIGIBLE') return null;
  return makeFinding(
    rule,
    'info',
    {
      zh: `处罚 ${penaltyName(p)} 自 ${result.repairFrom} 起已满最短公示期，且已履行、危害已消除、无同类新处罚、未在名单中：可申请信用修复（由作出处罚的机关决定）。`,
      en: `Penalty ${penaltyName(p)} has passed its minimum publicity (from ${result.repairFrom}) and meets the other conditions: a repair application is possible (the authority decides).`,
    },
    [p.id],
  );
}
