/**
 * R8 Serious illegal and dishonest list (严重违法失信名单): active listings, expiry, early removal, and the
 * 应列未列 signal (should be listed but is not).
 * Source: 《市场监督管理严重违法失信名单管理办法》(总局令第44号): 3-year term, early removal after 1 full year,
 * listing falls with a revoked basis — all 待核 (unverified) in docs/rules.md, so the durations are settings; the 应列尽列
 * duty: 国市监信发〔2023〕48号 part 二(二). The page's banner counts as an active listing of unknown date; a section
 * not read is unknown, and then nothing is 应列未列. docs/rules.md "R8".
 */
import { addDays, lastDay, maxDate, type IsoDate } from '../lib/dates.ts';
import type { Finding, LocalText, SectionCoverage, SeriousStatus } from '../schemas/assessment.ts';
import type { Banner } from '../schemas/record.ts';
import type { EvalContext, GradedPenalty, PenaltyFact, SeriousFact } from '../engine/facts.ts';
import { listNames, listingName, makeFinding, type RuleInfo } from '../engine/rule.ts';
import type { NameOf } from './r4-repeat-offender.ts';
import { coverageText } from './coverage-text.ts';
import type { AbnormalResult } from './r7-abnormal-list.ts';

export const rule: RuleInfo = {
  id: 'r8-serious-list',
  title: { zh: '严重违法失信名单', en: 'Serious illegal and dishonest list' },
  source: { title: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）', article: '第二条' },
  reference: 'docs/rules.md R8',
};

export interface SeriousListingStatus {
  id: string;
  listedDate: IsoDate;
  active: boolean;
  basisRevoked: boolean;
  expiresOn: IsoDate;
  earlyRemovalFrom: IsoDate;
  earlyRemovalEligible: boolean;
  /** Why early removal is not possible yet (codes, for findings). */
  blockers: string[];
}

const NO_LISTINGS: readonly SeriousListingStatus[] = Object.freeze([]);
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export interface SeriousResult {
  status: SeriousStatus;
  active: boolean;
  activeListingIds: string[];
  expiresOn: IsoDate | null;
  earlyRemovalEligible: boolean;
  earlyRemovalFrom: IsoDate | null;
  listings: readonly SeriousListingStatus[];
  /** The page's banner, when it is what shows the listing (no active row was read). */
  banner: Banner | null;
  coverage: SectionCoverage;
}

export interface SeriousInputs {
  listings: readonly SeriousFact[];
  coverage: SectionCoverage;
  banners: readonly Banner[];
}

function basisOf(s: SeriousFact, penalties: readonly GradedPenalty[]): PenaltyFact[] {
  const basis: PenaltyFact[] = [];
  for (const { p } of penalties) if (s.penaltyIds.includes(p.id)) basis.push(p);
  return basis;
}

function listingStatus(
  s: SeriousFact,
  penalties: readonly GradedPenalty[],
  abnormal: AbnormalResult,
  ctx: EvalContext,
): SeriousListingStatus {
  const { asOf, settings, period } = ctx;
  const basis = basisOf(s, penalties);
  // The listing falls with its basis; a basis we cannot see is not assumed revoked.
  const basisRevoked = s.penaltyIds.length > 0 && basis.length === s.penaltyIds.length && basis.every((p) => !p.effective);
  const expiresOn = maxDate(lastDay(s.listedDate, settings.seriousListYears, 'y', period), s.restrictionEnd ?? s.listedDate);
  const active = !basisRevoked && s.listedDate <= asOf && asOf <= expiresOn && (s.removedDate === undefined || asOf < s.removedDate);
  const oneYearDone = addDays(lastDay(s.listedDate, settings.seriousEarlyRemovalYears, 'y', period), 1);
  const earlyRemovalFrom = s.restrictionEnd ? maxDate(oneYearDone, addDays(s.restrictionEnd, 1)) : oneYearDone;

  const blockers: string[] = [];
  if (asOf < earlyRemovalFrom) blockers.push('too-early');
  if (s.route === 'ABNORMAL_3Y') {
    if (abnormal.active) blockers.push('abnormal-not-cured');
  } else if (basis.length === 0) {
    blockers.push('basis-unknown');
  } else if (!basis.every((p) => p.obligationsFulfilled && p.harmEliminated)) {
    blockers.push('obligations-open');
  }
  const laterHeavy = penalties.some(
    ({ p, severity }) => p.effective && p.isSamr && severity === 'HEAVY' && p.decisionDate > s.listedDate && p.decisionDate <= asOf,
  );
  if (laterHeavy) blockers.push('heavier-penalty-after-listing');
  return {
    id: s.id,
    listedDate: s.listedDate,
    active,
    basisRevoked,
    expiresOn,
    earlyRemovalFrom,
    earlyRemovalEligible: active && blockers.length === 0,
    blockers,
  };
}

/** No active row: the banner, then the coverage decide between listed, not listed and unknown. */
function withoutActiveRow(input: SeriousInputs, listings: readonly SeriousListingStatus[]): SeriousResult {
  const banner = input.banners.find((b) => b.list === 'serious') ?? null;
  const status: SeriousStatus = banner ? 'LISTED' : input.coverage.state === 'complete' ? 'NOT_LISTED' : 'UNKNOWN';
  return {
    status,
    active: banner !== null,
    activeListingIds: [],
    expiresOn: null,
    earlyRemovalEligible: false,
    earlyRemovalFrom: null,
    listings,
    banner,
    coverage: input.coverage,
  };
}

export function seriousListStatus(
  input: SeriousInputs,
  penalties: readonly GradedPenalty[],
  abnormal: AbnormalResult,
  ctx: EvalContext,
): SeriousResult {
  // Most entities have no listing: answer without the intermediate arrays.
  if (input.listings.length === 0) return withoutActiveRow(input, NO_LISTINGS);
  const statuses = input.listings.map((s) => listingStatus(s, penalties, abnormal, ctx));
  const active = statuses.filter((s) => s.active);
  if (active.length === 0) return withoutActiveRow(input, statuses);
  return {
    status: 'LISTED',
    active: true,
    activeListingIds: active.map((s) => s.id),
    expiresOn: latest(active.map((s) => s.expiresOn)),
    earlyRemovalEligible: active.length > 0 && active.every((s) => s.earlyRemovalEligible),
    earlyRemovalFrom: latest(active.map((s) => s.earlyRemovalFrom)),
    listings: statuses,
    banner: null,
    coverage: input.coverage,
  };
}

function latest(dates: IsoDate[]): IsoDate | null {
  return dates.length ? dates.reduce(maxDate) : null;
}

/** A candidate penalty (R5) or an abnormal listing past 3 years: reasons to be on the serious list. */
function listingReasons(candidatePenaltyIds: readonly string[], abnormal: AbnormalResult): boolean {
  return candidatePenaltyIds.length > 0 || abnormal.status === 'ESCALATE_TO_SERIOUS';
}

/** 应列未列: a reason to be listed, and the page shows whole that there is no active listing. */
export function shouldBeListed(serious: SeriousResult, candidatePenaltyIds: readonly string[], abnormal: AbnormalResult): boolean {
  return serious.status === 'NOT_LISTED' && listingReasons(candidatePenaltyIds, abnormal);
}

const MEASURES = {
  zh: '管理措施：列为重点监管对象、提高检查频次；不适用告知承诺制；不予评优评先；在行政许可、资质、政府采购、招标投标中作为重要考量因素。',
  en: 'Measures: key supervision target with more frequent inspections; no approval on written commitment (告知承诺制); no honours; weighed in licensing, qualification, procurement and tendering.',
};

const BLOCKER_TEXT: Record<string, { zh: string; en: string }> = {
  'too-early': { zh: '未满提前移出所需期限', en: 'the minimum time on the list has not passed' },
  'abnormal-not-cured': { zh: '经营异常情形尚未消除', en: 'the abnormal-list reason is not cured' },
  'basis-unknown': { zh: '无法核对列入依据的处罚', en: 'the penalties behind the listing are not known' },
  'obligations-open': { zh: '处罚决定未履行完毕或危害后果未消除', en: 'the penalty is not fulfilled or its harm not removed' },
  'heavier-penalty-after-listing': { zh: '列入后又受到较重行政处罚', en: 'a heavier penalty was imposed after listing' },
};

/** The records behind a reason to be listed, by name: decision numbers, and abnormal listings by date. */
function reasonNames(
  candidatePenaltyIds: readonly string[],
  abnormal: AbnormalResult,
  nameOf: NameOf,
): { ids: string[]; names: LocalText } {
  const escalated = abnormal.listings.filter((l) => l.status === 'ESCALATE_TO_SERIOUS');
  const ids = [...candidatePenaltyIds, ...escalated.map((l) => l.id)];
  const penalties = candidatePenaltyIds.map(nameOf);
  const zh = [...penalties, ...escalated.map((l) => `经营异常名录（${listingName(l.listedDate).zh}）`)];
  const en = [...penalties, ...escalated.map((l) => `abnormal listing (${listingName(l.listedDate).en})`)];
  return { ids, names: { zh: listNames(zh).zh, en: listNames(en).en } };
}

export function seriousFindings(
  serious: SeriousResult,
  should: boolean,
  candidatePenaltyIds: readonly string[],
  abnormal: AbnormalResult,
  nameOf: NameOf,
): readonly Finding[] {
  const unknown = serious.status === 'UNKNOWN';
  if (serious.listings.length === 0 && !should && !unknown && !serious.banner) return NO_FINDINGS;
  const findings: Finding[] = [];
  if (serious.banner) {
    findings.push(
      makeFinding(
        rule,
        'alert',
        {
          zh: `页面提示「${serious.banner.text}」：已列入严重违法失信名单，但页面未载入名单记录，列入日期、有效期和提前移出条件无法判断。${MEASURES.zh}`,
          en: `The page states "${serious.banner.text}": on the serious illegal and dishonest list, but the page did not load the listing, so its date, expiry and early removal are unknown. ${MEASURES.en}`,
        },
        [],
      ),
    );
  }
  if (unknown) {
    const read = coverageText(serious.coverage);
    const { ids, names } = reasonNames(candidatePenaltyIds, abnormal, nameOf);
    findings.push(
      ids.length
        ? makeFinding(
            rule,
            'warning',
            {
              zh: `${names.zh} 符合列入严重违法失信名单的情形，但页面未载入严重违法失信名单栏目（${read.zh}），是否已列入未知；请在页面上打开该栏目后再看。`,
              en: `${names.en} meet the serious-list criteria, but the page did not load the serious-list section (${read.en}); whether the entity is listed, and so whether it should be, is unknown. Open the section and look again.`,
            },
            ids,
          )
        : makeFinding(
            rule,
            'info',
            {
              zh: `严重违法失信名单：页面未载入该栏目（${read.zh}），是否列入未知，请在页面上打开该栏目后再看。`,
              en: `Serious list: the page did not load this section (${read.en}); whether the entity is listed is unknown. Open the section on the page and look again.`,
            },
            [],
          ),
    );
  }
  for (const s of serious.listings) {
    const at = listingName(s.listedDate);
    if (s.active) {
      const blockers = s.blockers.map((b) => BLOCKER_TEXT[b] ?? { zh: b, en: b });
      const early = s.earlyRemovalEligible
        ? { zh: '现可申请提前移出。', en: 'Early removal can be requested now.' }
        : {
            zh: `最早 ${s.earlyRemovalFrom} 可申请提前移出（${blockers.map((b) => b.zh).join('；')}）。`,
            en: `Early removal from ${s.earlyRemovalFrom} at the earliest (${blockers.map((b) => b.en).join('; ')}).`,
          };
      findings.push(
        makeFinding(
          rule,
          'alert',
          {
            zh: `已列入严重违法失信名单（${at.zh}），有效至 ${s.expiresOn}。${early.zh}${MEASURES.zh}`,
            en: `On the serious illegal and dishonest list (${at.en}) until ${s.expiresOn}. ${early.en} ${MEASURES.en}`,
          },
          [s.id],
        ),
      );
      if (s.earlyRemovalEligible) {
        findings.push(
          makeFinding(
            rule,
            'info',
            {
              zh: `该名单（${at.zh}）已满足提前移出条件（满1年、处罚已履行、危害已消除、其后无较重行政处罚），可依申请提前移出。`,
              en: `The listing (${at.en}) meets the early-removal conditions (1 full year, penalty fulfilled, harm removed, no heavier penalty since).`,
            },
            [s.id],
            '提前移出',
          ),
        );
      }
    } else if (s.basisRevoked) {
      findings.push(
        makeFinding(
          rule,
          'info',
          {
            zh: `该名单（${at.zh}）所依据的行政处罚已被撤销或确认违法、无效，该列入决定应一并撤销。`,
            en: `The penalties behind the listing (${at.en}) were revoked or found illegal or void; the listing falls with them.`,
          },
          [s.id],
        ),
      );
    }
  }
  if (should) {
    const { ids, names } = reasonNames(candidatePenaltyIds, abnormal, nameOf);
    const escalated = ids.length > candidatePenaltyIds.length;
    const fromPenalty = candidatePenaltyIds.length > 0;
    findings.push({
      ...makeFinding(
        rule,
        'alert',
        {
          zh: `应列未列：${names.zh} 符合列入严重违法失信名单的情形，但未见有效列入记录，请核查（供人工研判，并非列入决定）。`,
          en: `Should be listed but is not: ${names.en} meet the serious-list criteria and no active listing is shown; review needed (a signal, not a listing).`,
        },
        ids,
        fromPenalty ? '第二条' : '第十七条',
      ),
      source: fromPenalty
        ? { title: rule.source.title, article: escalated ? '第二条；另见《企业信息公示暂行条例》第十七条' : '第二条' }
        : { title: '《企业信息公示暂行条例》', article: '第十七条' },
    });
  }
  return findings;
}
