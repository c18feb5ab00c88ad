/**
 * Text of page nodes as a person sees it: scripts, styles and hidden elements left out, block boundaries kept as
 * spaces (so a label and its value in two cells do not run together), inline markup (the sites split values into
 * <span>s to defeat scrapers) joined without spaces. Pure: works on any DOM the caller hands in.
 */
import { tidyText } from '../../lib/text.ts';

const ELEMENT = 1;
const TEXT = 3;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'SVG', 'CANVAS']);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'OPTION',
  'BUTTON',
  'INPUT',
  'LABEL',
  'SELECT',
  'TEXTAREA',
]);
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** The tag name in upper case: HTML elements have it so already (only SVG and XML ones are lower case). */
export function upperTag(el: Element): string {
  const tag = el.tagName;
  return tag.charCodeAt(0) >= 97 ? tag.toUpperCase() : tag;
}

/** An element a person cannot see: `hidden`, or display:none / visibility:hidden in its own style. */
export function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

/**
 * Visible text of every node of one page, computed once per node: a page is read by many helpers (labels,
 * tables, pagers), and a DOM in Node (happy-dom) walks the tree for every textContent.
 */
export class PageText {
  // Maps, not WeakMaps: a PageText lives for one reading and is dropped with everything it holds.
  private readonly raws = new Map<Node, string>();

  /**
   * Nodes that are, or hold, a hidden or skipped element with elements inside: their text leaves those out, yet the
   * elements inside are read on their own (a tab not open still holds its tables and lines).
   */
  private readonly concealing = new Set<Node>();

  /** Visible text, spaces not yet folded. */
  raw(node: Node): string {
    const type = node.nodeType;
    // Text nodes are leaves: reading them is as cheap as a cache lookup, so only containers are cached.
    if (type === TEXT) return node.nodeValue ?? '';
    if (type !== ELEMENT && type !== 9 && type !== 11) return '';
    const cached = this.raws.get(node);
    if (cached !== undefined) return cached;
    let text = '';
    const tag = type === ELEMENT ? upperTag(node as Element) : '';
    if (!SKIPPED.has(tag) && !(type === ELEMENT && isHidden(node as Element))) {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        text += this.raw(child);
        if (this.concealing.has(child)) this.concealing.add(node);
      }
      if (BLOCK.has(tag)) text = ` ${text} `;
    } else if ((node as Element).firstElementChild) this.concealing.add(node);
    this.raws.set(node, text);
    return text;
  }

  /** Whether elements inside `node` may show text that `raw(node)` leaves out (see `concealing`). */
  conceals(node: Node): boolean {
    this.raw(node);
    return this.concealing.has(node);
  }

  private readonly tidied = new Map<Node, string>();

  /** Visible text, tidied, not kept: for what is read once (the data cells of a table). */
  once(node: Node): string {
    const kept = this.tidied.get(node);
    if (kept !== undefined) return kept;
    // An element holding text alone (most cells): its textContent is that text, read by the browser without a lookup.
    if (node.nodeType === ELEMENT && (node as Element).firstElementChild === null) {
      const el = node as Element;
      if (!SKIPPED.has(upperTag(el)) && !isHidden(el)) return tidyText(el.textContent ?? '');
    }
    return tidyText(this.raw(node));
  }

  /** Visible text, tidied (spaces folded, trimmed; characters as shown). */
  of(node: Node): string {
    // Cached too: banners, 暂无 lines and header rows ask for the text of the same elements again.
    let text = this.tidied.get(node);
    if (text === undefined) {
      text = tidyText(this.raw(node));
      if (node.nodeType !== TEXT) this.tidied.set(node, text);
    }
    return text;
  }
}

/** Elements of `root` in document order, as an array. */
export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * Each element of `root` in document order, offered to `visit`: it answers 'stop' to end the walk, 'skip' to pass
 * over the element's descendants, or nothing to go on into them. An explicit stack, children pushed last-first:
 * document order without recursion (pages can nest deep).
 */
export function walk(root: ParentNode, visit: (el: Element) => 'stop' | 'skip' | void): void {
  const stack: Element[] = [];
  const pushChildren = (parent: ParentNode) => {
    for (let el = parent.lastElementChild; el; el = el.previousElementSibling) stack.push(el);
  };
  pushChildren(root);
  for (let el = stack.pop(); el; el = stack.pop()) {
    const next = visit(el);
    if (next === 'stop') return;
    if (next !== 'skip') pushChildren(el);
  }
}

/** Strips tags and decodes the entities the sites use, for HTML fragments found inside JSON values. */
export function stripHtml(value: string): string {
  return tidyText(
    value
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&ensp;|&emsp;|&thinsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
      .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
      .replace(/&amp;/g, '&'),
  );
}
