/**
 * The content script's side of the main-world sender: requests leave as parsed JSON strings on the page's channel,
 * answers are matched by id, forged or malformed replies are ignored, and an abort is passed on. (The main-world
 * side runs in the real browser: the e2e repeat offender is read through it.)
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { PageRequest, REPLY_EVENT, REQUEST_EVENT, ABORT_EVENT, SamePath, readDetail } from '../../messaging/page-world.ts';
import { mainWorldSender } from './page-sender.ts';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page() {
  const window = new Window({ url: 'https://www.gsxt.gov.cn/%7BAB%7D' });
  windows.push(window);
  return window.document as unknown as Document;
}

/** The page world's side, as a test plays it: events of the page's own window. */
const fromPage = (doc: Document, name: string, detail: unknown) =>
  doc.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).CustomEvent(name, { detail }));

describe('page world contract', () => {
  it.each(['//evil.example/x', 'https://evil.example/x', 'relative/path', '/a b', '/a\\b'])('refuses %s as a request path', (path) => {
    expect(SamePath.safeParse(path).success).toBe(false);
  });

  it('accepts a path of the page\u2019s own origin with its query', () => {
    expect(SamePath.safeParse('/corp-query-entprise-info-punishmentDetail-PAB.html?x=1').success).toBe(true);
  });

  it('reads only JSON strings of the right shape', () => {
    expect(readDetail(PageRequest, { id: 'r1', path: '/a', form: '' })).toBeNull();
    expect(readDetail(PageRequest, '{not json')).toBeNull();
    expect(readDetail(PageRequest, JSON.stringify({ id: 'r1', path: '/a', form: '', extra: 1 }))).toBeNull();
    expect(readDetail(PageRequest, JSON.stringify({ id: 'r1', path: '/a', form: 'draw=1' }))).toEqual({
      id: 'r1',
      path: '/a',
      form: 'draw=1',
    });
  });
});

describe('mainWorldSender', () => {
  it('sends the request on its channel and resolves with the matching reply, ignoring forged ones', async () => {
    const doc = page();
    const seen: unknown[] = [];
    doc.addEventListener(`${REQUEST_EVENT}:c1`, (event) => {
      const request = readDetail(PageRequest, (event as CustomEvent<unknown>).detail);
      seen.push(request);
      const reply = (detail: unknown) => fromPage(doc, `${REPLY_EVENT}:c1`, detail);
      reply({ id: request?.id, status: 200, body: 'an object, not a string' });
      reply(JSON.stringify({ id: 'someone-else', status: 200, body: 'x' }));
      reply(JSON.stringify({ id: request?.id, status: 200, body: '{"recordsTotal":0,"data":[]}' }));
    });
    const send = mainWorldSender(doc, 'c1', new AbortController().signal);
    const reply = await send('/pun.html', new URLSearchParams({ draw: '1', start: '0', length: '5' }), new AbortController().signal);
    expect(reply).toEqual({ status: 200, body: '{"recordsTotal":0,"data":[]}' });
    expect(seen).toEqual([{ id: 'r1', path: '/pun.html', form: 'draw=1&start=0&length=5' }]);
  });

  it('rejects a reply without a status as a network failure', async () => {
    const doc = page();
    doc.addEventListener(`${REQUEST_EVENT}:c2`, (event) => {
      const request = readDetail(PageRequest, (event as CustomEvent<unknown>).detail);
      fromPage(doc, `${REPLY_EVENT}:c2`, JSON.stringify({ id: request?.id, status: 0, body: '' }));
    });
    await expect(
      mainWorldSender(doc, 'c2', new AbortController().signal)('/a', new URLSearchParams(), new AbortController().signal),
    ).rejects.toThrow(/no answer/);
  });

  it('passes an abort on to the page world and rejects', async () => {
    const doc = page();
    const aborted: string[] = [];
    doc.addEventListener(`${ABORT_EVENT}:c3`, (event) => aborted.push(String((event as CustomEvent<unknown>).detail)));
    const controller = new AbortController();
    const pending = mainWorldSender(doc, 'c3', new AbortController().signal)('/a', new URLSearchParams(), controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow(/aborted/);
    expect(aborted).toEqual([JSON.stringify({ id: 'r1' })]);
  });
});
