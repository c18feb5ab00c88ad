/**
 * The browser side of 保存取证 (messaging/evidence-handlers.ts): the page's reading asked of the tab's overlay by
 * message (docs/adr/0018-evidence-reading-by-message.md), the tab's MHTML through the optional pageCapture permission,
 * the ZIP handed to the downloads API (save-download.ts), SHA-256 by crypto.subtle (docs/adr/0014-evidence-download.md).
 */
import { browser } from 'wxt/browser';
import type { EvidenceEnv } from '../messaging/evidence-handlers.ts';
import { readRuleSettingsForPage } from '../storage/items.ts';
import { saveDownload } from './save-download.ts';

type PageCapture = { saveAsMHTML(details: { tabId: number }, callback: (data?: Blob) => void): void };

async function mhtml(tabId: number): ReturnType<EvidenceEnv['mhtml']> {
  if (import.meta.env.FIREFOX) return { state: 'unsupported' };
  // Chromium exposes chrome.pageCapture only while the optional permission is granted: asked first, then the API.
  if (!(await browser.permissions.contains({ permissions: ['pageCapture'] }))) return { state: 'not-granted' };
  const api = (browser as unknown as { pageCapture?: PageCapture }).pageCapture;
  let failure: unknown = new Error('pageCapture granted but not exposed');
  // Twice at most: in Chromium the first capture after the browser starts can hand back a blob whose file cannot be
  // read yet (NotFoundError); the next capture reads (seen in test/e2e/evidence.e2e.test.ts).
  for (let attempt = 0; api && attempt < 2; attempt++) {
    try {
      return { state: 'included', bytes: await capture(api, tabId) };
    } catch (error) {
      failure = error;
    }
  }
  console.warn('[CreditLens] page capture:', failure instanceof Error ? failure.message : failure);
  return { state: 'failed' };
}

async function capture(api: PageCapture, tabId: number): Promise<Uint8Array> {
  // The callback form: Chromium before 116 returns no promise from saveAsMHTML.
  const blob = await new Promise<Blob>((resolve, reject) =>
    api.saveAsMHTML({ tabId }, (data) => {
      const failed = browser.runtime.lastError;
      if (failed || !data) reject(new Error(failed?.message ?? 'no MHTML'));
      else resolve(data);
    }),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

const download = (zip: Uint8Array, fileName: string) => saveDownload(zip, fileName, 'application/zip');

async function show(downloadId: number): Promise<boolean> {
  const [item] = await browser.downloads.search({ id: downloadId });
  if (!item || item.exists === false || item.state !== 'complete') return false;
  browser.downloads.show(downloadId);
  return true;
}

/**
 * The page's reading from the overlay in the tab's top frame (features/overlay/evidence-answer.ts); a tab without it
 * (no credit site, or not loaded yet) has no receiver and the browser refuses: no reading.
 */
async function collect(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type: 'evidence:collect' }, { frameId: 0 });
}

async function sha256(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function browserEvidence(): EvidenceEnv {
  return {
    extensionVersion: browser.runtime.getManifest().version,
    mhtml,
    collect,
    // As the overlay reads them (overlay/start.ts).
    ruleSettings: async () => (await readRuleSettingsForPage()).value,
    download,
    show,
    sha256,
  };
}
