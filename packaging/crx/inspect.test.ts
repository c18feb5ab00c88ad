import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publicKeyDerOf, writeCrx3 } from './crx3.ts';
import { compareVersions, inspectCrx, isChromeVersion } from './inspect.ts';
import { crxZip } from './zip.ts';

const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const spki = (k: crypto.KeyObject) => publicKeyDerOf(k).toString('base64');
const crxWith = (manifest: Record<string, unknown> | string, signer = key) =>
  writeCrx3(
    crxZip([{ name: 'manifest.json', data: Buffer.from(typeof manifest === 'string' ? manifest : JSON.stringify(manifest)) }]),
    signer,
  );

describe('inspectCrx', () => {
  it('accepts a signed build whose manifest carries the signing key and a version', () => {
    const result = inspectCrx(
      crxWith({ version: '1.2.3', key: spki(key), update_url: 'https://x.example/extension/update.xml', minimum_chrome_version: '92' }),
    );
    expect(result).toMatchObject({
      ok: true,
      manifest: { version: '1.2.3', update_url: 'https://x.example/extension/update.xml', minimum_chrome_version: '92' },
    });
  });

  it.each([
    ['no key in the manifest', { version: '1.0' }, /has no "key"/],
    ['the key of another extension', { version: '1.0', key: spki(other) }, /not the key that signed/],
    ['a version Chrome would refuse', { version: '1.0-beta', key: spki(key) }, /not a Chrome version/],
    ['no version', { key: spki(key) }, /not a Chrome version/],
  ])('refuses a build with %s', (_, manifest, problem) => {
    const result = inspectCrx(crxWith(manifest));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(problem);
  });

  it('refuses a manifest that is not JSON, and an archive without one', () => {
    expect(inspectCrx(crxWith('{ not json'))).toMatchObject({ ok: false, problems: [expect.stringMatching(/cannot be read/)] });
    expect(inspectCrx(writeCrx3(crxZip([{ name: 'x.js', data: Buffer.from('') }]), key))).toEqual({
      ok: false,
      problems: ['the archive has no manifest.json'],
    });
  });

  it('refuses a file whose signature does not verify', () => {
    const crx = crxWith({ version: '1.0', key: spki(key) });
    crx[crx.length - 40]! ^= 1;
    expect(inspectCrx(crx)).toMatchObject({ ok: false, problems: [expect.stringMatching(/signature|checksum|zip/)] });
  });
});

describe('Chrome versions', () => {
  it.each([
    ['1', true],
    ['0.1.0', true],
    ['1.2.3.4', true],
    ['65535.0', true],
    ['1.2.3.4.5', false],
    ['01.2', false],
    ['1.65536', false],
    ['1.a', false],
    ['', false],
  ])('%s is a Chrome version: %s', (version, valid) => expect(isChromeVersion(version)).toBe(valid));

  it.each([
    ['1.2', '1.2.0', 0],
    ['1.10', '1.9', 1],
    ['0.1.0', '0.1.1', -1],
    ['2', '1.99.99.99', 1],
    ['1.0.0.1', '1', 1],
  ])('compares %s with %s as %d', (a, b, order) => expect(compareVersions(a, b)).toBe(order));
});
