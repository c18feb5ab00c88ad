/**
 * Runs in the page's main world (injected by the content script): sends the section requests with the page's own
 * XMLHttpRequest, so whatever the site's scripts add to their requests is added to ours. Wiring only; the contract
 * is messaging/page-world.ts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ABORT_EVENT, PageAbort, PageRequest, REPLY_EVENT, REQUEST_EVENT, readDetail } from '../messaging/page-world.ts';

export default defineUnlistedScript(() => {
  const channel = document.currentScript?.dataset.channel;
  if (!channel) return;
  const pending = new Map<string, XMLHttpRequest>();
  const reply = (id: string, status: number, body: string) =>
    document.dispatchEvent(new CustomEvent(`${REPLY_EVENT}:${channel}`, { detail: JSON.stringify({ id, status, body }) }));
  document.addEventListener(`${REQUEST_EVENT}:${channel}`, (event) => {
    const request = readDetail(PageRequest, (event as CustomEvent<unknown>).detail);
    if (!request) return;
    const xhr = new XMLHttpRequest();
    pending.set(request.id, xhr);
    xhr.open('POST', request.path, true);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.onloadend = () => {
      pending.delete(request.id);
      reply(request.id, xhr.status, xhr.status === 0 ? '' : xhr.responseText);
    };
    xhr.send(request.form);
  });
  document.addEventListener(`${ABORT_EVENT}:${channel}`, (event) => {
    const abort = readDetail(PageAbort, (event as CustomEvent<unknown>).detail);
    if (abort) pending.get(abort.id)?.abort();
  });
});
