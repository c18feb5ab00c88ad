/**
 * CSV for the ledger: reading a clue list (RFC 4180 — quoted fields with commas, doubled quotes and line breaks;
 * CRLF, LF or CR lines; a byte-order mark). The export is written by core's one CSV writer (csvText). Files saved by Excel in China are often GBK: bytes that are not valid UTF-8 are read as GBK
 * (GB18030, its superset, which TextDecoder knows as 'gbk').
 */

/** The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // ignoreBOM false (the default): a UTF-8 BOM is dropped by the decoder.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** The delimiter of the first line: a tab when it has tabs and no commas outside quotes, a semicolon likewise, else a comma. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/)).replace(/"[^"]*"/g, '');
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  return first.includes(';') ? ';' : ',';
}

/** Rows of cells; a line break at the very end adds no row, blank lines are kept as rows with one empty cell. */
export function parseCsv(input: string): string[][] {
  return parseCsvCapped(input, Number.POSITIVE_INFINITY).rows;
}

/**
 * parseCsv keeping at most `keep` rows: `count` is every row of the file, so a list past the import's row limit is
 * refused with its real size without holding all of it. Unquoted cells are cut out whole, not built a character at
 * a time (a 20 MB list is parsed in a fraction of a second).
 */
export function parseCsvCapped(input: string, keep: number): { rows: string[][]; count: number } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = delimiterOf(text).charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const rows: string[][] = [];
  let count = 0;
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const endRow = () => {
    if (count < keep) rows.push(row);
    count++;
    row = [];
  };
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted: up to the closing quote, a doubled quote standing for one; then the rest of the cell as written.
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const start = i;
      while (i < n && text.charCodeAt(i) !== delimiter && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
      cell = value + text.slice(start, i);
    } else {
      const start = i;
      while (i < n && text.charCodeAt(i) !== delimiter && text.charCodeAt(i) !== CR && text.charCodeAt(i) !== LF) i++;
      cell = text.slice(start, i);
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    const ch = text.charCodeAt(i);
    i++;
    if (ch === delimiter) {
      if (i >= n) {
        row.push('');
        endRow();
      }
      continue;
    }
    if (ch === CR && text.charCodeAt(i) === LF) i++;
    endRow();
  }
  return { rows, count };
}
