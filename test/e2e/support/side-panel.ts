/**
 * The browser's real side panel, driven as a user would: Playwright does not list it among the context's pages, so
 * it is reached through CDP's Target domain (attached to its page target; messages sent to it through the session of
 * the browser's first tab). Clicks and typing are real input events (Input domain): the panel acts only on trusted events.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface SidePanel {
  /** The value of a JavaScript expression in the side panel's page (awaited, returned by value). */
  evaluate<T>(expression: string): Promise<T>;
  /** A real mouse click at the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Focuses the element and types `text` into it as input events. */
  type(selector: string, text: string): Promise<void>;
  /** The panel's visible text. */
  text(): Promise<string>;
  detach(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The side panel page targets of the extension open now. */
export async function sidePanelTargets(page: Page, extensionId: string): Promise<TargetInfo[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos.filter((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/sidepanel.html`));
  } finally {
    await cdp.detach();
  }
}

/** Waits for the extension's side panel to be open (beside `page`'s tab) and attaches to it. */
export async function attachSidePanel(page: Page, extensionId: string, timeout = 10_000): Promise<SidePanel> {
  const until = Date.now() + timeout;
  let target: TargetInfo | undefined;
  while (!(target = (await sidePanelTargets(page, extensionId))[0])) {
    if (Date.now() > until) throw new Error('no side panel opened');
    await page.waitForTimeout(100);
  }
  // Through the browser's first tab, which lives as long as the browser: the panel outlives the tab it opened beside.
  const cdp = await page.context().newCDPSession(page.context().pages()[0] ?? page);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  return driver(cdp, sessionId);
}

function driver(cdp: CDPSession, sessionId: string): SidePanel {
  let nextId = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(new Error(reply.error.message));
    else waiting.resolve(reply.result);
  });
  const send = (method: string, params: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = (await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as T;
  };
  const centre = async (selector: string): Promise<{ x: number; y: number }> => {
    const at = await evaluate<{ x: number; y: number } | null>(`(() => {
      const element = document.querySelector(${JSON.stringify(selector)});
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    })()`);
    if (!at) throw new Error(`${selector} is not in the side panel`);
    return at;
  };
  return {
    evaluate,
    async click(selector) {
      const { x, y } = await centre(selector);
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      await send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
    },
    async type(selector, text) {
      await this.click(selector);
      await send('Input.insertText', { text });
    },
    text: () => evaluate<string>('document.body.innerText'),
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}
