/**
 * HTML → a DOM for tests, the same way the command line does it: happy-dom with scripts and styles switched off.
 * Each call makes its own window; `closeAll` ends them (call it in afterAll).
 */
import type { Window } from 'happy-dom';
import { inertWindow } from '../../cli/html.ts';

const windows = new Set<Window>();

export function htmlDocument(html: string, url = 'https://www.gsxt.gov.cn/'): Document {
  const window = inertWindow(url);
  windows.add(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export async function closeAll(): Promise<void> {
  const open = [...windows];
  windows.clear();
  await Promise.all(open.map((w) => w.happyDOM.close()));
}

/**
 * Many documents from few windows, for tests that parse thousands of pages (fuzzing). A happy-dom window keeps
 * every document it parsed until it is closed, so it is closed (and awaited) and replaced every `perWindow` pages.
 */
export function documentParser(url: string, perWindow = 20): (html: string) => Promise<Document> {
  let window: Window | undefined;
  let made = 0;
  return async (html) => {
    if (!window || made >= perWindow) {
      if (window) {
        windows.delete(window);
        await window.happyDOM.close();
      }
      window = inertWindow(url);
      windows.add(window);
      made = 0;
    }
    made++;
    return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  };
}
