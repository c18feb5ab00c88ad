/**
 * Input record → facts: applies the contract's defaults and derives what the record left out (penalty types and
 * 从重 from 行政处罚内容, `isSamr` from the authority's name, listing reasons and routes from their text).
 * Given values always win over derived ones.
 */
import { KeywordIndex, matchForm } from '../lib/text.ts';
import {
  ABNORMAL_REASON_PATTERNS,
  AGGRAVATED_PATTERN,
  NOT_AGGRAVATED_PATTERN,
  PENALTY_TYPE_PATTERNS,
  SAMR_AUTHORITY_WORDS,
  SERIOUS_ROUTE_PATTERNS,
} from '../data/derivation-keywords.ts';
import type {
  AbnormalListingInput,
  AbnormalReason,
  EntityRecord,
  PenaltyInput,
  PenaltyType,
  SeriousListingInput,
  SeriousRoute,
} from '../schemas/record.ts';
import type { AbnormalFact, Facts, PenaltyFact, SeriousFact } from './facts.ts';

/** One regular expression per pattern list, built once. */
function compile(patterns: readonly string[]): RegExp {
  return new RegExp(patterns.map((p) => matchForm(p)).join('|'));
}

/** The literal text a pattern starts with ('' when it starts with a group or class). */
function literalPrefix(pattern: string): string {
  const end = pattern.search(/[()[\]{}.*+?|\\^$]/);
  const prefix = end === -1 ? pattern : pattern.slice(0, end);
  // A quantifier applies to the character before it, which is then optional.
  return end !== -1 && '*?{'.includes(pattern.charAt(end)) ? prefix.slice(0, -1) : prefix;
}

/**
 * A cheap `includes` of each pattern's leading literal decides whether its regular expression needs running;
 * most penalty contents name two or three types out of fifteen.
 */
const TYPE_MATCHERS = PENALTY_TYPE_PATTERNS.map(({ type, patterns }) => {
  const triggers = patterns.map((p) => matchForm(literalPrefix(p)));
  return { type, re: compile(patterns), alwaysRun: triggers.includes(''), triggers };
});
/** All the leading literals, found in one pass over the content. */
const TRIGGERS = new KeywordIndex(TYPE_MATCHERS.map((m) => (m.alwaysRun ? [] : m.triggers)));
const AGGRAVATED = compile([AGGRAVATED_PATTERN]);
const NOT_AGGRAVATED = compile([NOT_AGGRAVATED_PATTERN]);
const SAMR_AUTHORITY = SAMR_AUTHORITY_WORDS.map(matchForm);
const REASON_MATCHERS = ABNORMAL_REASON_PATTERNS.map(({ reason, patterns }) => ({ reason, re: compile(patterns) }));
const ROUTE_MATCHERS = SERIOUS_ROUTE_PATTERNS.map(({ route, patterns }) => ({ route, re: compile(patterns) }));

function includesAny(text: string, words: readonly string[]): boolean {
  for (const word of words) if (text.includes(word)) return true;
  return false;
}

/** Penalty types named in 行政处罚内容, e.g. "罚款人民币5万元，没收违法所得3200元" → FINE, CONFISCATE_GAINS. */
export function deriveTypes(content: string): PenaltyType[] {
  return typesIn(matchForm(content));
}

function typesIn(text: string): PenaltyType[] {
  const types: PenaltyType[] = [];
  const triggered = TRIGGERS.search(text);
  TYPE_MATCHERS.forEach(({ type, re, alwaysRun }, i) => {
    if ((alwaysRun || (triggered & (1 << i)) !== 0) && re.test(text)) types.push(type);
  });
  return types;
}

/** "从重" in a fine's content marks an aggravated fine, unless the text says 不予从重. */
export function deriveAggravated(content: string, types: readonly PenaltyType[]): boolean {
  return aggravatedIn(matchForm(content), types);
}

function aggravatedIn(text: string, types: readonly PenaltyType[]): boolean {
  return types.includes('FINE') && AGGRAVATED.test(text) && !NOT_AGGRAVATED.test(text);
}

export function deriveIsSamr(authority: string): boolean {
  return includesAny(matchForm(authority), SAMR_AUTHORITY);
}

export function deriveAbnormalReason(reasonText: string | undefined): AbnormalReason {
  const text = matchForm(reasonText ?? '');
  return REASON_MATCHERS.find(({ re }) => re.test(text))?.reason ?? 'OTHER';
}

export function deriveSeriousRoute(reasonText: string | undefined): SeriousRoute {
  const text = matchForm(reasonText ?? '');
  return ROUTE_MATCHERS.find(({ re }) => re.test(text))?.route ?? 'OTHER';
}

/** One decision = one penalty, whatever the spacing or width of its number. */
function decisionKeyOf(decisionNo: string): string {
  const key = matchForm(decisionNo);
  return key.includes(' ') ? key.replace(/ /g, '') : key;
}

function penaltyFact(p: PenaltyInput): PenaltyFact {
  const content = matchForm(p.content ?? '');
  const types = p.types ?? typesIn(content);
  const status = p.status ?? 'EFFECTIVE';
  return {
    id: p.id,
    decisionNo: p.decisionNo,
    decisionKey: decisionKeyOf(p.decisionNo),
    decisionDate: p.decisionDate,
    publicityStart: p.publicityDate ?? p.decisionDate,
    authority: p.authority,
    isSamr: p.isSamr ?? deriveIsSamr(p.authority),
    types,
    aggravatedFine: p.aggravatedFine ?? aggravatedIn(content, types),
    lowAmountFine: p.lowAmountFine ?? false,
    restrictionEnd: p.restrictionEnd,
    status,
    effective: status === 'EFFECTIVE' || status === 'CHANGED',
    repairApprovedDate: p.repairApprovedDate,
    obligationsFulfilled: p.obligationsFulfilled ?? false,
    harmEliminated: p.harmEliminated ?? false,
    conductText: p.violationText ? matchForm(p.violationText) : content,
    basisText: matchForm(p.legalBasis ?? ''),
  };
}

function abnormalFact(a: AbnormalListingInput): AbnormalFact {
  return { id: a.id, listedDate: a.listedDate, reason: a.reason ?? deriveAbnormalReason(a.reasonText), removedDate: a.removedDate };
}

function seriousFact(s: SeriousListingInput): SeriousFact {
  return {
    id: s.id,
    listedDate: s.listedDate,
    route: s.route ?? deriveSeriousRoute(s.reasonText),
    penaltyIds: s.penaltyIds ?? [],
    restrictionEnd: s.restrictionEnd,
    removedDate: s.removedDate,
  };
}

export function deriveFacts(record: EntityRecord): Facts {
  return {
    penalties: record.penalties.map(penaltyFact),
    abnormal: record.abnormalListings.map(abnormalFact),
    serious: record.seriousListings.map(seriousFact),
  };
}
