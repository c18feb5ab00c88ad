/**
 * The overlay's place in the page: one `<creditlens-overlay>` element with an open shadow root (the test hook), its
 * own styles inside, and `all: initial` on the host so neither the page's CSS reaches in nor ours out. Styles are a
 * string in the bundle, not a fetched file: the first paint must not wait for a network round trip.
 */
import { PANEL_CSS } from './styles.ts';

export const HOST_TAG = 'creditlens-overlay';

export interface OverlayHost {
  host: HTMLElement;
  /** Where the panel and its tab render. */
  mount: HTMLElement;
  remove(): void;
}

export function mountHost(doc: Document): OverlayHost {
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const mount = doc.createElement('div');
  mount.className = 'overlay';
  shadow.append(style, mount);
  // On <html>, not <body>: pages restyle and replace their body; the host survives that.
  doc.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
