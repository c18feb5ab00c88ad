/**
 * R7 Abnormal-operations list (经营异常名录): active listings, the 60-day reminder and escalation to the serious
 * list after 3 years — for enterprises. A 个体工商户 is marked 经营异常状态 instead and never escalates; a 农民专业
 * 合作社 is not escalated automatically. The page's banner counts as an active listing of unknown date; a section
 * not read is unknown. Sources and reasoning: docs/rules.md "R7".
 */
import { addDays, lastDay, type IsoDate } from '../lib/dates.ts';
import type { AbnormalStatus, AssessedEntityKind, Finding, LocalText, SectionCoverage } from '../schemas/assessment.ts';
import type { Banner } from '../schemas/record.ts';
import type { AbnormalFact, EvalContext } from '../engine/facts.ts';
import { listingName, makeFinding, type RuleInfo } from '../engine/rule.ts';
import { coverageText } from './coverage-text.ts';

export const rule: RuleInfo = {
  id: 'r7-abnormal-list',
  title: { zh: '经营异常名录', en: 'Abnormal-operations list' },
  source: { title: '《企业信息公示暂行条例》', article: '第十七条' },
  reference: 'docs/rules.md R7',
};

const MARK_SOURCE = { title: '《个体工商户年度报告暂行办法》', article: '第十四条、第十五条' };

/** A finding about a 个体工商户's mark cites the measures that govern marks, not the enterprises' regulation. */
function markFinding(message: LocalText, ids: readonly string[]): Finding {
  return { ...makeFinding(rule, 'warning', message, ids), source: { ...MARK_SOURCE } };
}

const RANK: Record<AbnormalStatus, number> = { NONE: 0, UNKNOWN: 0, ACTIVE: 1, MARKED: 1, WARNING_60D: 2, ESCALATE_TO_SERIOUS: 3 };

export interface AbnormalListingStatus {
  id: string;
  listedDate: IsoDate;
  status: AbnormalStatus;
  /** First day of ESCALATE_TO_SERIOUS; null where this route does not escalate (marks, cooperatives). */
  escalatesOn: IsoDate | null;
  /** The day after 3 years on the list, whether or not that escalates. */
  threeYearsOn: IsoDate;
}

export interface AbnormalInputs {
  listings: readonly AbnormalFact[];
  kind: AssessedEntityKind;
  coverage: SectionCoverage;
  banners: readonly Banner[];
}

export interface AbnormalResult {
  active: boolean;
  status: AbnormalStatus;
  activeListingIds: string[];
  escalatesOn: IsoDate | null;
  listings: readonly AbnormalListingStatus[];
  kind: AssessedEntityKind;
  /** The page's banner, when it is what shows the listing (no active row was read). */
  banner: Banner | null;
  coverage: SectionCoverage;
}

export function isAbnormalActive(a: AbnormalFact, on: IsoDate): boolean {
  return a.listedDate <= on && (a.removedDate === undefined || on < a.removedDate);
}

function isMark(a: AbnormalFact, kind: AssessedEntityKind): boolean {
  return a.kind === 'MARK' || kind === 'INDIVIDUAL';
}

function listingStatus(a: AbnormalFact, kind: AssessedEntityKind, ctx: EvalContext): AbnormalListingStatus {
  const end = lastDay(a.listedDate, ctx.settings.abnormalEscalationYears, 'y', ctx.period);
  const threeYearsOn = addDays(end, 1);
  const active = isAbnormalActive(a, ctx.asOf);
  if (isMark(a, kind)) return { id: a.id, listedDate: a.listedDate, status: active ? 'MARKED' : 'NONE', escalatesOn: null, threeYearsOn };
  if (kind === 'COOPERATIVE')
    return { id: a.id, listedDate: a.listedDate, status: active ? 'ACTIVE' : 'NONE', escalatesOn: null, threeYearsOn };
  let status: AbnormalStatus = 'NONE';
  if (active) {
    if (ctx.asOf > end) status = 'ESCALATE_TO_SERIOUS';
    else if (ctx.asOf >= addDays(end, -ctx.settings.abnormalWarningDays)) status = 'WARNING_60D';
    else status = 'ACTIVE';
  }
  return { id: a.id, listedDate: a.listedDate, status, escalatesOn: threeYearsOn, threeYearsOn };
}

const NO_LISTINGS: readonly AbnormalListingStatus[] = Object.freeze([]);

/** No active row: the banner, then the coverage decide between listed, none and unknown. */
function withoutActiveRow(input: AbnormalInputs): { status: AbnormalStatus; banner: Banner | null } {
  const banner = input.banners.find((b) => b.list === 'abnormal') ?? null;
  if (banner) return { status: banner.kind === 'MARK' || input.kind === 'INDIVIDUAL' ? 'MARKED' : 'ACTIVE', banner };
  return { status: input.coverage.state === 'complete' ? 'NONE' : 'UNKNOWN', banner: null };
}

export function abnormalListStatus(input: AbnormalInputs, ctx: EvalContext): AbnormalResult {
  const { listings, kind, coverage } = input;
  // Most entities have no listing: answer without the intermediate arrays.
  if (listings.length === 0) {
    const { status, banner } = withoutActiveRow(input);
    const active = status !== 'NONE' && status !== 'UNKNOWN';
    return { active, status, activeListingIds: [], escalatesOn: null, listings: NO_LISTINGS, kind, banner, coverage };
  }
  const statuses = listings.map((a) => listingStatus(a, kind, ctx));
  const active = listings.filter((a) => isAbnormalActive(a, ctx.asOf));
  let status = statuses.reduce<AbnormalStatus>((worst, s) => (RANK[s.status] > RANK[worst] ? s.status : worst), 'NONE');
  let banner: Banner | null = null;
  if (active.length === 0) ({ status, banner } = withoutActiveRow(input));
  const oldest = [...active].sort((a, b) => (a.listedDate < b.listedDate ? -1 : 1))[0];
  return {
    active: status !== 'NONE' && status !== 'UNKNOWN',
    status,
    activeListingIds: active.map((a) => a.id),
    escalatesOn: oldest ? (statuses.find((s) => s.id === oldest.id)?.escalatesOn ?? null) : null,
    listings: statuses,
    kind,
    banner,
    coverage,
  };
}

