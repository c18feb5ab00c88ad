/**
 * How deeply a saved page nests its elements, measured on the text before any DOM is built: a page of a million
 * unclosed <div>s took happy-dom 45 s and 4 GB to refuse. Browsers stop nesting at 512 levels (Blink's limit), so a
 * deeper page is not one a person saw as it is. Only elements whose end tag is required count: <p>, <li>, <td>…
 * close themselves, and void elements have no content.
 */
export const MAX_NESTING = 512;

const SELF_CLOSING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rtc',
  'rp',
  'html',
  'head',
  'body',
]);
/** Content that is text, not markup: comments, scripts, styles, textareas. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;

/** The deepest nesting found, stopping as soon as it passes `limit`. */
export function nestingDepth(html: string, limit = MAX_NESTING): number {
  const text = html.replace(NOT_MARKUP, '');
  let depth = 0;
  let deepest = 0;
  for (const m of text.matchAll(TAG)) {
    const [, closing, name = '', selfClosing] = m;
    if (SELF_CLOSING.has(name.toLowerCase()) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}
