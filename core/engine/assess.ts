/**
 * The one verdict every surface shows: record + as-of date + settings → Assessment. Rules run in dependency
 * order (domain and severity first, list status before repair, candidates before 应列未列).
 */
import type { IsoDate, PeriodOptions } from '../lib/dates.ts';
import type { Assessment, AssessedPenalty, Finding, FindingLevel } from '../schemas/assessment.ts';
import type { EntityRecord } from '../schemas/record.ts';
import { DEFAULT_SETTINGS, type RuleSettings } from '../schemas/settings.ts';
import { severityOf } from '../rules/r1-severity.ts';
import { publishedOn, publishedUntilOf } from '../rules/r2-publicity.ts';
import { latestByDomain, repairFinding, repairOf } from '../rules/r3-repair.ts';
import { repeatOffender, repeatOffenderFinding } from '../rules/r4-repeat-offender.ts';
import { candidateFinding, seriousCandidate } from '../rules/r5-serious-candidate.ts';
import { classifyDomain } from '../rules/r6-domain.ts';
import { abnormalFindings, abnormalListStatus } from '../rules/r7-abnormal-list.ts';
import { seriousFindings, seriousListStatus, shouldBeListed } from '../rules/r8-serious-list.ts';
import { deriveFacts } from './derive.ts';
import { penaltyName } from './rule.ts';
import type { EvalContext, GradedPenalty } from './facts.ts';

export interface AssessOptions {
  /** The date the rules are evaluated on (China time). Core never reads the clock. */
  asOf: IsoDate;
  settings?: RuleSettings;
}

const LEVELS: readonly FindingLevel[] = ['alert', 'warning', 'info'];
/** The period options of the two boundary settings, shared: a context is made for every record. */
const INCLUSIVE: PeriodOptions = Object.freeze({ boundaryInclusive: true });
const EXCLUSIVE: PeriodOptions = Object.freeze({ boundaryInclusive: false });

/** The findings of the four groups, alerts first, then warnings, then infos; within a level in the order given. */
function byLevel(a: readonly Finding[], b: readonly Finding[], c: readonly Finding[], d: readonly Finding[]): Finding[] {
  const total = a.length + b.length + c.length + d.length;
  if (total === 0) return [];
  const findings = new Array<Finding>(total);
  let k = 0;
  for (let l = 0; l < LEVELS.length; l++) {
    const level = LEVELS[l];
    for (let i = 0; i < a.length; i++) if ((a[i] as Finding).level === level) findings[k++] = a[i] as Finding;
    for (let i = 0; i < b.length; i++) if ((b[i] as Finding).level === level) findings[k++] = b[i] as Finding;
    for (let i = 0; i < c.length; i++) if ((c[i] as Finding).level === level) findings[k++] = c[i] as Finding;
    for (let i = 0; i < d.length; i++) if ((d[i] as Finding).level === level) findings[k++] = d[i] as Finding;
  }
  // Every rule gives one of the three levels; were one not to, it would still be listed (last).
  if (k < total) for (const f of [...a, ...b, ...c, ...d]) if (!LEVELS.includes(f.level)) findings[k++] = f;
  return findings;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export function assessRecord(record: EntityRecord, options: AssessOptions): Assessment {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const period = settings.boundaryInclusive ? INCLUSIVE : EXCLUSIVE;
  const ctx: EvalContext = { asOf: options.asOf, settings, period };
  const facts = deriveFacts(record);

  const graded: GradedPenalty[] = facts.penalties.map((p) => {
    const severity = severityOf(p);
    const domain = classifyDomain(p, settings);
    const publishedUntil = publishedUntilOf(p, severity, ctx);
    const published = publishedOn(p, publishedUntil, ctx);
    return { p, severity, domain: domain.domain, domainAmbiguous: domain.ambiguous, published, publishedUntil };
  });
  const abnormal = abnormalListStatus(
    { listings: facts.abnormal, kind: facts.kind, coverage: facts.coverage.abnormal, banners: facts.banners },
    ctx,
  );
  const serious = seriousListStatus(
    { listings: facts.serious, coverage: facts.coverage.serious, banners: facts.banners },
    graded,
    abnormal,
    ctx,
  );
  const onAList = abnormal.active || serious.active;

  let latest: ReturnType<typeof latestByDomain> | undefined;
  const latestOf = () => (latest ??= latestByDomain(graded, options.asOf));
  const penalties = new Array<AssessedPenalty>(graded.length);
  const candidatePenaltyIds: string[] = [];
  let penaltyFindings: Finding[] | null = null;
  for (let i = 0; i < graded.length; i++) {
    const g = graded[i] as GradedPenalty;
    const candidate = seriousCandidate(g.p, g.severity, g.domain, facts.serious, ctx);
    const repair = repairOf(g, latestOf, onAList, ctx);
    if (candidate.candidate) {
      candidatePenaltyIds.push(g.p.id);
      (penaltyFindings ??= []).push(candidateFinding(g.p, candidate));
    }
    const repairNote = repairFinding(g.p, repair);
    if (repairNote) (penaltyFindings ??= []).push(repairNote);
    penalties[i] = {
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
    };
  }
  const should = shouldBeListed(serious, candidatePenaltyIds, abnormal);
  const repeat = repeatOffender(graded, facts.coverage.penalties, ctx);
  // Findings name penalties by decision number (what staff look up), never by id: a lookup made only when needed.
  let names: Map<string, string> | undefined;
  const nameOf = (id: string) => (names ??= new Map(facts.penalties.map((p) => [p.id, penaltyName(p)]))).get(id) ?? id;
  const repeatNote = repeatOffenderFinding(repeat, facts.coverage.penalties, ctx, nameOf);

  const findings = byLevel(
    seriousFindings(serious, should, candidatePenaltyIds, abnormal, nameOf),
    repeatNote ? [repeatNote] : NO_FINDINGS,
    abnormalFindings(abnormal, ctx),
    penaltyFindings ?? NO_FINDINGS,
  );

  return {
    asOf: options.asOf,
    entityKind: facts.kind,
    coverage: facts.coverage,
    penalties,
    repeatOffender: repeat,
    seriousList: {
      status: serious.status,
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
