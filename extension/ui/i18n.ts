/**
 * Every text of the UI comes from the extension's messages (public/_locales/<lang>/messages.json): Chinese by
 * default, English when the browser's language is English. Keys are typed from the Chinese file, so a missing key
 * is a type error; the manifest test checks both files have the same keys.
 */
import type messages from '../public/_locales/zh_CN/messages.json';
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof messages;

/** The text of `key`, with $1…$9 replaced by `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const text = browser.i18n.getMessage(key as '@@ui_locale', subs.map(String));
  return text === '' ? key : text;
}

/** The language the UI is shown in, to pick the matching side of core's bilingual texts (findings). */
export function uiLanguage(): 'zh' | 'en' {
  return t('lang') === 'en' ? 'en' : 'zh';
}
