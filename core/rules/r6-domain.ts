/**
 * R6 Domain classification into the six supervisory domains of the special action.
 * Source: 《市场监督管理严重违法失信名单管理办法》(总局令第44号) Arts. 5–9, whose order gives the domains [S];
 * docs/rules.md R6. The law broken decides first; keywords of the violation text otherwise.
 */
import { KeywordIndex, firstList, listCount } from '../lib/text.ts';
import { CONDUCT_GROUP, LEGAL_BASIS_LAWS, PRODUCT_GROUPS, type KeywordGroup } from '../data/domain-keywords.ts';
import { Domain } from '../schemas/assessment.ts';
import type { RuleSettings } from '../schemas/settings.ts';
import type { PenaltyFact } from '../engine/facts.ts';
import type { RuleInfo } from '../engine/rule.ts';

export const rule: RuleInfo = {
  id: 'r6-domain',
  title: { zh: '监管领域分类', en: 'Supervisory domain' },
  source: { title: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）', article: '第五条至第九条' },
  reference: 'docs/rules.md R6',
};

export interface DomainResult {
  domain: Domain;
  via: 'LEGAL_BASIS' | 'KEYWORD' | 'NONE';
  /** Two or more keyword groups matched: staff should confirm the domain. */
  ambiguous: boolean;
}

/** Order 44 article of each domain (Art. 10 covers the rest). */
export const DOMAIN_ARTICLE: Record<Domain, string> = {
  FOOD: '第五条',
  DRUG_DEVICE_COSMETIC: '第六条',
  QUALITY: '第七条',
  CONSUMER: '第八条',
  COMPETITION_ORDER: '第九条',
  OTHER: '第十条',
};

const LAWS = new KeywordIndex(LEGAL_BASIS_LAWS.map((l) => l.laws));
const CONDUCT_FIRST = [CONDUCT_GROUP, ...PRODUCT_GROUPS];
const PRODUCT_FIRST = [...PRODUCT_GROUPS, CONDUCT_GROUP];
const ORDERS: Record<RuleSettings['domainKeywordOrder'], { groups: readonly KeywordGroup[]; index: KeywordIndex }> = {
  'conduct-first': { groups: CONDUCT_FIRST, index: new KeywordIndex(CONDUCT_FIRST.map((g) => g.keywords)) },
  'product-first': { groups: PRODUCT_FIRST, index: new KeywordIndex(PRODUCT_FIRST.map((g) => g.keywords)) },
};

const NO_DOMAIN: DomainResult = Object.freeze({ domain: 'OTHER', via: 'NONE', ambiguous: false });

/** Every answer is one of a few: made once, so classifying a penalty makes no object. */
const BY_LAW = new Map<Domain, DomainResult>();
const BY_KEYWORD = new Map<Domain, readonly [DomainResult, DomainResult]>();
for (const domain of Domain.options) {
  BY_LAW.set(domain, Object.freeze({ domain, via: 'LEGAL_BASIS', ambiguous: false }));
  BY_KEYWORD.set(domain, [
    Object.freeze({ domain, via: 'KEYWORD', ambiguous: false }),
    Object.freeze({ domain, via: 'KEYWORD', ambiguous: true }),
  ]);
}

function byLaw(domain: Domain): DomainResult {
  return BY_LAW.get(domain) ?? { domain, via: 'LEGAL_BASIS', ambiguous: false };
}

function byKeyword(domain: Domain, ambiguous: boolean): DomainResult {
  return BY_KEYWORD.get(domain)?.[ambiguous ? 1 : 0] ?? { domain, via: 'KEYWORD', ambiguous };
}

export function classifyDomain(p: Pick<PenaltyFact, 'basisText' | 'conductText'>, settings: RuleSettings): DomainResult {
  const law = p.basisText === '' ? -1 : firstList(LAWS.search(p.basisText));
  if (law >= 0) return byLaw(LEGAL_BASIS_LAWS[law]?.domain ?? 'OTHER');
  const { groups, index } = ORDERS[settings.domainKeywordOrder];
  const hits = index.search(p.conductText);
  if (hits === 0) return NO_DOMAIN;
  return byKeyword(groups[firstList(hits)]?.domain ?? 'OTHER', listCount(hits) >= 2);
}
