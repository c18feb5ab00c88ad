/**
 * The one CSV writer of the project (command-line batch, ledger export, 工作情况表): UTF-8 with a byte-order mark and
 * CRLF lines so Excel and WPS open it as Chinese text, fields quoted as RFC 4180 says, and formula-safe — text from
 * web pages and users never starts a cell with = + - @, a tab or a carriage return, which spreadsheets would run.
 */

export type CsvCell = string | number | null;

/** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, shift it into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: CsvCell): string {
  // Numbers are written as numbers: -5 is a value, not a formula.
  const text = cell === null ? '' : String(cell);
  const safe = typeof cell === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
