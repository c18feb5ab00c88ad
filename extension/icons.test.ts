/** The extension's icon in every size the manifest names (WXT lists public/icon/<size>.png in manifest.icons). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('extension icon', () => {
  it.each([16, 32, 48, 128])('icon/%i.png is a %i-pixel square PNG with transparency', (size) => {
    const png = readFileSync(fileURLToPath(new URL(`public/icon/${size}.png`, import.meta.url)));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height (big-endian) at bytes 16 and 20, colour type 6 (RGBA) at byte 25.
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).toEqual([size, size, 6]);
  });
});
