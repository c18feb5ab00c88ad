/**
 * Reading a clue list the user picked: XLSX through read-excel-file (its first sheet), CSV through csv.ts (UTF-8 or
 * GBK). Every cell becomes text or null — dates as YYYY-MM-DD, numbers as written — so the rows can travel to the
 * background as they are and be checked there exactly as the page previewed them. Whether the first row is a header
 * is the user's call, guessed from its cells (mapping.ts): a list typed without one starts with a clue, not to be lost.
 */
import readXlsx from 'read-excel-file/browser';
import { CLUE_FIELDS, CaseStatus, Domain, parseClueRows, type ClueMapping, type ClueRows } from '#core';
import { CASE_STATUS_LABEL } from '../components/team-labels.ts';
import { t } from '../ui/i18n.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { CHUNK, type Progress } from './progress.ts';

export type ClueCell = string | null;

export interface ClueFile {
  name: string;
  /** Every row of the file, the first one included. */
  table: ClueCell[][];
  encoding: string;
}

/** The file as the import sees it: with a header row, the data start at file row 2; without one, at row 1. */
export interface ClueSheet {
  /** The header's cells; without a header, the first row's (shown beside the column letters as examples). */
  labels: ClueCell[];
  rows: ClueCell[][];
  /** The file's row number of rows[0]: what bad rows are reported by. */
  firstRow: 1 | 2;
}

export function sheetOf(file: ClueFile, hasHeader: boolean): ClueSheet {
  const [first = [], ...rest] = file.table;
  return hasHeader ? { labels: first, rows: rest, firstRow: 2 } : { labels: first, rows: file.table, firstRow: 1 };
}

function cellText(cell: unknown): ClueCell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return String(cell);
}

export async function readClueFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<ClueFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let table: unknown[][];
  let encoding: string;
  if (/\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const sheets = await readXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    table = sheets[0]?.data ?? [];
    encoding = 'xlsx';
  } else {
    const decoded = decodeCsv(bytes);
    table = parseCsv(decoded.text);
    encoding = decoded.encoding;
  }
  return { name: file.name, table: table.map((row) => row.map(cellText)), encoding };
}

/**
 * The status and domain words of this UI (核查中, or Verifying in English; 食品 …) turned into the contract's values,
 * which core's import accepts with its own Chinese words: an exported ledger imports again in either language.
 */
export function withUiWords(rows: readonly ClueCell[][], mapping: ClueMapping): ClueCell[][] {
  const status = new Map(CaseStatus.options.map((s) => [t(CASE_STATUS_LABEL[s]).toLowerCase(), s]));
  const domain = new Map(Domain.options.map((d) => [t(`domain_${d}`).toLowerCase(), d]));
  const fix = (cells: ClueCell[], column: number | undefined, words: Map<string, string>) => {
    const cell = column === undefined ? null : cells[column];
    if (column !== undefined && cell) {
      const value = words.get(cell.trim().toLowerCase());
      if (value) cells[column] = value;
    }
  };
  return rows.map((row) => {
    const cells = [...row];
    fix(cells, mapping.status, status);
    fix(cells, mapping.domain, domain);
    return cells;
  });
}

/** The preview of an import: core's own check of every row, in chunks with progress. */
export async function previewClues(
  rows: readonly ClueCell[][], mapping: ClueMapping, onProgress: (p: Progress) => void, firstRow = 2,
): Promise<ClueRows> {
  const result: ClueRows = { good: [], bad: [] };
  onProgress({ done: 0, total: rows.length });
  for (let start = 0; start < rows.length; start += CHUNK) {
    const part = parseClueRows(rows.slice(start, start + CHUNK), mapping, firstRow + start);
    result.good.push(...part.good);
    result.bad.push(...part.bad);
    onProgress({ done: Math.min(rows.length, start + CHUNK), total: rows.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return result;
}

export { CLUE_FIELDS };
