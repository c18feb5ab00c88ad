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
import type { EvalContext, GradedPenalty } from './facts.ts';

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

  const graded: GradedPenalty[] = facts.penalties.map((p) => {
    const severity = severityOf(p);
    const domain = classifyDomain(p, settings);
    const { published, publishedUntil } = publicityOf(p, severity, ctx);
    return { p, severity, domain: domain.domain, domainAmbiguous: domain.ambiguous, published, publishedUntil };
  });
  const abnormal = abnormalListStatus(facts.abnormal, ctx);
  const serious = seriousListStatus(facts.serious, graded, abnormal, ctx);
  const onAList = abnormal.active || serious.active;

  const penalties: AssessedPenalty[] = [];
  const candidatePenaltyIds: string[] = [];
  const penaltyFindings: Finding[] = [];
  for (const g of graded) {
    const candidate = seriousCandidate(g.p, g.severity, g.domain, facts.serious, ctx);
    const repair = repairOf({ p: g.p, severity: g.severity, domain: g.domain, publishedUntil: g.publishedUntil, others: graded, onAList }, ctx);
    if (candidate.candidate) {
      candidatePenaltyIds.push(g.p.id);
      penaltyFindings.push(candidateFinding(g.p, candidate));
    }
    const repairNote = repairFinding(g.p, repair);
    if (repairNote) penaltyFindings.push(repairNote);
    penalties.push({
      id: g.p.id,
      types: g.p.types,
      isSamr: g.p.isSamr,
      severity: g.severity,
      domain: g.domain,
      domainAmbiguous: g.domainAmbiguous,
      published: g.published,
      publishedUntil: g.publishedUntil,
      repair: repair.repair,
      repairFrom: repair.repairFrom,
      seriousListCandidate: candidate.candidate,
    });
  }
  const should = shouldBeListed(serious, candidatePenaltyIds, abnormal);
  const repeat = repeatOffender(graded, ctx);
  const repeatNote = repeatOffenderFinding(repeat, ctx);

  const findings: Finding[] = [
    ...seriousFindings(serious, should, candidatePenaltyIds, abnormal),
    ...(repeatNote ? [repeatNote] : []),
    ...abnormalFindings(abnormal, ctx),
    ...penaltyFindings,
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
