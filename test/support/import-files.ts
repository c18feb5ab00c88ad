/**
 * Clue lists made on the fly for the import's browser test and benchmark (never committed): a CSV of a given size in
 * rows with long notes, and the 200 KB zip bomb (an XLSX whose sheet unzips to 200 MB, its sizes stated falsely).
 */
import { bombXlsx } from './extension/test-zip.ts';

/** `rows` clues (a header first), each row padded with a note to about `bytes / rows` bytes of UTF-8. */
export function bigCsv(rows: number, bytes: number): Buffer {
  const head = '主体名称,统一社会信用代码,处理状态,备注\r\n';
  const line = (i: number) => `示例市第${i}号食品有限公司,,核查中,`;
  const pad = Math.max(0, Math.floor(bytes / rows) - Buffer.byteLength(line(0)) - 2);
  const note = '过期原料'.repeat(Math.ceil(pad / 12)).slice(0, Math.floor(pad / 3));
  const parts = [head];
  for (let i = 0; i < rows; i++) parts.push(`${line(i)}${note}\r\n`);
  return Buffer.from(parts.join(''));
}

export const zipBomb = (): Uint8Array => bombXlsx(200, { lie: true });
