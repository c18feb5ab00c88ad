/**
 * R1 Severity class of a penalty (LIGHT | GENERAL | HEAVY).
 * Source: 总局令第44号 Art. 2 (the heavier penalties: an aggravated fine, 降低资质等级, 吊销许可证件/营业执照,
 * 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业) [S]; 总局令第45号 Art. 14 ¶3 [V]. docs/rules.md R1.
 */
import type { PenaltyType } from '../schemas/record.ts';
import type { Severity } from '../schemas/assessment.ts';
import type { PenaltyFact } from '../engine/facts.ts';
import type { RuleInfo } from '../engine/rule.ts';

export const rule: RuleInfo = {
  id: 'r1-severity',
  title: { zh: '处罚轻重', en: 'Penalty severity' },
  source: { title: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）', article: '第二条' },
  reference: 'docs/rules.md R1',
};

/** The heavier penalties of Order 44 Art. 2 besides the aggravated fine. */
export const HEAVY_TYPES: ReadonlySet<PenaltyType> = new Set<PenaltyType>([
  'DOWNGRADE_QUALIFICATION',
  'REVOKE_LICENSE',
  'REVOKE_BUSINESS_LICENSE',
  'RESTRICT_OPERATIONS',
  'ORDER_SUSPENSION',
  'ORDER_CLOSURE',
  'RESTRICT_EMPLOYMENT',
]);

const REPUTATIONAL: ReadonlySet<PenaltyType> = new Set<PenaltyType>(['WARNING', 'CIRCULATED_CRITICISM']);

type SeverityInput = Pick<PenaltyFact, 'types' | 'aggravatedFine' | 'lowAmountFine'>;

/** What makes a penalty heavy: the heavy types it carries, and 'aggravated-fine'. Empty when not heavy. */
export function heavyReasons(p: SeverityInput): string[] {
  const reasons: string[] = p.types.filter((t) => HEAVY_TYPES.has(t));
  if (p.aggravatedFine) reasons.unshift('aggravated-fine');
  return reasons;
}

export function isWarningOnly(p: Pick<PenaltyFact, 'types'>): boolean {
  const { types } = p;
  if (types.length === 0) return false;
  for (let i = 0; i < types.length; i++) if (types[i] !== 'WARNING') return false;
  return true;
}

/** HEAVY when heavyReasons would name one; LIGHT when every type is reputational or a lower-amount fine. */
export function severityOf(p: SeverityInput): Severity {
  // A loop rather than heavyReasons + every: this runs for every penalty, and makes no array.
  if (p.aggravatedFine) return 'HEAVY';
  const { types } = p;
  let light = types.length > 0;
  for (let i = 0; i < types.length; i++) {
    const t = types[i] as PenaltyType;
    if (HEAVY_TYPES.has(t)) return 'HEAVY';
    if (light && !(REPUTATIONAL.has(t) || (t === 'FINE' && p.lowAmountFine))) light = false;
  }
  return light ? 'LIGHT' : 'GENERAL';
}

/** Chinese and English names of the heavy reasons, for findings. */
export const HEAVY_REASON_NAMES: Record<string, { zh: string; en: string }> = {
  'aggravated-fine': { zh: '从重罚款', en: 'aggravated fine' },
  DOWNGRADE_QUALIFICATION: { zh: '降低资质等级', en: 'qualification downgraded' },
  REVOKE_LICENSE: { zh: '吊销许可证件', en: 'licence revoked' },
  REVOKE_BUSINESS_LICENSE: { zh: '吊销营业执照', en: 'business licence revoked' },
  RESTRICT_OPERATIONS: { zh: '限制开展生产经营活动', en: 'operations restricted' },
  ORDER_SUSPENSION: { zh: '责令停产停业', en: 'ordered to suspend business' },
  ORDER_CLOSURE: { zh: '责令关闭', en: 'ordered closed' },
  RESTRICT_EMPLOYMENT: { zh: '限制从业', en: 'barred from the trade' },
};
