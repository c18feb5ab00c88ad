/**
 * The overlay's side of 保存取证: the background asks the tab's top frame for the page's reading (tabs.sendMessage,
 * `evidence:collect`) and this content script answers with it — read where the page is, without a script injected
 * for it (docs/adr/0018-evidence-reading-by-message.md). Only the extension can message a content script; anything
 * else, or from another extension, gets no answer.
 */
import type { AppliedRules } from '#core/page';
import { browser } from 'wxt/browser';
import { EvidenceCollect } from '../../messaging/content-protocol.ts';
import { evidenceReading } from './evidence-reading.ts';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => undefined;

export function answerEvidence(
  doc: Document,
  storage: Pick<Storage, 'getItem'>,
  now: () => number,
  rules: AppliedRules | undefined,
): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !EvidenceCollect.safeParse(message).success) return undefined;
    // Answered at once (no channel kept open): the reading is synchronous.
    sendResponse(evidenceReading(doc, now(), storage, rules));
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
