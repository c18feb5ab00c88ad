/**
 * The "不是主体详情页" hint on a site's search results: a slim note in the bottom corner (never over the results'
 * columns), with 不再提示 — remembered for every page — and × for this page only. Its own element and shadow root,
 * like the panel, so page styles and ours stay apart.
 */
import { t } from '../../ui/i18n.ts';
import { el } from './dom.ts';

export const HINT_TAG = 'creditlens-hint';

/** Whether the user asked not to see the hint again, and remembering that they did. */
export interface HintMemory {
  dismissed(): Promise<boolean>;
  dismiss(): Promise<void>;
}

const HINT_CSS = `
:host { all: initial !important; position: fixed !important; bottom: 12px !important; right: 12px !important;
  z-index: 2147483646 !important; display: block !important; }
.hint { box-sizing: border-box; max-width: 300px; display: flex; align-items: center; gap: 8px; padding: 6px 10px;
  background: #fff; color: #1f2329; border: 1px solid #d0d3d9; border-left: 4px solid #b5161c; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.12); font: 12px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; }
.text { flex: 1; }
button { font: inherit; cursor: pointer; border: 1px solid #c9ccd2; background: #f7f8fa; color: #1f2329; border-radius: 4px; padding: 0 6px; }
`;

/** Shows the hint (`true`) or takes it away (`false`); a dismissed hint never shows again. */
export function pageHint(doc: Document, memory: HintMemory): (show: boolean) => void {
  let host: HTMLElement | null = null;
  let wanted = false;
  let closedHere = false;
  const remove = () => {
    host?.remove();
    host = null;
  };
  const mount = () => {
    host = doc.createElement(HINT_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = HINT_CSS;
    const never = el(doc, 'button', { type: 'button', 'data-testid': 'hint-dismiss' }, t('overlay_hint_dismiss'));
    const close = el(
      doc,
      'button',
      { type: 'button', 'data-testid': 'hint-close', title: t('overlay_hint_close'), 'aria-label': t('overlay_hint_close') },
      '×',
    );
    never.addEventListener('click', () => {
      remove();
      void memory.dismiss();
    });
    close.addEventListener('click', () => {
      closedHere = true;
      remove();
    });
    shadow.append(
      style,
      el(
        doc,
        'div',
        { class: 'hint', role: 'note', 'data-testid': 'not-entity-hint' },
        el(doc, 'span', { class: 'text' }, t('overlay_hint_not_entity')),
        never,
        close,
      ),
    );
    doc.documentElement.append(host);
  };
  return (show) => {
    wanted = show;
    if (!show || closedHere) return remove();
    if (host) return;
    void memory.dismissed().then(
      (dismissed) => {
        // The page may have become an entity page meanwhile, or the hint been mounted by an earlier call.
        if (!dismissed && wanted && !host && !closedHere) mount();
      },
      () => {},
    );
  };
}
