/**
 * The built extension asks for the least that works: host access only to the credit sites, from the adapters'
 * own match patterns (never typed twice), and its texts exist in Chinese and English.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allMatchPatterns } from '#core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = `${ROOT}extension/public/_locales/`;

describe('extension manifest', () => {
  it('is built with host permissions derived from the site registry and no other permission than storage', () => {
    execFileSync(process.execPath, [`${ROOT}node_modules/wxt/bin/wxt.mjs`, 'build'], { cwd: ROOT, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(`${ROOT}.output/chrome-mv3/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(allMatchPatterns());
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.default_locale).toBe('zh_CN');
  });

  it('has every message in Chinese and English', () => {
    const keys = (lang: string) => Object.keys(JSON.parse(readFileSync(`${LOCALES}${lang}/messages.json`, 'utf8')) as object).sort();
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'zh_CN']);
    expect(keys('en')).toEqual(keys('zh_CN'));
  });
});