const KIND_UNKNOWN: LocalText = {
  zh: '（页面未显示主体类型，按企业处理。）',
  en: ' (The page does not show the kind of entity; treated as an enterprise.)',
};

function listingFinding(s: AbnormalListingStatus, result: AbnormalResult, ctx: EvalContext): Finding | null {
  const years = ctx.settings.abnormalEscalationYears;
  const note = result.kind === 'UNKNOWN' ? KIND_UNKNOWN : { zh: '', en: '' };
  const at = listingName(s.listedDate);
  switch (s.status) {
    case 'MARKED':
      return markFinding(
        {
          zh: `已被标记为经营异常状态（${at.zh}）。个体工商户不列入经营异常名录，该标记不因届满${years}年转入严重违法失信名单。`,
          en: `Marked as in abnormal operation (${at.en}). An individual business is not put on the abnormal list, and the mark does not escalate to the serious list after ${years} years.`,
        },
        [s.id],
      );
    case 'ACTIVE':
      if (result.kind === 'COOPERATIVE') {
        return makeFinding(
          rule,
          'warning',
          {
            zh: `列入经营异常名录（${at.zh}）。农民专业合作社不自动按届满${years}年转入严重违法失信名单：${s.threeYearsOn} 起是否列入，请对照《农民专业合作社年度报告公示暂行办法》等规定核查。`,
            en: `On the abnormal-operations list (${at.en}). A farmers' cooperative is not escalated automatically: whether it goes on the serious list from ${s.threeYearsOn} must be checked against the cooperative rules.`,
          },
          [s.id],
        );
      }
      return makeFinding(
        rule,
        'warning',
        {
          zh: `列入经营异常名录（${at.zh}）；若届满${years}年仍未移出，将于 ${s.threeYearsOn} 起应列入严重违法失信名单。${note.zh}`,
          en: `On the abnormal-operations list (${at.en}); if still listed after ${years} years it must go on the serious list from ${s.threeYearsOn}.${note.en}`,
        },
        [s.id],
      );
    case 'WARNING_60D':
      return makeFinding(
        rule,
        'warning',
        {
          zh: `列入经营异常名录即将届满${years}年（${at.zh}）：应在届满前${ctx.settings.abnormalWarningDays}日内公告提醒，${s.threeYearsOn} 起应列入严重违法失信名单。${note.zh}`,
          en: `Abnormal listing (${at.en}) reaches ${years} years soon: a public reminder is due within ${ctx.settings.abnormalWarningDays} days before; serious-list escalation from ${s.threeYearsOn}.${note.en}`,
        },
        [s.id],
      );
    case 'ESCALATE_TO_SERIOUS':
      return makeFinding(
        rule,
        'alert',
        {
          zh: `列入经营异常名录已届满${years}年仍未移出（${at.zh}，自 ${s.threeYearsOn} 起）：应列入严重违法失信名单。${note.zh}`,
          en: `Abnormal listing (${at.en}) has lasted over ${years} years (since ${s.threeYearsOn}): the entity should be put on the serious list.${note.en}`,
        },
        [s.id],
      );
    default:
      return null;
  }
}

function bannerFinding(banner: Banner, status: AbnormalStatus): Finding {
  if (status === 'MARKED') {
    return markFinding(
      {
        zh: `页面提示「${banner.text}」：已被标记为经营异常状态（页面未载入标记记录，标记日期不明）。个体工商户的标记不转入严重违法失信名单。`,
        en: `The page states "${banner.text}": marked as in abnormal operation (the page did not load the record; date unknown). The mark of an individual business does not escalate.`,
      },
      [],
    );
  }
  return makeFinding(
    rule,
    'warning',
    {
      zh: `页面提示「${banner.text}」：已列入经营异常名录，但页面未载入列入记录，列入日期不明，是否已届满3年（应列入严重违法失信名单）无法判断。`,
      en: `The page states "${banner.text}": on the abnormal-operations list, but the page did not load the listing, so its date and whether 3 years have passed (escalation) are unknown.`,
    },
    [],
  );
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export function abnormalFindings(result: AbnormalResult, ctx: EvalContext): readonly Finding[] {
  // Most entities have no listing and were read whole: answer without an array of their own.
  if (result.listings.length === 0 && !result.banner && result.status !== 'UNKNOWN') return NO_FINDINGS;
  const findings: Finding[] = [];
  for (const s of result.listings) {
    const finding = listingFinding(s, result, ctx);
    if (finding) findings.push(finding);
  }
  if (result.banner) findings.push(bannerFinding(result.banner, result.status));
  if (result.status === 'UNKNOWN') {
    const read = coverageText(result.coverage);
    findings.push(
      makeFinding(
        rule,
        'info',
        {
          zh: `经营异常名录：页面未载入该栏目（${read.zh}），是否列入未知，请在页面上打开该栏目后再看。`,
          en: `Abnormal-operations list: the page did not load this section (${read.en}); whether the entity is listed is unknown. Open the section on the page and look again.`,
        },
        [],
      ),
    );
  }
  return findings;
}
