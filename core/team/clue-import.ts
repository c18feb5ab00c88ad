/**
 * Importing a clue list (线索清单) into the team document: rows read from a CSV or XLSX file, and which column holds
 * which field (the user's mapping). Every row is checked first; bad rows come back with their row number and the
 * reason, and the good ones are written back to back, IMPORT_CHUNK_ROWS to a transaction (see importClues). Status
 * and domain accept the contract's values or the Chinese words staff write (已立案, 食品安全 …). A USCC whose check
 * character is wrong is kept (some issued codes fail the check, docs/rules.md 标识代码); one that is not a USCC at
 * all is a bad row. Optional columns record what the 工作情况表 counts: a listing decision (决定书文号 and 决定日期,
 * both or neither), the 集中公示 date and the 典型案例曝光 date, written to the same fields the ledger's editors write.
 */
import type * as Y from 'yjs';
import * as z from 'zod';
import { REPORT_DOMAINS } from '../data/report-domains.ts';
import { LONG_TERM, parseSiteDate } from '../lib/dates.ts';
import { normalizeIdentifier, validateUscc } from '../lib/identifiers.ts';
import { cleanText } from '../lib/text.ts';
import { Domain } from '../schemas/assessment.ts';
import { AccountId } from '../schemas/team-token.ts';
import { CaseStatus, TeamListing, TeamTag, type TeamEdit, type TeamEntityPatch } from '../schemas/team.ts';
import { addTeamListing, addTeamNote, addTeamTag, ensureTeamEntity, readTeamEntity, updateTeamEntity } from './entities-doc.ts';

export const CLUE_FIELDS = [
  'name',
  'uscc',
  'legalRepresentative',
  'status',
  'domain',
  'assignee',
  'tags',
  'note',
  'decisionNo',
  'decidedOn',
  'publicizedOn',
  'exposedOn',
] as const;
export type ClueField = (typeof CLUE_FIELDS)[number];
/** Column index (0-based) of each field in the file; `name` is required. */
export type ClueMapping = { name: number } & Partial<Record<Exclude<ClueField, 'name'>, number>>;

const ClueColumn = z.number().int().min(0).max(499);
/** A ClueMapping as it crosses a boundary (the ledger's messages to its worker and to the background). */
export const ClueMappingSchema = z.strictObject({
  name: ClueColumn,
  uscc: ClueColumn.optional(),
  legalRepresentative: ClueColumn.optional(),
  status: ClueColumn.optional(),
  domain: ClueColumn.optional(),
  assignee: ClueColumn.optional(),
  tags: ClueColumn.optional(),
  note: ClueColumn.optional(),
  decisionNo: ClueColumn.optional(),
  decidedOn: ClueColumn.optional(),
  publicizedOn: ClueColumn.optional(),
  exposedOn: ClueColumn.optional(),
}) satisfies z.ZodType<ClueMapping>;

export type Clue = {
  name: string;
  uscc?: string;
  legalRepresentative?: string;
  status?: CaseStatus;
  domain?: Domain;
  assignee?: string;
  tags: string[];
  note?: string;
  /** A listing decision: number and date together. */
  listing?: { decisionNo: string; decidedOn: string };
  publicizedOn?: string;
  exposedOn?: string;
};

/**
 * What is wrong with one field of a row, for the UI to say in its own language: `value` is the cell (cut to 40
 * characters), `limit` the longest allowed when the cell is too long.
 */
export type ClueProblem = { field: ClueField; kind: 'empty' | 'too-long' | 'invalid' | 'unknown'; value?: string; limit?: number };
/** `reason` is the bilingual line of a log; `problems` the same, field by field. */
export type ClueRows = { good: { row: number; clue: Clue }[]; bad: { row: number; reason: string; problems: ClueProblem[] }[] };

/** The checks of the free-text fields, as the team record's schema has them (name: the import's own bound). */
const FIELD_TEXT = {
  name: z.string().min(1).max(300),
  legalRepresentative: z.string().max(100),
  assignee: AccountId,
  tags: TeamTag,
  note: z.string().max(20_000),
  decisionNo: TeamListing.shape.decisionNo,
} satisfies Partial<Record<ClueField, z.ZodType<string>>>;

