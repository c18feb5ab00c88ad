/**
 * Reading a clue list the user picked, within the import's limits (import-caps.ts): XLSX through read-excel-file
 * (its first sheet, unzipped by xlsx-capped.ts first), CSV through csv.ts (UTF-8 or GBK). Every cell becomes text or
 * null — dates as YYYY-MM-DD, numbers as written — so the rows can travel to the background as they are and be
 * checked there exactly as previewed. Runs in the import worker: nothing here touches the DOM or the i18n API.
 */
import readXlsx from 'read-excel-file/web-worker';
import type { ClueField, ClueMapping } from '#core';
import { decodeCsv, parseCsvCapped } from './csv.ts';
import { checkCap, IMPORT_CAPS } from './import-caps.ts';
import type { UiWords } from './import-messages.ts';
import { headerMapping } from './mapping.ts';
import { storedXlsx, unzipXlsxCapped } from './xlsx-capped.ts';

export type ClueCell = string | null;

export interface ClueFile {
  name: string;
  /** Every row of the file, the first one included. */
  table: ClueCell[][];
  encoding: string;
  /** The mapping the first row gives read as a header; null when it names no field (a list without a header). */
  guessed: Partial<ClueMapping> | null;
}

/** The file as the import sees it: with a header row, the data start at file row 2; without one, at row 1. */
export interface ClueSheet {
  /** The header's cells; without a header, the first row's (shown beside the column letters as examples). */
  labels: ClueCell[];
  rows: ClueCell[][];
  /** The file's row number of rows[0]: what bad rows are reported by. */
  firstRow: 1 | 2;
}

export class NoSheetError extends Error {}

export function sheetOf(table: ClueCell[][], hasHeader: boolean): ClueSheet {
  const [first = [], ...rest] = table;
  return hasHeader ? { labels: first, rows: rest, firstRow: 2 } : { labels: first, rows: table, firstRow: 1 };
}

function cellText(cell: unknown): ClueCell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return String(cell);
}

const isZip = (name: string, bytes: Uint8Array) => /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

/**
 * The file's rows as text. Over a limit it throws OverCapError — the file's size before reading it, an XLSX's
 * unzipped size while unzipping, the rows (the header not counted) once parsed.
 */
export async function readClueFile(
  file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> },
  headings: Partial<Record<ClueField, string>> = {},
): Promise<ClueFile> {
  checkCap('fileBytes', file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let table: unknown[][];
  let count: number;
  let encoding: string;
  if (isZip(file.name, bytes)) {
    const sheets = await readXlsx(storedXlsx(unzipXlsxCapped(bytes)));
    if (!sheets[0]) throw new NoSheetError('no sheet');
    table = sheets[0].data;
    count = table.length;
    encoding = 'xlsx';
  } else {
    const decoded = decodeCsv(bytes);
    // One row more than the limit allows, besides a header: enough to know the file is over it.
    ({ rows: table, count } = parseCsvCapped(decoded.text, IMPORT_CAPS.rows + 2));
    encoding = decoded.encoding;
  }
  const first = (table[0] ?? []).map(cellText);
  const guessed = headerMapping(first, headings);
  checkCap('rows', count - (guessed ? 1 : 0));
  return { name: file.name, table: table.map((row) => row.map(cellText)), encoding, guessed };
}

/**
 * The status and domain words of this UI (核查中, or Verifying in English; 食品 …) turned into the contract's values,
 * which core's import accepts with its own Chinese words: an exported ledger imports again in either language.
 */
export function withUiWords(rows: readonly ClueCell[][], mapping: ClueMapping, words: UiWords): ClueCell[][] {
  const status = new Map(Object.entries(words.status));
  const domain = new Map(Object.entries(words.domain));
  const fix = (cells: ClueCell[], column: number | undefined, known: Map<string, string>) => {
    const cell = column === undefined ? null : cells[column];
    if (column !== undefined && cell) {
      const value = known.get(cell.trim().toLowerCase());
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
