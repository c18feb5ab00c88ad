/**
 * The project's one ZIP writer, on fflate: the work report's and the ledger's XLSX files (in the extension and on the
 * server) and the CRX package. Deterministic — entries sorted by name, every timestamp 1980-01-01 00:00 — so the same
 * files give the same bytes. Names are UTF-8, relative, with forward slashes.
 */
import { zipSync, type ZipOptions, type Zippable } from 'fflate';

export type ZipEntry = { name: string; data: Uint8Array };

/** Local midnight, 1980-01-01: fflate writes the DOS date from local time, so this is the same stamp in any zone. */
const FIXED_TIME = new Date(1980, 0, 1);

/** `level`: 0 stores, 1–9 deflate. */
export function writeZip(files: readonly ZipEntry[], level: ZipOptions['level'] = 6): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (file.name === '' || file.name.startsWith('/') || file.name.includes('\\') || file.name.split('/').includes('..'))
      throw new Error(`zip: bad entry name ${file.name}`);
    if (file.name in entries) throw new Error(`zip: ${file.name} twice`);
    entries[file.name] = [file.data, { level, mtime: FIXED_TIME }];
  }
  return zipSync(entries);
}