/** A zod refusal of one field's text as a field-level problem (the first issue is enough to say what is wrong). */
export function fieldProblem(field: ClueField, issue: z.core.$ZodIssue | undefined, value: string): ClueProblem {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (issue?.code === 'too_small') return { field, kind: 'empty' };
  if (issue?.code === 'too_big') return { field, kind: 'too-long', limit: Number(issue.maximum), value: cut };
  return { field, kind: 'invalid', value: cut };
}

function checkText(field: keyof typeof FIELD_TEXT, value: string): ClueProblem | null {
  const parsed = FIELD_TEXT[field].safeParse(value);
  return parsed.success ? null : fieldProblem(field, parsed.error.issues[0], value);
}

const STATUS_WORDS: Record<string, CaseStatus> = {
  线索: 'clue',
  核查中: 'verifying',
  核查: 'verifying',
  已立案: 'case-filed',
  立案: 'case-filed',
  已列入: 'listed',
  列入: 'listed',
  已排除: 'dismissed',
  排除: 'dismissed',
  不予处理: 'dismissed',
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

/** A date as staff type it (2026-03-15, 2026/3/15, 2026年3月15日); never 长期 or a bare number, which are no decision day. */
export function clueDate(text: string): string | null {
  if (/^\d+$/.test(text)) return null;
  const date = parseSiteDate(text);
  return date === LONG_TERM ? null : date;
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
    const fields: ClueProblem[] = [];
    const fail = (line: string, problem: ClueProblem) => {
      problems.push(line);
      fields.push(problem);
    };
    const name = cell('name');
    const nameProblem = checkText('name', name);
    if (nameProblem?.kind === 'empty') fail('主体名称为空 (name is empty)', nameProblem);
    else if (nameProblem) fail('主体名称过长 (name longer than 300)', nameProblem);
    const clue: Clue = { name, tags: [] };
    const uscc = normalizeIdentifier(cell('uscc'));
    if (uscc !== '') {
      const check = validateUscc(uscc);
      if (check.valid || check.reason === 'check-digit') clue.uscc = uscc;
      else fail(`统一社会信用代码无效 (USCC ${uscc}: ${check.reason})`, { field: 'uscc', kind: 'invalid', value: uscc.slice(0, 40) });
    }
    const person = cell('legalRepresentative');
    const personProblem = person === '' ? null : checkText('legalRepresentative', person);
    if (personProblem) fail('法定代表人过长 (legal representative longer than 100)', personProblem);
    else if (person !== '') clue.legalRepresentative = person;
    const status = cell('status');
    if (status !== '') {
      const value = statusOf(status);
      if (value) clue.status = value;
      else fail(`状态无法识别 (status "${status}")`, { field: 'status', kind: 'unknown', value: status.slice(0, 40) });
    }
    const domain = cell('domain');
    if (domain !== '') {
      const value = domainOf(domain);
      if (value) clue.domain = value;
      else fail(`监管领域无法识别 (domain "${domain}")`, { field: 'domain', kind: 'unknown', value: domain.slice(0, 40) });
    }
    const assignee = cell('assignee');
    if (assignee !== '') {
      const problem = checkText('assignee', assignee);
      if (problem) fail(`承办人不是用户编号 (assignee "${assignee}")`, problem);
      else clue.assignee = assignee;
    }
    for (const tag of cell('tags')
      .split(/[,，;；、]/)
      .map((t) => t.trim())
      .filter(Boolean)) {
      const problem = checkText('tags', tag);
      if (problem) fail(`标签过长 (tag "${tag.slice(0, 20)}…")`, problem);
      else clue.tags.push(tag);
    }
    const note = cell('note');
    if (note !== '') {
      const problem = checkText('note', note);
      if (problem) fail('备注过长 (note longer than 20,000)', problem);
      else clue.note = note;
    }
    const decisionNo = cell('decisionNo');
    const decidedOn = cell('decidedOn');
    const decidedDate = decidedOn === '' ? null : clueDate(decidedOn);
    const numberProblem = decisionNo === '' ? null : checkText('decisionNo', decisionNo);
    if (numberProblem) fail('决定书文号过长 (decision number longer than 200)', numberProblem);
    if (decidedOn !== '' && decidedDate === null)
      fail(`决定日期无效 (decision date "${decidedOn}")`, { field: 'decidedOn', kind: 'invalid', value: decidedOn.slice(0, 40) });
    // A decision is counted by its day and named by its number: one without the other cannot be recorded.
    if (decisionNo !== '' && decidedOn === '')
      fail('有决定书文号但缺决定日期 (decision date is empty)', { field: 'decidedOn', kind: 'empty' });
    if (decisionNo === '' && decidedOn !== '')
      fail('有决定日期但缺决定书文号 (decision number is empty)', { field: 'decisionNo', kind: 'empty' });
    if (decisionNo !== '' && decidedDate !== null && !numberProblem) clue.listing = { decisionNo, decidedOn: decidedDate };
    for (const [field, key] of [
      ['publicizedOn', 'publicizedOn'],
      ['exposedOn', 'exposedOn'],
    ] as const) {
      const value = cell(field);
      if (value === '') continue;
      const date = clueDate(value);
      if (date === null) fail(`日期无效 (${field} "${value}")`, { field, kind: 'invalid', value: value.slice(0, 40) });
      else clue[key] = date;
    }
    if (problems.length > 0) result.bad.push({ row, reason: problems.join('；'), problems: fields });
    else result.good.push({ row, clue });
  });
  return result;
}

