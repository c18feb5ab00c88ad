import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipEntry, crxZip, zipEntryNames } from './zip.ts';

const files = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify({ version: '1.0', padding: 'x'.repeat(2000) })) },
  { name: '_locales/zh_CN/messages.json', data: Buffer.from('{"extName":{"message":"信用透镜"}}') },
  { name: 'icon.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
];

describe('zip', () => {
  it('reads back every file it wrote, deflated or stored, sorted by name', () => {
    const zip = crxZip(files);
    expect(zipEntryNames(zip)).toEqual(['_locales/zh_CN/messages.json', 'icon.png', 'manifest.json']);
    for (const file of files) expect(readZipEntry(zip, file.name)?.equals(file.data)).toBe(true);
    expect(readZipEntry(zip, 'missing.js')).toBeUndefined();
    // The large text is deflated.
    expect(zip.length).toBeLessThan(files.reduce((sum, f) => sum + f.data.length, 0));
  });

  it('writes the same bytes for the same files in any order (reproducible builds)', () => {
    expect(crxZip([...files].reverse()).equals(crxZip(files))).toBe(true);
  });

  it('notices a damaged entry', () => {
    const zip = crxZip([{ name: 'a.txt', data: Buffer.from('stored text') }]);
    const damaged = Buffer.from(zip);
    // The checksum the central directory records for the entry, changed.
    damaged[damaged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16]! ^= 0x01;
    expect(() => readZipEntry(damaged, 'a.txt')).toThrow(/checksum/);
    expect(() => readZipEntry(Buffer.from('not a zip at all, not at all, not at all'), 'a.txt')).toThrow(/not a zip/);
  });

  it('refuses names that would leave the extension folder', () => {
    expect(() => crxZip([{ name: '../evil.js', data: Buffer.alloc(1) }])).toThrow(/bad entry name/);
  });

  it('uses the checksum zip readers expect', () => {
    expect(zlib.crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
