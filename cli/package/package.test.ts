import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyCrx3 } from '../../packaging/crx/crx3.ts';
import { readSigningKey, signingKey } from './keys.ts';
import { packDirectory, updateUrlOf } from './package.ts';
import { readZipEntry, zipEntryNames } from '../../packaging/crx/zip.ts';

const dirs: string[] = [];
const temporary = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-package-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('update URL', () => {
  it.each([
    ['https://creditlens.example.gov.cn', 'https://creditlens.example.gov.cn/extension/update.xml'],
    ['https://creditlens.example.gov.cn/', 'https://creditlens.example.gov.cn/extension/update.xml'],
    ['wss://creditlens.example.gov.cn', 'https://creditlens.example.gov.cn/extension/update.xml'],
    ['ws://127.0.0.1:1234', 'http://127.0.0.1:1234/extension/update.xml'],
    ['https://x.example/creditlens/', 'https://x.example/creditlens/extension/update.xml'],
    ['https://x.example/extension/update.xml', 'https://x.example/extension/update.xml'],
  ])('%s → %s', (configured, expected) => expect(updateUrlOf(configured)).toBe(expected));

  it.each(['creditlens.example.gov.cn', 'ftp://x.example', 'https://x.example/?a=1'])('refuses %s', (configured) => {
    expect(() => updateUrlOf(configured)).toThrow(/CREDITLENS_UPDATE_URL/);
  });
});

describe('signing key', () => {
  it('generates the development key once, at the given path, owner-only, warning every time it is used', () => {
    const devKey = path.join(temporary(), 'keys/dev.pem');
    const warnings: string[] = [];
    const first = signingKey({}, devKey, (line) => warnings.push(line));
    expect(first.development).toBe(true);
    expect(fs.statSync(devKey).mode & 0o777).toBe(0o600);
    expect(warnings.join('\n')).toMatch(/DEVELOPMENT key .*generated just now[\s\S]*Do not deploy/);
    warnings.length = 0;
    const second = signingKey({}, devKey, (line) => warnings.push(line));
    expect(second.privateKey.export({ type: 'pkcs8', format: 'pem' })).toBe(first.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(warnings.join('\n')).toMatch(/DEVELOPMENT key/);
    expect(warnings.join('\n')).not.toMatch(/generated/);
  });

  it('uses the key CREDITLENS_CRX_KEY names, silently, and never generates one then', () => {
    const dir = temporary();
    const file = path.join(dir, 'agency.pem');
    fs.writeFileSync(file, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const warnings: string[] = [];
    const key = signingKey({ CREDITLENS_CRX_KEY: file }, path.join(dir, 'dev.pem'), (line) => warnings.push(line));
    expect(key).toMatchObject({ development: false, path: file });
    expect(warnings).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'dev.pem'))).toBe(false);
  });

  it('refuses a missing file, a non-key, an EC key and a short RSA key with a reason', () => {
    const dir = temporary();
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    expect(() => readSigningKey(path.join(dir, 'missing.pem'))).toThrow(/cannot read .*ENOENT/);
    expect(() => readSigningKey(write('text.pem', 'hello'))).toThrow(/not a PEM private key/);
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => readSigningKey(write('ec.pem', ec))).toThrow(/ec key/);
    const short = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(() => readSigningKey(write('short.pem', short))).toThrow(/1024-bit/);
  });
});

describe('packDirectory', () => {
  it('zips every file of the folder, nested ones too, into a CRX signed with the key', () => {
    const dir = temporary();
    fs.mkdirSync(path.join(dir, '_locales/en'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"version":"1.0"}');
    fs.writeFileSync(path.join(dir, '_locales/en/messages.json'), '{}');
    const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const crx = verifyCrx3(packDirectory(dir, key));
    expect(crx.ok).toBe(true);
    if (!crx.ok) return;
    expect(zipEntryNames(crx.archive)).toEqual(['_locales/en/messages.json', 'manifest.json']);
    expect(readZipEntry(crx.archive, 'manifest.json')?.toString()).toBe('{"version":"1.0"}');
    expect(() => packDirectory(temporary(), key)).toThrow(/no manifest.json/);
  });
});
