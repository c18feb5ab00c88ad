/**
 * Reading the zip inside a CRX far enough to take one file out of an archive someone else wrote (`wxt zip`, 7-Zip,
 * …), with its checksum verified. Only what extensions need: no zip64, no encryption, stored or deflated entries.
 * Writing is core's one ZIP writer.
 */
import zlib from 'node:zlib';
import { writeZip, type ZipEntry } from '#core';

/** The zip a CRX holds, deflated hardest (the same files give the same bytes), as a Buffer for crx3.ts. */
export function crxZip(files: readonly ZipEntry[]): Buffer {
  const zip = writeZip(files, 9);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

type Entry = { name: string; method: number; compressedSize: number; size: number; crc: number; localOffset: number };

function centralDirectory(zip: Buffer): Entry[] {
  // The end record is the last 22 bytes, unless a comment (at most 65535 bytes) follows it.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error('zip central directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names of the entries in a zip archive. */
export function zipEntryNames(zip: Buffer): string[] {
  return centralDirectory(zip).map((entry) => entry.name);
}

/** One file of a zip archive, or undefined when there is none of that name; throws on a damaged archive. */
export function readZipEntry(zip: Buffer, name: string, maxBytes = 16 * 1024 * 1024): Buffer | undefined {
  const entry = centralDirectory(zip).find((e) => e.name === name);
  if (!entry) return undefined;
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw new Error(`zip entry ${name}: bad local header`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const body = zip.subarray(start, start + entry.compressedSize);
  if (body.length !== entry.compressedSize) throw new Error(`zip entry ${name}: truncated`);
  if (entry.size > maxBytes) throw new Error(`zip entry ${name}: larger than ${maxBytes} bytes`);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(body);
  else if (entry.method === 8) data = zlib.inflateRawSync(body, { maxOutputLength: maxBytes });
  else throw new Error(`zip entry ${name}: compression method ${entry.method} is not supported`);
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc) throw new Error(`zip entry ${name}: checksum mismatch`);
  return data;
}
