/**
 * What a rule declares about itself, and how findings are made. Each rule file exports one `RuleInfo` (its id is
 * its file name, its legal source is data the UI shows) and the pure functions the engine calls.
 */
import type { Finding, FindingLevel, LegalSource, LocalText } from '../schemas/assessment.ts';

export interface RuleInfo {
  /** Stable id = file name in rules/ (checked by the registry test). */
  id: string;
  title: LocalText;
  /** The legal source findings cite; `article` is required so every finding names one. */
  source: Required<LegalSource>;
  /** Where the rule and its source are explained (docs/rules.md); never shown to users. */
  reference: string;
}

export function makeFinding(
  rule: RuleInfo,
  level: FindingLevel,
  message: LocalText,
  recordIds: readonly string[],
  article: string = rule.source.article,
): Finding {
  return { rule: rule.id, level, message, source: { title: rule.source.title, article }, recordIds: [...recordIds] };
}

/** How a finding names a penalty: its decision number, as staff look it up — never an internal id. */
export function penaltyName(p: { decisionNo: string; decisionDate: string; authority: string }): string {
  return p.decisionNo.trim() || `${p.decisionDate} ${p.authority}`.trim();
}

/** How a finding names a list entry: by the day it was listed. */
export function listingName(listedDate: string): LocalText {
  return { zh: `${listedDate} 列入`, en: `listed ${listedDate}` };
}

/** Names for a message: "甲、乙" / "A, B". */
export function listNames(names: readonly string[]): LocalText {
  return { zh: names.join('、'), en: names.join(', ') };
}
