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
  Banner,
  EntityRecord,
  PenaltyInput,
  PenaltyType,
  SeriousListingInput,
  SeriousRoute,
} from '../schemas/record.ts';
import { coverageOf } from './coverage.ts';
import { entityKindOf } from './entity-kind.ts';
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

/** Whether a '|' outside any group or class makes the whole pattern an alternation. */
function hasTopLevelAlternative(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

const PLAIN_GROUP = /^\(([^()[\]{}.*+?|\\^$]+(?:\|[^()[\]{}.*+?|\\^$]+)*)\)(?![?*]|\{0)/;

/**
 * The literals (in match form) one of which starts every match of `pattern`: its literal prefix, or for a pattern
 * that starts with a group of plain alternatives that is not optional, those alternatives ('(禁止|不得)(再)?从事' →
 * 禁止, 不得). Empty when no such literals are known: the pattern's regular expression must then always run.
 */
function leadingLiterals(pattern: string): string[] {
  const prefix = matchForm(literalPrefix(pattern));
  if (prefix !== '') return [prefix];
  const source = matchForm(pattern);
  const group = hasTopLevelAlternative(source) ? null : PLAIN_GROUP.exec(source);
  const alternatives = group?.[1]?.split('|') ?? [];
  return alternatives.every((a) => a !== '' && matchForm(a) === a) ? alternatives : [];
}

/**
 * Each type's patterns are searched for by the literal text they start with, all types in one pass over the
 * content (most penalty contents name two or three types out of fifteen). A pattern that is nothing but its literal
 * ('罚款', '警告') matches exactly when that literal is found, so its regular expression need not run; for the
 * others the type's regular expression decides. Each type has up to two bits in the search: one for the literals
 * of its literal patterns, one for the leading literals of the rest.
 */
const TYPE_MATCHERS = (() => {
  const lists: string[][] = [];
  const bitFor = (words: string[]): number => {
    if (words.length === 0) return 0;
    lists.push(words);
    return 1 << (lists.length - 1);
  };
  const matchers = PENALTY_TYPE_PATTERNS.map(({ type, patterns }) => {
    const literal = patterns.filter((p) => literalPrefix(p) === p);
    const other = patterns.filter((p) => literalPrefix(p) !== p);
    const leading = other.map(leadingLiterals);
    const alwaysRun = leading.some((l) => l.length === 0);
    return {
      type,
      re: compile(patterns),
      alwaysRun,
      literalBits: bitFor(literal.map(matchForm)),
      prefixBits: alwaysRun ? 0 : bitFor(leading.flat()),
    };
  });
  // A KeywordIndex holds 31 lists; with more, the literals fall back to being prefixes (the regular expression runs).
  if (lists.length > 31) {
    lists.length = 0;
    for (const m of matchers) {
      const patterns = PENALTY_TYPE_PATTERNS.find((t) => t.type === m.type)?.patterns ?? [];
      const triggers = patterns.map((p) => matchForm(literalPrefix(p)));
      m.alwaysRun = triggers.includes('');
      m.literalBits = 0;
      m.prefixBits = m.alwaysRun ? 0 : bitFor(triggers);
    }
  }
  return { matchers, index: new KeywordIndex(lists) };
})();
const AGGRAVATED = compile([AGGRAVATED_PATTERN]);
/** 从重 is a plain literal: `includes` answers what the regular expression would. */
const AGGRAVATED_LITERAL = literalPrefix(AGGRAVATED_PATTERN) === AGGRAVATED_PATTERN ? matchForm(AGGRAVATED_PATTERN) : null;
const NOT_AGGRAVATED = compile([NOT_AGGRAVATED_PATTERN]);
const SAMR_AUTHORITY = new KeywordIndex([SAMR_AUTHORITY_WORDS]);
/** An empty word is in every name (KeywordIndex never finds an empty word, `includes` always does). */
const SAMR_EMPTY_WORD = SAMR_AUTHORITY_WORDS.some((w) => matchForm(w) === '');
const REASON_MATCHERS = ABNORMAL_REASON_PATTERNS.map(({ reason, patterns }) => ({ reason, re: compile(patterns) }));
const ROUTE_MATCHERS = SERIOUS_ROUTE_PATTERNS.map(({ route, patterns }) => ({ route, re: compile(patterns) }));

/** Penalty types named in 行政处罚内容, e.g. "罚款人民币5万元，没收违法所得3200元" → FINE, CONFISCATE_GAINS. */
export function deriveTypes(content: string): PenaltyType[] {
  return typesIn(matchForm(content));
}

function typesIn(text: string): PenaltyType[] {
  const { matchers, index } = TYPE_MATCHERS;
  const hits = text === '' ? 0 : index.search(text);
  // Which types match, as bits in table order; then an array of exactly that size.
  let found = 0;
  let count = 0;
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i] as (typeof matchers)[number];
    if ((hits & m.literalBits) !== 0 || ((m.alwaysRun || (hits & m.prefixBits) !== 0) && m.re.test(text))) {
      found |= 1 << i;
      count++;
    }
  }
  const types = new Array<PenaltyType>(count);
  for (let i = 0, k = 0; k < count; i++) if ((found & (1 << i)) !== 0) types[k++] = (matchers[i] as (typeof matchers)[number]).type;
  return types;
}

