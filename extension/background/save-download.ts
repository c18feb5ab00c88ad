/**
 * The background's one way to save a file: the downloads API (docs/adr/0017-one-download-path.md). A service worker
 * has no URL.createObjectURL: Chromium downloads a data: URL; Firefox's background page a blob: URL
 * (docs/adr/0014-evidence-download.md). The credit page never sees the bytes.
 */
import { browser } from 'wxt/browser';

/** How long a Firefox blob: URL stays valid: the download has long started by then. */
const BLOB_URL_LIFETIME_MS = 5 * 60_000;

/** Saves `data` in the download folder under `fileName`; the browser's download id once the download has started. */
export type SaveFile = (data: Uint8Array | string, fileName: string, type: string) => Promise<number>;

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const saveDownload: SaveFile = async (data, fileName, type) => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const blobUrl =
    typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })) : null;
  if (blobUrl) setTimeout(() => URL.revokeObjectURL(blobUrl), BLOB_URL_LIFETIME_MS);
  const url = blobUrl ?? `data:${type};base64,${base64(bytes)}`;
  return browser.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
};
