import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionIdOf, publicKeyDerOf, writeCrx3 } from '../packaging/crx/crx3.ts';
import { crxZip } from '../packaging/crx/zip.ts';
import { publishExtension, readPublished, updateXml } from './extension-updates.ts';

const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const otherKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const UPDATE_URL = 'https://creditlens.example.gov.cn/extension/update.xml';
const NOW = new Date('2026-11-30T08:00:00Z');

function build(version: string, options: { signer?: crypto.KeyObject; updateUrl?: string | null } = {}): Buffer {
  const signer = options.signer ?? key;
  const manifest = {
    manifest_version: 3,
    name: 'CreditLens',
    version,
    key: publicKeyDerOf(signer).toString('base64'),
    minimum_chrome_version: '92',
    ...(options.updateUrl === null ? {} : { update_url: options.updateUrl ?? UPDATE_URL }),
  };
  return writeCrx3(crxZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }]), signer);
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-ext-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Parses as XML (happy-dom reports malformed XML as a parsererror element). */
function parseXml(text: string): Document {
  const document = new new Window().DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

describe('publishExtension', () => {
  it('stores a verified build and records what update.xml will say', () => {
    const dir = dataDir();
    const crx = build('1.0.0');
    const result = publishExtension(dir, crx, NOW);
    expect(result).toMatchObject({
      ok: true,
      published: {
        id: extensionIdOf(publicKeyDerOf(key)),
        version: '1.0.0',
        file: 'creditlens-1.0.0.crx',
        bytes: crx.length,
        sha256: crypto.createHash('sha256').update(crx).digest('hex'),
        codebase: 'https://creditlens.example.gov.cn/extension/creditlens-1.0.0.crx',
        prodversionmin: '92',
        publishedAt: NOW.toISOString(),
      },
    });
    expect(fs.readFileSync(path.join(dir, 'extension/creditlens-1.0.0.crx')).equals(crx)).toBe(true);
    expect(readPublished(dir)?.version).toBe('1.0.0');
  });

  it('refuses a version that is not higher than the published one, and changes nothing', () => {
    const dir = dataDir();
    expect(publishExtension(dir, build('1.2.0'), NOW).ok).toBe(true);
    for (const version of ['1.2.0', '1.2', '1.1.9', '0.9']) {
      const result = publishExtension(dir, build(version), NOW);
      expect(result).toEqual({
        ok: false,
        problems: [`version ${version} is not higher than the published 1.2.0: raise "version" in package.json and package again`],
      });
    }
    expect(readPublished(dir)?.version).toBe('1.2.0');
    expect(fs.readdirSync(path.join(dir, 'extension')).sort()).toEqual(['creditlens-1.2.0.crx', 'published.json']);
    expect(publishExtension(dir, build('1.2.0.1'), NOW)).toMatchObject({
      ok: true,
      previous: { version: '1.2.0' },
      published: { version: '1.2.0.1' },
    });
  });

  it('refuses a build signed with another key than the published extension\u2019s', () => {
    const dir = dataDir();
    publishExtension(dir, build('1.0'), NOW);
    const result = publishExtension(dir, build('2.0', { signer: otherKey }), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/signed with another key/);
  });

  it('refuses a build that cannot update itself, or looks for updates elsewhere', () => {
    expect(publishExtension(dataDir(), build('1.0', { updateUrl: null }), NOW)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/no update_url/)],
    });
    expect(publishExtension(dataDir(), build('1.0', { updateUrl: 'https://clients2.google.com/service/update2/crx' }), NOW)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/is not a sync server/)],
    });
  });

  it('refuses a build whose update_url gives no http(s) address for the file, and writes nothing', () => {
    for (const updateUrl of ['x/extension/update.xml', 'javascript:alert(1)//extension/update.xml']) {
      const dir = dataDir();
      expect(publishExtension(dir, build('1.0', { updateUrl }), NOW)).toMatchObject({
        ok: false,
        problems: [expect.stringMatching(/invalid codebase/)],
      });
      expect(fs.existsSync(path.join(dir, 'extension'))).toBe(false);
    }
  });

  it('refuses a tampered file before looking at anything else', () => {
    const dir = dataDir();
    const crx = build('1.0');
    crx[crx.length - 50]! ^= 0x55;
    expect(publishExtension(dir, crx, NOW)).toMatchObject({ ok: false, problems: [expect.stringMatching(/signature does not verify/)] });
    expect(fs.existsSync(path.join(dir, 'extension'))).toBe(false);
  });
});

describe('update.xml', () => {
  it('is XML in the gupdate format with the published id, version, codebase and hash', () => {
    const dir = dataDir();
    const result = publishExtension(dir, build('3.1.4'), NOW);
    if (!result.ok) throw new Error(result.problems.join());
    const document = parseXml(updateXml(result.published));
    const root = document.documentElement;
    expect([root.localName, root.namespaceURI, root.getAttribute('protocol')]).toEqual([
      'gupdate',
      'http://www.google.com/update2/response',
      '2.0',
    ]);
    const apps = root.getElementsByTagName('app');
    expect(apps).toHaveLength(1);
    expect(apps[0]!.getAttribute('appid')).toBe(extensionIdOf(publicKeyDerOf(key)));
    const check = apps[0]!.getElementsByTagName('updatecheck')[0]!;
    expect(check.getAttribute('version')).toBe('3.1.4');
    expect(check.getAttribute('codebase')).toBe('https://creditlens.example.gov.cn/extension/creditlens-3.1.4.crx');
    expect(check.getAttribute('hash_sha256')).toBe(result.published.sha256);
    expect(check.getAttribute('prodversionmin')).toBe('92');
  });

  it('escapes what would break the XML', () => {
    const text = updateXml({
      id: 'a'.repeat(32),
      version: '1.0',
      file: 'creditlens-1.0.crx',
      sha256: '0'.repeat(64),
      bytes: 1,
      codebase: 'https://x.example/a&b"c<d>/extension/creditlens-1.0.crx',
      publishedAt: NOW.toISOString(),
    });
    expect(parseXml(text).getElementsByTagName('updatecheck')[0]!.getAttribute('codebase')).toBe(
      'https://x.example/a&b"c<d>/extension/creditlens-1.0.crx',
    );
  });
});
