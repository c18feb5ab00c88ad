/**
 * Failures a user reads: a `UserError` names its message key (and substitutions), so it can cross from the background
 * to a page and still be shown in the UI language. Anything else — a library's or the browser's English — is logged
 * for whoever debugs it and shown as one message from the locale files.
 */
import { t, type MessageKey } from './i18n.ts';
import { isMessageKey } from './issues.ts';

/** `message` stays English for the log (the background's refusal text); the user reads `key` with `subs`. */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly subs: string[] = [],
    detail: string = key,
  ) {
    super(detail);
  }
}

/** The message of a failure in the UI language; an error with no key of ours is logged and said in general words. */
export function errorText(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'key' in error && typeof error.key === 'string' && isMessageKey(error.key)) {
    const subs = 'subs' in error && Array.isArray(error.subs) ? error.subs.map(String) : [];
    return t(error.key, ...subs);
  }
  console.warn('[CreditLens]', error instanceof Error ? error.message : error);
  return t('error_unexpected');
}
