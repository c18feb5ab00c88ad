/**
 * Every text of the UI comes from the extension's messages (public/_locales/<lang>/messages.json): Chinese by
 * default, English when the browser's language is English. Keys are typed from the Chinese file, so a missing key
 * is a type error; the manifest test checks both files have the same keys.
 *
 * The catalogs are read from the bundle, not through `i18n.getMessage`: in a content script the first getMessage
 * waits for the browser to send the extension's messages (3–7 ms measured on a credit page, before our panel could
 * paint). The catalog is the one the browser picks (ADR 0016, docs/adr/0016-messages-from-the-bundle.md).
 */
import zhCN from '../public/_locales/zh_CN/messages.json';
import en from '../public/_locales/en/messages.json';
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof zhCN;

type Catalog = Readonly<Record<string, { message: string } | undefined>>;

/** The manifest's default_locale: what the browser shows when no catalog matches its language. */
const DEFAULT_LOCALE = 'zh_CN';
const CATALOGS: Readonly<Record<string, Catalog>> = { zh_CN: zhCN, en };

/** The browser's choice for a UI language (zh-CN, en-US…): the exact locale, then its language, then the default. */
export function catalogLocale(uiLanguage: string): string {
  const tag = uiLanguage.replace(/-/g, '_');
  const language = tag.split('_')[0] ?? '';
  return [tag, language].find((locale) => locale in CATALOGS) ?? DEFAULT_LOCALE;
}

let catalog: Catalog | undefined;

/** The text of `key`, with $1…$9 replaced by `subs` ($$ is a dollar sign), as getMessage does. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  catalog ??= CATALOGS[catalogLocale(browser.i18n.getUILanguage())];
  // A key the chosen language lacks is taken from the default catalog, as the browser does.
  const message = catalog?.[key]?.message ?? CATALOGS[DEFAULT_LOCALE]?.[key]?.message;
  if (message === undefined) return key;
  if (!message.includes('$')) return message;
  return message.replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : String(subs[Number(n) - 1] ?? '')));
}

/** The language the UI is shown in, to pick the matching side of core's bilingual texts (findings). */
export function uiLanguage(): 'zh' | 'en' {
  return t('lang') === 'en' ? 'en' : 'zh';
}
