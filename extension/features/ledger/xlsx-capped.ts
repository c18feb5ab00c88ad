/**
 * Unzipping an XLSX without trusting it: the central directory's uncompressed sizes are added up before anything is
 * inflated, and the bytes actually inflated are counted while inflating (a zip may state sizes it does not keep), so
 * a zip bomb stops at IMPORT_CAPS.xlsxBytes. The XML parts that pass are zipped again without compression for
 * read-excel-file, whose own unzip then only copies them.
 */
import { Inflate, zipSync } from 'fflate';
import { checkCap } from './import-caps.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Compressed bytes pushed at a time: one push inflates at most about a thousand times as much. */
const PUSH = 8 * 1024;

export class BadZipError extends Error {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** read-excel-file reads only the XML parts and their relations. */
const wanted = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

function directory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new BadZipError('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new BadZipError('bad central directory');
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    // ZIP64 marks its sizes 0xffffffff: no clue list needs 4 GB, so it is taken as the size it claims.
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function dataOf(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL_HEADER)
    throw new BadZipError(`bad local header of ${entry.name}`);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressed > bytes.length) throw new BadZipError(`${entry.name} runs past the end`);
  return bytes.subarray(start, start + entry.compressed);
}

/** Inflates one part, counting against what the earlier parts used; past the cap it stops at once. */
function inflate(data: Uint8Array, entry: Entry, usedBefore: number): Uint8Array {
  if (entry.method === 0) {
    checkCap('xlsxBytes', usedBefore + data.length);
    return data.slice();
  }
  if (entry.method !== 8) throw new BadZipError(`${entry.name}: compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let inflated = 0;
  const stream = new Inflate((chunk) => {
    chunks.push(chunk);
    inflated += chunk.length;
  });
  for (let at = 0; at < data.length; at += PUSH) {
    stream.push(data.subarray(at, at + PUSH), at + PUSH >= data.length);
    checkCap('xlsxBytes', usedBefore + inflated);
  }
  if (data.length === 0) stream.push(data, true);
  const out = new Uint8Array(inflated);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The XLSX's XML parts, inflated within the cap (OverCapError past it, BadZipError when it is no zip). */
export function unzipXlsxCapped(bytes: Uint8Array): Record<string, Uint8Array> {
  const entries = directory(bytes).filter((entry) => wanted(entry.name));
  checkCap(
    'xlsxBytes',
    entries.reduce((sum, entry) => sum + entry.size, 0),
  );
  const parts: Record<string, Uint8Array> = {};
  let used = 0;
  for (const entry of entries) {
    const part = inflate(dataOf(bytes, entry), entry, used);
    used += part.length;
    parts[entry.name] = part;
  }
  return parts;
}

/** The checked parts as a zip without compression: what read-excel-file reads in place of the file picked. */
export function storedXlsx(parts: Record<string, Uint8Array>): ArrayBuffer {
  return zipSync(parts, { level: 0 }).buffer;
}
