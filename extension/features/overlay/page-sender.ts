/**
 * The content script's side of the main-world sender: a fetch/Sender that hands each request to the helper injected
 * into the page (entrypoints/page-sender.ts) and waits for its reply event. The reply is parsed; anything malformed
 * is ignored and the request then ends by its timeout (features/overlay/sections.ts owns the policy).
 */
import type { Sender } from './sections.ts';
import { ABORT_EVENT, PageReply, REPLY_EVENT, REQUEST_EVENT, readDetail } from '../../messaging/page-world.ts';

export function randomChannel(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An event of the document's own window (the page's realm, as dispatchEvent requires). */
function dispatch(doc: Document, name: string, detail: string): void {
  const Custom = doc.defaultView?.CustomEvent ?? CustomEvent;
  doc.dispatchEvent(new Custom(name, { detail }));
}

export function mainWorldSender(doc: Document, channel: string, signal: AbortSignal): Sender {
  const waiting = new Map<string, (reply: PageReply) => void>();
  let next = 0;
  doc.addEventListener(
    `${REPLY_EVENT}:${channel}`,
    (event) => {
      const reply = readDetail(PageReply, (event as CustomEvent<unknown>).detail);
      if (reply) waiting.get(reply.id)?.(reply);
    },
    { signal },
  );
  return (path, form, requestSignal) =>
    new Promise((resolve, reject) => {
      const id = `r${++next}`;
      const done = () => waiting.delete(id);
      waiting.set(id, (reply) => {
        done();
        if (reply.status === 0) reject(new Error('no answer (network error or aborted)'));
        else resolve({ status: reply.status, body: reply.body });
      });
      requestSignal.addEventListener(
        'abort',
        () => {
          done();
          dispatch(doc, `${ABORT_EVENT}:${channel}`, JSON.stringify({ id }));
          reject(new Error('aborted'));
        },
        { once: true },
      );
      dispatch(doc, `${REQUEST_EVENT}:${channel}`, JSON.stringify({ id, path, form: form.toString() }));
    });
}
