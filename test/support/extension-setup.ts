/**
 * Extension code under vitest: WXT's fake browser has no i18n, so messages come from the real Chinese messages
 * file (the default locale), with Chrome's $1…$9 substitution. Reapplied before each test: fakeBrowser.reset() clears it.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// A path, not `new URL('…', import.meta.url)`: under happy-dom (component tests) Vite rewrites that pattern into a
// web asset URL (http://localhost:3000/…), which readFileSync refuses.
const MESSAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../../extension/public/_locales/zh_CN/messages.json');
const messages = JSON.parse(readFileSync(MESSAGES, 'utf8')) as Record<string, { message: string }>;

function getMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
}

function install(): void {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'zh-CN' });
}

install();
beforeEach(install);
