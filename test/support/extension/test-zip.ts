/**
 * Zips for the import's tests, written byte by byte so a test can state sizes the data does not keep: a zip bomb
 * whose central directory tells the truth, and one that claims its part is small.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content, deflated here. */
  data: Uint8Array;
  /** The uncompressed size the headers state; the real one when left out. */
  claimed?: number;
}

/** A zip of deflated parts, each with a local header, then the central directory and its end record. */
export function zipBytes(parts: readonly ZipPart[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = deflateRawSync(part.data, { level: 9 });
    const size = part.claimed ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    directory.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...directory, end]));
}

/** About `mb` MB of one repeated sheet row: deflated, some 1/1000 of that — 200 MB make a zip of about 200 KB. */
export function bombXlsx(mb: number, { lie }: { lie: boolean }): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(mb * 1024 * 1024).fill(0x20);
  return zipBytes([
    { name: '[Content_Types].xml', data: new TextEncoder().encode('<?xml version="1.0"?><Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data, ...(lie ? { claimed: 1_000 } : {}) },
  ]);
}
