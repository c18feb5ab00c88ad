/**
 * The filtered ledger as a table for CSV and XLSX: a heading row in the UI language, then one row per record in the
 * order shown. Built in chunks (progress.ts) so 20,000 rows never freeze the page. The columns are those a clue list
 * is imported from (mapping.ts knows these headings), so an exported ledger can be imported again; the domain is
 * written in the wording of the 工作情况表 (core REPORT_DOMAINS), which the import reads in any UI language.
 */
import { REPORT_DOMAINS, type ClueField, type TableCell } from '#core';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { runInChunks, type Progress } from './progress.ts';
import type { LedgerRow } from './rows.ts';

/** The heading of each exported column; the first eight are the import's fields (mapping.ts). */
export const EXPORT_HEADINGS = {
  name: 'ledger_col_name',
  uscc: 'ledger_col_uscc',
  legalRepresentative: 'ledger_col_person',
  status: 'ledger_col_status',
  domain: 'ledger_col_domain',
  assignee: 'ledger_col_assignee',
  tags: 'ledger_col_tags',
  note: 'ledger_col_notes',
  listings: 'ledger_col_listings',
  publicized: 'ledger_col_publicized',
  exposed: 'ledger_col_exposed',
  updatedAt: 'ledger_col_updated',
  updatedBy: 'ledger_col_updated_by',
} as const satisfies Record<string, MessageKey>;

/**
 * The heading of each field a clue list is imported from: the exported columns where the ledger exports the field as
 * it is (so an exported ledger imports again, the two report dates included), and the decision's number and date,
 * which the export writes together in one column.
 */
export const CLUE_HEADINGS = {
  name: EXPORT_HEADINGS.name,
  uscc: EXPORT_HEADINGS.uscc,
  legalRepresentative: EXPORT_HEADINGS.legalRepresentative,
  status: EXPORT_HEADINGS.status,
  domain: EXPORT_HEADINGS.domain,
  assignee: EXPORT_HEADINGS.assignee,
  tags: EXPORT_HEADINGS.tags,
  note: EXPORT_HEADINGS.note,
  decisionNo: 'ledger_col_decision_no',
  decidedOn: 'ledger_col_decided_on',
  publicizedOn: EXPORT_HEADINGS.publicized,
  exposedOn: EXPORT_HEADINGS.exposed,
} as const satisfies Record<ClueField, MessageKey>;

const DOMAIN_WORDS = new Map(REPORT_DOMAINS.map((d) => [d.domain, d.label]));

export function exportRow(row: LedgerRow): TableCell[] {
  const e = row.entity;
  const sep = t('list_separator');
  return [
    e.name,
    e.uscc,
    e.legalRepresentative,
    e.status && t(CASE_STATUS_LABEL[e.status]),
    e.domain && DOMAIN_WORDS.get(e.domain)!,
    e.assignee,
    e.tags.join(sep),
    e.notes.map((n) => `[${n.at.slice(0, 10)} ${n.author}] ${n.text}`).join('\n'),
    e.listings.map((l) => `${l.decidedOn} ${l.decisionNo}`.trim()).join('\n'),
    e.repeatOffenderPublicizedOn,
    e.typicalCaseExposedOn,
    e.updatedAt,
    e.updatedBy,
  ];
}

export async function exportTable(rows: readonly LedgerRow[], onProgress: (p: Progress) => void): Promise<TableCell[][]> {
  const out: TableCell[][] = [Object.values(EXPORT_HEADINGS).map((key) => t(key))];
  await runInChunks(rows, (row) => void out.push(exportRow(row)), onProgress);
  return out;
}

/** A, B, … AA: a column as spreadsheets name it, for the mapping's choices. */
export { columnName as columnLabel } from '#core';
