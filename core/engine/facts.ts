/**
 * The engine's normalised form of a record (docs/formats.md): defaults applied, missing fields derived,
 * texts prepared for matching once. Rules read facts, never the raw input.
 */
import type { IsoDate, PeriodOptions } from '../lib/dates.ts';
import type { AbnormalEntryKind, AbnormalReason, Banner, PenaltyStatus, PenaltyType, SeriousRoute } from '../schemas/record.ts';
import type { AssessedEntityKind, Coverage, Domain, Severity } from '../schemas/assessment.ts';
import type { RuleSettings } from '../schemas/settings.ts';

export interface PenaltyFact {
  id: string;
  decisionNo: string;
  /** decisionNo in match form: one decision = one penalty, whatever its spacing or width. */
  decisionKey: string;
  decisionDate: IsoDate;
  /** Where R2's publicity period starts: the publicity date, else the decision date (docs/rules.md R2). */
  publicityStart: IsoDate;
  authority: string;
  isSamr: boolean;
  types: PenaltyType[];
  aggravatedFine: boolean;
  lowAmountFine: boolean;
  restrictionEnd: IsoDate | undefined;
  status: PenaltyStatus;
  /** CHANGED (the decision as amended) counts as EFFECTIVE everywhere. */
  effective: boolean;
  repairApprovedDate: IsoDate | undefined;
  obligationsFulfilled: boolean;
  harmEliminated: boolean;
  /** Match form of the violation text (the content when there is none). */
  conductText: string;
  /** Match form of the legal basis. */
  basisText: string;
}

export interface AbnormalFact {
  id: string;
  /** A MARK (个体工商户) never escalates. */
  kind: AbnormalEntryKind;
  listedDate: IsoDate;
  reason: AbnormalReason;
  removedDate: IsoDate | undefined;
}

export interface SeriousFact {
  id: string;
  listedDate: IsoDate;
  route: SeriousRoute;
  penaltyIds: string[];
  restrictionEnd: IsoDate | undefined;
  removedDate: IsoDate | undefined;
}

export interface Facts {
  penalties: PenaltyFact[];
  abnormal: AbnormalFact[];
  serious: SeriousFact[];
  kind: AssessedEntityKind;
  coverage: Coverage;
  banners: readonly Banner[];
}

/** A penalty with what R1, R2 and R6 say of it: the input of the rules that look across penalties. */
export interface GradedPenalty {
  p: PenaltyFact;
  severity: Severity;
  domain: Domain;
  domainAmbiguous: boolean;
  published: boolean;
  publishedUntil: IsoDate | null;
}

/** What every rule is evaluated against: the as-of date and the settings. */
export interface EvalContext {
  asOf: IsoDate;
  settings: RuleSettings;
  period: PeriodOptions;
}
