/**
 * The zip inside a CRX: written deterministically (entries sorted by name, deflated, every timestamp 1980-01-01, so
 * the same files give the same bytes), and read back far enough to take one file out of an archive someone else
 * wrote (`wxt zip`, 7-Zip, …). Only what extensions need: no zip64, no encryption, stored or deflated entries.
 */
import zlib from 'node:zlib';

export type ZipFile = { name: string; data: Uint8Array };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 1980-01-01 00:00 in MS-DOS date/time: the earliest a zip can say; a fixed value keeps builds reproducible. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8 = 0x0800;

/** A zip of `files`, sorted by name; names use forward slashes and no leading slash. */
export function writeZip(files: ZipFile[]): Buffer {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of sorted) {
    if (file.name.startsWith('/') || file.name.includes('\\') || file.name.split('/').includes('..')) throw new Error(`zip: bad entry name ${file.name}`);
    const name = Buffer.from(file.name, 'utf8');
    const crc = zlib.crc32(file.data);
    const deflated = zlib.deflateRawSync(file.data, { level: 9 });
    const stored = deflated.length >= file.data.length;
    const body = stored ? Buffer.from(file.data) : deflated;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  if (offset > 0xffffffff || sorted.length > 0xffff) throw new Error('zip: too large (zip64 is not supported)');
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

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
