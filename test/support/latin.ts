/**
 * English left in the Chinese UI: a text with Latin words and no Chinese beside them. Codes, numbers, URLs and names sit
 * inside Chinese sentences, or are allowed by the caller (a USCC, an address, a person's name) — see `latinOnlyTexts`.
 */
export const HAN = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

export function latinOnly(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text) && !HAN.test(text);
}

/** What may stand alone in Latin letters: a URL or address, an identifier (USCC, 注册号, NGIDERRORCODE), an ISO date/time, a key like `name:…`. */
const ALLOWED = [/^(https?|wss?):\/\/\S+$/, /^[0-9A-Z]{15,18}$/, /^[\d\s:./-]+(T[\d:.]+Z?)?$/, /^name:/];

/** The texts of `texts` that are Latin words alone, less those allowed by pattern or named in `names`. */
export function latinOnlyTexts(texts: readonly string[], names: readonly string[] = []): string[] {
  return [...new Set(texts.map((text) => text.trim()))].filter(
    (text) => latinOnly(text) && !names.includes(text) && !ALLOWED.some((pattern) => pattern.test(text)),
  );
}
