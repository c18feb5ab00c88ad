/**
 * The import worker's work, apart from the worker itself so tests and the benchmark can run it in place: read the
 * file (clue-file.ts), check every row with core's parseClueRows after the user's mapping, and hand over the rows to
 * import. It keeps the file's rows between messages; the page only ever holds the first row and the figures.
 */
import { CLUE_FIELDS, parseClueRows, type ClueMapping } from '#core';
import { NoSheetError, readClueFile, sheetOf, withUiWords, type ClueCell } from './clue-file.ts';
import { checkCap, OverCapError } from './import-caps.ts';
import type { BadRow, FromWorker, ToWorker, UiWords } from './import-messages.ts';
import { CHUNK } from './progress.ts';
import { BadZipError } from './xlsx-capped.ts';

/** How many bad rows are sent to the page to be listed; the rest are counted. */
export const BAD_SHOWN = 200;

type Checked = { rows: ClueCell[][]; mapping: ClueMapping; firstRow: number; bad: Set<number> };

/** What an unreadable file is, for the page to say: read-excel-file and fflate throw these on a broken XLSX. */
function unreadable(error: unknown): FromWorker {
  if (error instanceof NoSheetError) return { type: 'unreadable', kind: 'no-sheet' };
  const zipLike =
    error instanceof BadZipError ||
    (error instanceof Error && (typeof (error as { code?: unknown }).code === 'number' || error.name === 'InvalidInputError'));
  return { type: 'unreadable', kind: zipLike ? 'not-xlsx' : 'other' };
}

/** Only the mapped columns, in field order; a bad row's cells blanked, so the background skips it as a blank line. */
function toImport({ rows, mapping, firstRow, bad }: Checked): Extract<FromWorker, { type: 'rows' }> {
  const fields = CLUE_FIELDS.filter((field) => mapping[field] !== undefined);
  const compact = Object.fromEntries(fields.map((field, i) => [field, i])) as ClueMapping;
  return {
    type: 'rows',
    mapping: compact,
    firstRow,
    rows: rows.map((cells, i) => fields.map((field) => (bad.has(i) ? null : (cells[mapping[field]!] ?? null)))),
  };
}

export function importJob(post: (message: FromWorker) => void) {
  let table: ClueCell[][] | null = null;
  let words: UiWords = { status: {}, domain: {} };
  let checked: Checked | null = null;

  const check = (seq: number, mapping: ClueMapping, hasHeader: boolean) => {
    if (!table) return;
    const sheet = sheetOf(table, hasHeader);
    checkCap('rows', sheet.rows.length);
    const rows = withUiWords(sheet.rows, mapping, words);
    const bad: BadRow[] = [];
    const badIndex = new Set<number>();
    let good = 0;
    post({ type: 'progress', phase: 'checking', done: 0, total: rows.length });
    for (let start = 0; start < rows.length; start += CHUNK) {
      const part = parseClueRows(rows.slice(start, start + CHUNK), mapping, sheet.firstRow + start);
      good += part.good.length;
      for (const { row, problems } of part.bad) {
        badIndex.add(row - sheet.firstRow);
        if (bad.length < BAD_SHOWN) bad.push({ row, problems });
      }
      post({ type: 'progress', phase: 'checking', done: Math.min(rows.length, start + CHUNK), total: rows.length });
    }
    checked = { rows, mapping, firstRow: sheet.firstRow, bad: badIndex };
    post({ type: 'checked', seq, good, bad, badCount: badIndex.size });
  };

  return async (message: ToWorker): Promise<void> => {
    try {
      if (message.type === 'read') {
        words = message.words;
        post({ type: 'progress', phase: 'reading', done: 0, total: message.file.size });
        const file = await readClueFile(
          { name: message.name, size: message.file.size, arrayBuffer: () => message.file.arrayBuffer() },
          message.headings,
        );
        table = file.table;
        post({ type: 'read', encoding: file.encoding, first: table[0] ?? [], rows: table.length, guessed: file.guessed });
      } else if (message.type === 'check') {
        checked = null;
        check(message.seq, message.mapping, message.hasHeader);
      } else if (checked) {
        post(toImport(checked));
      }
    } catch (error) {
      if (error instanceof OverCapError) post({ type: 'refused', over: error.over });
      else post(unreadable(error));
    }
  };
}