/** "从重" in a fine's content marks an aggravated fine, unless the text says 不予从重. */
export function deriveAggravated(content: string, types: readonly PenaltyType[]): boolean {
  return aggravatedIn(matchForm(content), types);
}

function aggravatedIn(text: string, types: readonly PenaltyType[]): boolean {
  if (!types.includes('FINE')) return false;
  const aggravated = AGGRAVATED_LITERAL === null ? AGGRAVATED.test(text) : text.includes(AGGRAVATED_LITERAL);
  return aggravated && !NOT_AGGRAVATED.test(text);
}

export function deriveIsSamr(authority: string): boolean {
  return SAMR_EMPTY_WORD || SAMR_AUTHORITY.search(matchForm(authority)) !== 0;
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
  return {
    id: a.id,
    kind: a.kind ?? 'LISTING',
    listedDate: a.listedDate,
    reason: a.reason ?? deriveAbnormalReason(a.reasonText),
    removedDate: a.removedDate,
  };
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

const NO_BANNERS: readonly Banner[] = Object.freeze([]);

/** Decision numbers and listing texts compared with every bracket as one pair, widths folded and no spaces. */
function basisForm(text: string): string {
  return matchForm(text)
    .replace(/\s+/g, '')
    .replace(/[〔［[【（(〈]/g, '(')
    .replace(/[〕］\]】）)〉]/g, ')');
}

/**
 * Pages rarely say which penalties a listing rests on: a penalty whose decision number stands in the listing's
 * reason text is its basis (docs/rules.md R5, R8). A number too short to identify a decision is never matched.
 */
function withBasisByNumber(
  serious: SeriousFact[],
  penalties: readonly PenaltyFact[],
  inputs: readonly SeriousListingInput[],
): SeriousFact[] {
  // Each decision number in its compared form once, not once per listing.
  const keys = penalties.map((p) => ({ id: p.id, key: basisForm(p.decisionNo) })).filter(({ key }) => key.length >= 6 && /\d/.test(key));
  return serious.map((s, i) => {
    const input = inputs[i];
    if (input?.penaltyIds || !input?.reasonText) return s;
    const reason = basisForm(input.reasonText);
    const ids = keys.filter(({ key }) => reason.includes(key)).map(({ id }) => id);
    return ids.length ? { ...s, penaltyIds: ids } : s;
  });
}

export function deriveFacts(record: EntityRecord): Facts {
  const penalties = record.penalties.map(penaltyFact);
  const serious = record.seriousListings.map(seriousFact);
  return {
    penalties,
    abnormal: record.abnormalListings.map(abnormalFact),
    serious: serious.length && penalties.length ? withBasisByNumber(serious, penalties, record.seriousListings) : serious,
    kind: entityKindOf(record),
    coverage: coverageOf(record),
    banners: record.banners ?? NO_BANNERS,
  };
}
