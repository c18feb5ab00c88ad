/**
 * HTML → a DOM for tests, the same way the command line does it: happy-dom with scripts and styles switched off.
 * Each call makes its own window; `closeAll` ends them (call it in afterAll).
 */
import { Window } from 'happy-dom';

const windows: Window[] = [];

export function htmlDocument(html: string, url = 'https://www.gsxt.gov.cn/'): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true,
      disableIframePageLoading: true, disableComputedStyleRendering: true,
    },
  });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export async function closeAll(): Promise<void> {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
}

/** One window, many documents: for tests that parse thousands of pages (fuzzing). */
export function documentParser(url: string): (html: string) => Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true,
      disableIframePageLoading: true, disableComputedStyleRendering: true,
    },
  });
  windows.push(window);
  const parser = new window.DOMParser();
  return (html) => parser.parseFromString(html, 'text/html') as unknown as Document;
}
