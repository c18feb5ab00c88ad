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
  /** Where the source text was read, and how sure the spec is of it ([V], [S] or [K]). */
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

/** Lists ids for a message: "P1、P2" / "P1, P2". */
export function listIds(ids: readonly string[]): LocalText {
  return { zh: ids.join('、'), en: ids.join(', ') };
}
