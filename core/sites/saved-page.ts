/**
 * The saved-page format: a page's HTML as a browser's "save page" writes it — the `<!-- saved from url=(NNNN)… -->`
 * line on top, then the document — without its scripts (a saved page is read, never run). Evidence captures and
 * page reports write it from the live DOM; `creditlens parse` reads it back, taking the page's address from that line.
 */
const SAVED_FROM = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i;

export function savedFromLine(url: string): string {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
}

/** The address in a saved page's first lines, or null when it has none (or it is not a URL). */
export function savedFromUrl(html: string): URL | null {
  const m = SAVED_FROM.exec(html.slice(0, 4096));
  if (!m?.[1]) return null;
  try {
    return new URL(m[1]);
  } catch {
    return null;
  }
}

/**
 * The document as a saved page: scripts, and any element matching `drop` (the caller's own additions to the page),
 * removed from a copy; the live page is not touched.
 */
export function savedPageHtml(doc: Document, url: string, drop = ''): string {
  const copy = doc.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(drop ? `script, ${drop}` : 'script'))) el.remove();
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>` : '<!DOCTYPE html>';
  return `${savedFromLine(url.replace(/-->/g, '--%3E'))}\n${doctype}\n${copy.outerHTML}\n`;
}
