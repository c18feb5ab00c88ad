/**
 * The part of core the content scripts use, as '#core/page': reading a page (site adapters, their JSON replies),
 * assessing it, and what the overlay shows. It leaves out the team document, the work report, clue import and the
 * compiled record schema (zod's compiler): the content scripts load with every credit page, and what they import is
 * compiled and run before the page's own DOMContentLoaded (docs/adr/0005-overlay-first-paint.md). The index, '#core',
 * re-exports all of it; the schemas here are zod/mini (tree-shakable), like everything they reach.
 */
export * from './schemas/record.ts';
export * from './schemas/assessment.ts';
export * from './schemas/settings.ts';
export { IsoDateString } from './schemas/date.ts';
export { assessRecord, type AssessOptions } from './engine/assess.ts';
export {
  type IsoDate,
  LONG_TERM,
  addDays,
  addMonths,
  addYears,
  chinaDateOfEpochMs,
  completed,
  daysBetween,
  isIsoDate,
  lastDay,
  parseSiteDate,
  running,
} from './lib/dates.ts';
export { cleanText, labelForm, matchForm, toHalfWidth } from './lib/text.ts';
export { type InputProblem, formatPath, problemLines, problemsOf } from './lib/issues.ts';
export { entityKey } from './lib/entity-key.ts';
export {
  PageKind,
  ParseFailure,
  ParseResult,
  ReaderInfo,
  SITE_IDS,
  SITE_MATCHES,
  SectionDiagnostics,
  SiteId,
  type ParseOptions,
  type ParseSuccess,
  type SiteAdapter,
} from './sites/site.ts';
export { savedFromLine, savedFromUrl, savedPageHtml } from './sites/saved-page.ts';
export { PAGE_REPORT_COMMENT_MAX, PAGE_REPORT_FORMAT, PAGE_REPORT_MAX_BYTES } from './sites/page-report-limits.ts';
export type { PageReport } from './sites/page-report.ts';
export { LayoutRules, SiteRules, SiteRulesForSite, layoutRules, olderVersion } from './sites/site-rules.ts';
export { rulesForSite, type AppliedRules } from './sites/applied-rules.ts';
export { SITES, allMatchPatterns, siteById, siteFor } from './sites/index.ts';
export { matchesPattern } from './sites/match-pattern.ts';
export {
  DataTablesPage,
  SECTION_KINDS,
  type CompleteRead,
  type JsonReply,
  type JsonSection,
  type OpenSections,
  type SectionKind,
  type SectionTarget,
} from './sites/sections.ts';
