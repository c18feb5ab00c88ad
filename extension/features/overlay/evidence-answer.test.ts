// @vitest-environment happy-dom
/**
 * The overlay answers the background's evidence:collect with the page's reading, and nothing else: not another
 * message, not a message from another extension; once removed, not at all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerEvidence } from './evidence-answer.ts';

afterEach(() => fakeBrowser.reset());

const storage = { getItem: () => null };

async function ask(message: unknown, senderId: string | undefined) {
  const sendResponse = vi.fn();
  // The fake's typing omits sendResponse, which it passes on to the listeners like the browser does.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  await trigger(message, { id: senderId }, sendResponse);
  return sendResponse;
}

describe('answerEvidence', () => {
  it('answers the extension’s own evidence:collect (null: this page is no credit entity page)', async () => {
    const stop = answerEvidence(document, storage, () => Date.now(), undefined);
    const answered = await ask({ type: 'evidence:collect' }, browser.runtime.id);
    expect(answered).toHaveBeenCalledTimes(1);
    expect(answered).toHaveBeenCalledWith(null);
    stop();
    expect(await ask({ type: 'evidence:collect' }, browser.runtime.id)).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { type: 'evidence:collect' }, 'other-extension'],
    ['no sender id', { type: 'evidence:collect' }, undefined],
    ['another message', { type: 'evidence:collect', tabId: 1 }, 'own'],
    ['a string', 'evidence:collect', 'own'],
  ])('gives no answer to %s', async (_, message, sender) => {
    const stop = answerEvidence(document, storage, () => Date.now(), undefined);
    expect(await ask(message, sender === 'own' ? browser.runtime.id : sender)).not.toHaveBeenCalled();
    stop();
  });
});
