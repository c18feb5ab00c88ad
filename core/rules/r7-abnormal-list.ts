/**
 * R7 Abnormal-operations list (经营异常名录): active listings, the 60-day reminder and escalation to the serious
 * list after 3 years. Source: 《企业信息公示暂行条例》(2014) Art. 17 [V]; 《企业经营异常名录管理暂行办法》(2015) as
 * restated (60-day reminder) [S]. rules-spec §4 R7, §10.4.
 */
import { addDays, lastDay, type IsoDate } from '../lib/dates.ts';
import type { AbnormalStatus, Finding } from '../schemas/assessment.ts';
import type { AbnormalFact, EvalContext } from '../engine/facts.ts';
import { makeFinding, type RuleInfo } from '../engine/rule.ts';

export const rule: RuleInfo = {
  id: 'r7-abnormal-list',
  title: { zh: '经营异常名录', en: 'Abnormal-operations list' },
  source: { title: '《企业信息公示暂行条例》', article: '第十七条' },
  reference: 'rules-spec §1.3, §4 R7 [V] (60-day reminder [S])',
};

const RANK: Record<AbnormalStatus, number> = { NONE: 0, ACTIVE: 1, WARNING_60D: 2, ESCALATE_TO_SERIOUS: 3 };

export interface AbnormalListingStatus {
  id: string;
  status: AbnormalStatus;
  /** First day of ESCALATE_TO_SERIOUS. */
  escalatesOn: IsoDate;
}

export interface AbnormalResult {
  active: boolean;
  status: AbnormalStatus;
  activeListingIds: string[];
  escalatesOn: IsoDate | null;
  listings: readonly AbnormalListingStatus[];
}

export function isAbnormalActive(a: AbnormalFact, on: IsoDate): boolean {
  return a.listedDate <= on && (a.removedDate === undefined || on < a.removedDate);
}

function listingStatus(a: AbnormalFact, ctx: EvalContext): AbnormalListingStatus {
  const end = lastDay(a.listedDate, ctx.settings.abnormalEscalationYears, 'y', ctx.period);
  const escalatesOn = addDays(end, 1);
  let status: AbnormalStatus = 'NONE';
  if (isAbnormalActive(a, ctx.asOf)) {
    if (ctx.asOf > end) status = 'ESCALATE_TO_SERIOUS';
    else if (ctx.asOf >= addDays(end, -ctx.settings.abnormalWarningDays)) status = 'WARNING_60D';
    else status = 'ACTIVE';
  }
  return { id: a.id, status, escalatesOn };
}

const NO_LISTINGS: readonly AbnormalListingStatus[] = Object.freeze([]);
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export function abnormalListStatus(listings: readonly AbnormalFact[], ctx: EvalContext): AbnormalResult {
  // Most entities have no listing: answer without the intermediate arrays.
  if (listings.length === 0) return { active: false, status: 'NONE', activeListingIds: [], escalatesOn: null, listings: NO_LISTINGS };
  const statuses = listings.map((a) => listingStatus(a, ctx));
  const active = listings.filter((a) => isAbnormalActive(a, ctx.asOf));
  const status = statuses.reduce<AbnormalStatus>((worst, s) => (RANK[s.status] > RANK[worst] ? s.status : worst), 'NONE');
  const oldest = [...active].sort((a, b) => (a.listedDate < b.listedDate ? -1 : 1))[0];
  return {
    active: active.length > 0,
    status,
    activeListingIds: active.map((a) => a.id),
    escalatesOn: oldest ? (statuses.find((s) => s.id === oldest.id)?.escalatesOn ?? null) : null,
    listings: statuses,
  };
}

export function abnormalFindings(result: AbnormalResult, ctx: EvalContext): readonly Finding[] {
  if (result.listings.length === 0) return NO_FINDINGS;
  const years = ctx.settings.abnormalEscalationYears;
  return result.listings.flatMap((s): Finding[] => {
    switch (s.status) {
      case 'ACTIVE':
        return [makeFinding(rule, 'warning', {
          zh: `列入经营异常名录（${s.id}）；若届满${years}年仍未移出，将于 ${s.escalatesOn} 起应列入严重违法失信名单。`,
          en: `On the abnormal-operations list (${s.id}); if still listed after ${years} years it must go on the serious list from ${s.escalatesOn}.`,
        }, [s.id])];
      case 'WARNING_60D':
        return [makeFinding(rule, 'warning', {
          zh: `列入经营异常名录即将届满${years}年（${s.id}）：应在届满前${ctx.settings.abnormalWarningDays}日内公告提醒，${s.escalatesOn} 起应列入严重违法失信名单。`,
          en: `Abnormal listing ${s.id} reaches ${years} years soon: a public reminder is due within ${ctx.settings.abnormalWarningDays} days before; serious-list escalation from ${s.escalatesOn}.`,
        }, [s.id])];
      case 'ESCALATE_TO_SERIOUS':
        return [makeFinding(rule, 'alert', {
          zh: `列入经营异常名录已届满${years}年仍未移出（${s.id}，自 ${s.escalatesOn} 起）：应列入严重违法失信名单。`,
          en: `Abnormal listing ${s.id} has lasted over ${years} years (since ${s.escalatesOn}): the entity should be put on the serious list.`,
        }, [s.id])];
      default:
        return [];
    }
  });
}
