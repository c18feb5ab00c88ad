/**
 * CreditLens core: the only import path for the extension, the sync server, the command line and the tests
 * (lint forbids deep imports). Pure: no browser or Node APIs, no clock — dates and documents are parameters.
 */
import type { IsoDate } from './lib/dates.ts';
import { assessRecord } from './engine/assess.ts';
import { parseRecord, type Parsed } from './engine/parse.ts';
import type { Assessment } from './schemas/assessment.ts';
import type { RuleSettings } from './schemas/settings.ts';

// What the content scripts use ('#core/page'), then the rest. The compiled record schema replaces page.ts's plain one
// here (an explicit export wins over `export *`): the CLI, the server and the background parse whole records with it.
export * from './page.ts';
export { EntityRecord } from './schemas/record-compiled.ts';
export { parseRecord, parseSettings, type Parsed } from './engine/parse.ts';
export { deriveTypes, deriveIsSamr, deriveAbnormalReason, deriveSeriousRoute } from './engine/derive.ts';
export { RULES } from './rules/index.ts';
export type { RuleInfo } from './engine/rule.ts';
export {
  type IdentifierCheck,
  type IdentifierKind,
  type IdentifierProblem,
  normalizeIdentifier,
  validateIdentifier,
  validateRegNo,
  validateUscc,
} from './lib/identifiers.ts';
export { type CsvCell, csvCell, csvText } from './lib/csv.ts';
export { type ZipEntry, writeZip } from './lib/zip.ts';
export { xmlText } from './lib/xlsx-package.ts';
export * from './schemas/team.ts';
export * from './schemas/team-token.ts';
export * from './schemas/team-history.ts';
export {
  ENTITIES_MAP,
  addTeamListing,
  addTeamNote,
  addTeamTag,
  ensureTeamEntity,
  readTeamEntities,
  readTeamEntity,
  removeTeamListing,
  removeTeamTag,
  updateTeamEntity,
  updateTeamListing,
  type TeamRead,
  type TeamWrite,
} from './team/entities-doc.ts';
export { type LostRecord, mergeLostRecord, watchConcurrentRecords } from './team/concurrent-records.ts';
export * from './schemas/work-report.ts';
export * from './schemas/evidence.ts';
export {
  type EvidenceInput,
  type Sha256,
  beijingTime,
  evidenceFileName,
  evidenceZip,
  isSectionFile,
  sectionFiles,
  sectionsFromFiles,
} from './evidence/evidence-zip.ts';
export { type ReportCell, reportEntityKeys, workReport } from './team/work-report.ts';
export { type ReportHeading, reportCsv, reportTable, reportXlsx } from './team/report-files.ts';
export { type TableCell, columnName, tableXlsx } from './team/table-xlsx.ts';
export { REPORT_COLUMNS, REPORT_DOMAINS, REPORT_TITLE } from './data/report-domains.ts';
export { PersonIndex, personForm, teamEntriesOfPerson, type PersonEntry, type PersonLink } from './team/person-links.ts';
export {
  CLUE_FIELDS,
  fieldProblem,
  ClueMappingSchema,
  importClues,
  parseClueRows,
  type Clue,
  type ClueField,
  type ClueMapping,
  type ClueProblem,
  type ClueRows,
} from './team/clue-import.ts';
export { PageReport, PageReportResult } from './sites/page-report.ts';

/** Validate untrusted input, derive, and assess it on `asOf` — the whole pipeline in one call. */
export function assess(input: unknown, options: { asOf: IsoDate; settings?: RuleSettings }): Parsed<Assessment> {
  const parsed = parseRecord(input);
  return parsed.ok ? { ok: true, value: assessRecord(parsed.value, options) } : parsed;
}
