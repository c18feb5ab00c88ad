/**
 * Which context may send which message. Content scripts run beside untrusted pages: they may report what a page
 * showed and clear its badge, nothing more — notes, lookups, the data tools and everything of the team (team:*)
 * answer only the extension's own pages (popup, options, the notes frame). The sender is the browser's word, not the
 * message's.
 */
import type { RequestType } from '../messaging/protocol.ts';

const FROM_CONTENT_SCRIPTS: ReadonlySet<RequestType> = new Set(['snapshot:save', 'badge:clear', 'badge:unknown']);

export function mayAsk(type: RequestType, fromExtensionPage: boolean): boolean {
  return fromExtensionPage || FROM_CONTENT_SCRIPTS.has(type);
}
