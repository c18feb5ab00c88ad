/**
 * The ledger's rows: each team record of the document made ready for filtering, sorting and search once, when the
 * list arrives — the search text in match form, the Beijing date of the last change, the sort keys — so a filter or
 * a sort over 20,000 rows touches only plain strings. Records that do not parse are set apart with their problems:
 * their fields cannot be trusted to mean what they say, so they are listed, never filtered or counted.
 */
import { chinaDateOfEpochMs, matchForm, type TeamEntity } from '#core';

/** One record as the background sends it (protocol TeamRecord; core's TeamRead has the same shape). */
export type LedgerRecord = { key: string; ok: true; value: TeamEntity } | { key: string; ok: false; problems: string[] };

export interface LedgerRow {
  key: string;
  entity: TeamEntity;
  /** The Beijing calendar date of `updatedAt`. */
  updatedOn: string;
  /** Name, code, key, legal representative, assignee, tags, every team note's text and decision number, in match form. */
  search: string;
}

export interface InvalidRow {
  key: string;
  problems: string[];
}

export function ledgerRow(key: string, entity: TeamEntity): LedgerRow {
  const parts = [
    entity.name,
    key,
    entity.uscc ?? '',
    entity.legalRepresentative ?? '',
    entity.assignee ?? '',
    ...entity.tags,
    ...entity.notes.map((n) => n.text),
    ...entity.listings.map((l) => l.decisionNo),
  ];
  return {
    key,
    entity,
    updatedOn: chinaDateOfEpochMs(Date.parse(entity.updatedAt)) ?? entity.updatedAt.slice(0, 10),
    search: matchForm(parts.join('\n')),
  };
}

export function ledgerRows(records: readonly LedgerRecord[]): { rows: LedgerRow[]; invalid: InvalidRow[] } {
  const rows: LedgerRow[] = [];
  const invalid: InvalidRow[] = [];
  for (const record of records) {
    if (record.ok) rows.push(ledgerRow(record.key, record.value));
    else invalid.push({ key: record.key, problems: record.problems });
  }
  return { rows, invalid };
}
