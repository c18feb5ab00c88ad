/**
 * Importing a clue list (线索清单) into the team document: rows read from a CSV or XLSX file, and which column holds
 * which field (the user's mapping). Every row is checked first; bad rows come back with their row number and the
 * reason, and the good ones are written in one Yjs transaction — nothing half-written. Status and domain accept the
 * contract's values or the Chinese words staff write (已立案, 食品安全 …). A USCC whose check character is wrong is
 * kept (some issued codes fail the check, see README); one that is not a USCC at all is a bad row.
 */
import type * as Y from 'yjs';
import { REPORT_DOMAINS } from '../data/report-domains.ts';
import { normalizeIdentifier, validateUscc } from '../lib/identifiers.ts';
import { cleanText } from '../lib/text.ts';
import { Domain } from '../schemas/assessment.ts';
import { AccountId } from '../schemas/team-token.ts';
import { CaseStatus, TeamTag, type TeamEdit, type TeamEntityPatch } from '../schemas/team.ts';
import { addTeamNote, addTeamTag, ensureTeamEntity, updateTeamEntity } from './entities-doc.ts';

export const CLUE_FIELDS = ['name', 'uscc', 'legalRepresentative', 'status', 'domain', 'assignee', 'tags', 'note'] as const;
export type ClueField = (typeof CLUE_FIELDS)[number];
/** Column index (0-based) of each field in the file; `name` is required. */
export type ClueMapping = { name: number } & Partial<Record<Exclude<ClueField, 'name'>, number>>;

export type Clue = {
  name: string;
  uscc?: string;
  legalRepresentative?: string;
  status?: CaseStatus;
  domain?: Domain;
  assignee?: string;
  tags: string[];
  note?: string;
};

export type ClueRows = { good: { row: number; clue: Clue }[]; bad: { row: number; reason: string }[] };

const STATUS_WORDS: Record<string, CaseStatus> = {
  线索: 'clue', 核查中: 'verifying', 核查: 'verifying', 已立案: 'case-filed', 立案: 'case-filed', 已列入: 'listed', 列入: 'listed',
  已排除: 'dismissed', 排除: 'dismissed', 不予处理: 'dismissed',
};

function statusOf(text: string): CaseStatus | undefined {
  const parsed = CaseStatus.safeParse(text);
  return parsed.success ? parsed.data : STATUS_WORDS[text];
}

function domainOf(text: string): Domain | undefined {
  const parsed = Domain.safeParse(text.toUpperCase());
  if (parsed.success) return parsed.data;
  const plain = text.replace(/[、，,\s]/g, '');
  return REPORT_DOMAINS.find((d) => d.label.replace(/[、，,\s]/g, '') === plain)?.domain;
}

type Cell = string | number | boolean | Date | null | undefined;

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return cleanText(cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell));
}

/** Checks each data row; `firstRow` is the file's row number of rows[0] (2 when a heading row precedes it). */
export function parseClueRows(rows: readonly (readonly Cell[])[], mapping: ClueMapping, firstRow = 2): ClueRows {
  const result: ClueRows = { good: [], bad: [] };
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    const cell = (field: ClueField): string => {
      const column = mapping[field];
      return column === undefined ? '' : text(cells[column]);
    };
    if (CLUE_FIELDS.every((f) => cell(f) === '')) return; // blank line
    const problems: string[] = [];
    const name = cell('name');
    if (name === '') problems.push('主体名称为空 (name is empty)');
    else if (name.length > 300) problems.push('主体名称过长 (name longer than 300)');
    const clue: Clue = { name, tags: [] };
    const uscc = normalizeIdentifier(cell('uscc'));
    if (uscc !== '') {
      const check = validateUscc(uscc);
      if (check.valid || check.reason === 'check-digit') clue.uscc = uscc;
      else problems.push(`统一社会信用代码无效 (USCC ${uscc}: ${check.reason})`);
    }
    const person = cell('legalRepresentative');
    if (person !== '') clue.legalRepresentative = person;
    const status = cell('status');
    if (status !== '') {
      const value = statusOf(status);
      if (value) clue.status = value;
      else problems.push(`状态无法识别 (status "${status}")`);
    }
    const domain = cell('domain');
    if (domain !== '') {
      const value = domainOf(domain);
      if (value) clue.domain = value;
      else problems.push(`监管领域无法识别 (domain "${domain}")`);
    }
    const assignee = cell('assignee');
    if (assignee !== '') {
      if (AccountId.safeParse(assignee).success) clue.assignee = assignee;
      else problems.push(`承办人不是用户编号 (assignee "${assignee}")`);
    }
    for (const tag of cell('tags').split(/[,，;；、]/).map((t) => t.trim()).filter(Boolean)) {
      if (TeamTag.safeParse(tag).success) clue.tags.push(tag);
      else problems.push(`标签过长 (tag "${tag.slice(0, 20)}…")`);
    }
    const note = cell('note');
    if (note !== '') {
      if (note.length <= 20_000) clue.note = note;
      else problems.push('备注过长 (note longer than 20,000)');
    }
    if (problems.length > 0) result.bad.push({ row, reason: problems.join('；') });
    else result.good.push({ row, clue });
  });
  return result;
}

/**
 * Writes the good rows in one transaction: each entity's record made if missing, the given fields set, tags and
 * the note added. Rows for the same entity apply in file order. `noteId` makes note ids (core has no randomness).
 */
export function importClues(doc: Y.Doc, good: ClueRows['good'], edit: TeamEdit, noteId: (row: number) => string): number {
  let written = 0;
  doc.transact(() => {
    for (const { row, clue } of good) {
      const made = ensureTeamEntity(doc, { name: clue.name, uscc: clue.uscc, legalRepresentative: clue.legalRepresentative }, edit);
      if (!made.ok) continue;
      const patch: TeamEntityPatch = {};
      if (clue.legalRepresentative) patch.legalRepresentative = clue.legalRepresentative;
      if (clue.status) patch.status = clue.status;
      if (clue.domain) patch.domain = clue.domain;
      if (clue.assignee) patch.assignee = clue.assignee;
      if (Object.keys(patch).length > 0) updateTeamEntity(doc, made.key, patch, edit);
      for (const tag of clue.tags) addTeamTag(doc, made.key, tag, edit);
      if (clue.note) addTeamNote(doc, made.key, { id: noteId(row), text: clue.note }, edit);
      written++;
    }
  });
  return written;
}