/**
 * Rows per transaction: each transaction is one update on the wire, and a rich row is about 750 bytes, so 500 rows
 * stay well under the sync server's default 1 MiB message limit. All rows were checked before (parseClueRows), and
 * the transactions run back to back in one task: nothing else sees a half-written import.
 */
export const IMPORT_CHUNK_ROWS = 500;

/**
 * Writes the good rows, IMPORT_CHUNK_ROWS to a transaction: each entity's record made if missing, the given fields
 * set, tags and the note added. Rows for the same entity apply in file order. `noteId` makes note ids (core has no
 * randomness).
 */
export function importClues(doc: Y.Doc, good: ClueRows['good'], edit: TeamEdit, noteId: (row: number) => string): number {
  let written = 0;
  for (let start = 0; start < good.length; start += IMPORT_CHUNK_ROWS) {
    doc.transact(() => writeClues(good.slice(start, start + IMPORT_CHUNK_ROWS)));
  }
  return written;

  function writeClues(rows: ClueRows['good']): void {
    for (const { row, clue } of rows) {
      const made = ensureTeamEntity(doc, { name: clue.name, uscc: clue.uscc, legalRepresentative: clue.legalRepresentative }, edit);
      if (!made.ok) continue;
      const patch: TeamEntityPatch = {};
      if (clue.legalRepresentative) patch.legalRepresentative = clue.legalRepresentative;
      if (clue.status) patch.status = clue.status;
      if (clue.domain) patch.domain = clue.domain;
      if (clue.assignee) patch.assignee = clue.assignee;
      if (clue.publicizedOn) patch.repeatOffenderPublicizedOn = clue.publicizedOn;
      if (clue.exposedOn) patch.typicalCaseExposedOn = clue.exposedOn;
      // A listing decision means the entity is listed, unless the row says otherwise.
      if (clue.listing && !clue.status) patch.status = 'listed';
      if (Object.keys(patch).length > 0) updateTeamEntity(doc, made.key, patch, edit);
      for (const tag of clue.tags) addTeamTag(doc, made.key, tag, edit);
      if (clue.note) addTeamNote(doc, made.key, { id: noteId(row), text: clue.note }, edit);
      if (clue.listing) addListingOnce(doc, made.key, clue.listing, `${noteId(row)}-listing`, edit);
      written++;
    }
  }
}

/**
 * Adds the decision unless the record holds one with the same number already (a list imported twice counts it
 * once). Its domain is the entity's, as the team set it or the row gave it; 其他 when neither did.
 */
function addListingOnce(doc: Y.Doc, key: string, listing: { decisionNo: string; decidedOn: string }, id: string, edit: TeamEdit): void {
  const read = readTeamEntity(doc, key);
  if (read?.ok !== true || read.value.listings.some((l) => l.decisionNo === listing.decisionNo)) return;
  addTeamListing(
    doc,
    key,
    { id, decidedOn: listing.decidedOn, decisionNo: listing.decisionNo, domain: read.value.domain ?? 'OTHER' },
    edit,
  );
}
