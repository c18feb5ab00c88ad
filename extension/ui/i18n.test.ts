import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogLocale, t, uiLanguage, type MessageKey } from './i18n.ts';

// A path, not `new URL('…', import.meta.url)`, which Vite rewrites under happy-dom (test/support/extension-setup.ts).
const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../public/_locales/zh_CN/messages.json');
const zh = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, { message: string }>;

describe('catalogLocale: the catalog the browser would pick', () => {
  it.each([
    ['zh-CN', 'zh_CN'],
    ['zh', 'zh_CN'],
    ['zh-TW', 'zh_CN'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh_CN'],
    ['', 'zh_CN'],
  ])('%s → %s', (ui, locale) => {
    expect(catalogLocale(ui)).toBe(locale);
  });
});

describe('t', () => {
  it('gives every message of the Chinese catalog as it is written when it has no substitutions', () => {
    for (const [key, { message }] of Object.entries(zh)) if (!message.includes('$')) expect(t(key as MessageKey)).toBe(message);
    expect(uiLanguage()).toBe('zh');
  });

  it('replaces $1…$9 with the substitutions, and a missing one with nothing, as getMessage does', () => {
    const [key, { message }] = Object.entries(zh).find(([, m]) => m.message.includes('$1')) as [MessageKey, { message: string }];
    expect(t(key, 'X', 'Y', 'Z')).toBe(message.replace(/\$1/g, 'X').replace(/\$2/g, 'Y').replace(/\$3/g, 'Z'));
    expect(t(key)).toBe(message.replace(/\$[1-9]/g, ''));
  });
});
