/**
 * The one verdict every surface shows: record + as-of date + settings → Assessment. Rules run in dependency
 * order (domain and severity first, list status before repair, candidates before 应列未列).
 */
import type { IsoDate } from '../lib/dates.ts';
import type { Assessment, AssessedPenalty, Finding, FindingLevel } from '../schemas/assessment.ts';
import type { EntityRecord } from '../schemas/record.ts';
import { DEFAULT_SETTINGS, type RuleSettings } from '../schemas/settings.ts';
import { severityOf } from '../rules/r1-severity.ts';
import { publicityOf } from '../rules/r2-publicity.ts';
import { repairFinding, repairOf } from '../rules/r3-repair.ts';
import { repeatOffender, repeatOffenderFinding } from '../rules/r4-repeat-offender.ts';
import { candidateFinding, seriousCandidate } from '../rules/r5-serious-candidate.ts';
import { classifyDomain } from '../rules/r6-domain.ts';
import { abnormalFindings, abnormalListStatus } from '../rules/r7-abnormal-list.ts';
import { seriousFindings, seriousListStatus, shouldBeListed } from '../rules/r8-serious-list.ts';
import { deriveFacts } from './derive.ts';
import type { EvalContext } from './facts.ts';

export interface AssessOptions {
  /** The date the rules are evaluated on (China time). Core never reads the clock. */
  asOf: IsoDate;
  settings?: RuleSettings;
}

const LEVEL_ORDER: Record<FindingLevel, number> = { alert: 0, warning: 1, info: 2 };

export function assessRecord(record: EntityRecord, options: AssessOptions): Assessment {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const ctx: EvalContext = { asOf: options.asOf, settings, period: { boundaryInclusive: settings.boundaryInclusive } };
  const facts = deriveFacts(record);

  const base = facts.penalties.map((p) => {
    const severity = severityOf(p);
    const domain = classifyDomain(p, settings);
    return { p, severity, domain, publicity: publicityOf(p, severity, ctx) };
  });
  const abnormal = abnormalListStatus(facts.abnormal, ctx);
  const candidates = base.map((b) => seriousCandidate(b.p, b.severity, b.domain, facts.serious, ctx));
  const candidatePenaltyIds = base.filter((_, i) => candidates[i]?.candidate).map((b) => b.p.id);
  const serious = seriousListStatus(facts.serious, base, abnormal, ctx);
  const should = shouldBeListed(serious, candidatePenaltyIds, abnormal);
  const others = base.map((b) => ({ p: b.p, domain: b.domain.domain }));
  const repairs = base.map((b) =>
    repairOf({
      p: b.p, severity: b.severity, domain: b.domain.domain, publishedUntil: b.publicity.publishedUntil, others,
      onAList: abnormal.active || serious.active,
    }, ctx),
  );
  const repeat = repeatOffender(base.map((b) => ({ p: b.p, published: b.publicity.published })), ctx);

  const penalties: AssessedPenalty[] = base.map((b, i) => ({
    id: b.p.id,
    types: b.p.types,
    isSamr: b.p.isSamr,
    severity: b.severity,
    domain: b.domain.domain,
    domainAmbiguous: b.domain.ambiguous,
    published: b.publicity.published,
    publishedUntil: b.publicity.publishedUntil,
    repair: repairs[i]?.repair ?? 'NOT_APPLICABLE',
    repairFrom: repairs[i]?.repairFrom ?? null,
    seriousListCandidate: candidates[i]?.candidate ?? false,
  }));

  const findings: Finding[] = [
    ...seriousFindings(serious, should, candidatePenaltyIds, abnormal),
    ...[repeatOffenderFinding(repeat, ctx)].filter((f) => f !== null),
    ...base.flatMap((b, i) => {
      const c = candidates[i];
      return c?.candidate ? [candidateFinding(b.p, c)] : [];
    }),
    ...abnormalFindings(abnormal, ctx),
    ...base.flatMap((b, i) => {
      const r = repairs[i];
      const f = r ? repairFinding(b.p, r) : null;
      return f ? [f] : [];
    }),
  ].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);

  return {
    asOf: options.asOf,
    penalties,
    repeatOffender: repeat,
    seriousList: {
      active: serious.active,
      activeListingIds: serious.activeListingIds,
      expiresOn: serious.expiresOn,
      earlyRemovalEligible: serious.earlyRemovalEligible,
      earlyRemovalFrom: serious.earlyRemovalFrom,
      shouldBeListed: should,
      candidatePenaltyIds,
    },
    abnormalList: {
      active: abnormal.active,
      status: abnormal.status,
      activeListingIds: abnormal.activeListingIds,
      escalatesOn: abnormal.escalatesOn,
    },
    findings,
  };
}
