/**
 * 保存取证 in the overlay panel: the button and its status line. The work happens in the background (the ZIP, the
 * MHTML, the download); here only the user's own click (`isTrusted`: a page script's click() is no request) and
 * what came of it. MHTML needs the optional pageCapture permission, which only an extension page may ask for.
 */
import { errorText } from '../ui/errors.ts';
import { t } from '../ui/i18n.ts';
import { el } from './dom.ts';

export interface EvidenceSaved {
  fileName: string;
  mhtml: 'included' | 'not-granted' | 'unsupported' | 'failed';
}

const MHTML_NOTE = { 'not-granted': 'overlay_evidence_no_mhtml', unsupported: 'overlay_evidence_unsupported', failed: 'overlay_evidence_mhtml_failed' } as const;

export function evidenceAction(doc: Document, save: () => Promise<EvidenceSaved>): HTMLElement {
  const button = el(doc, 'button', { type: 'button', 'data-testid': 'evidence-save', title: t('overlay_evidence_title') }, t('overlay_evidence'));
  const status = el(doc, 'div', { class: 'line muted', 'data-testid': 'evidence-status', 'aria-live': 'polite' });
  button.addEventListener('click', (event) => {
    if (!event.isTrusted || button.disabled) return;
    button.disabled = true;
    status.replaceChildren(t('overlay_evidence_saving'));
    save().then(
      (saved) => {
        status.replaceChildren(el(doc, 'div', { 'data-testid': 'evidence-saved' }, t('overlay_evidence_saved', saved.fileName)));
        if (saved.mhtml !== 'included') status.append(el(doc, 'div', { class: 'warning', 'data-testid': 'evidence-mhtml' }, t(MHTML_NOTE[saved.mhtml])));
      },
      (error: unknown) => status.replaceChildren(el(doc, 'div', { class: 'warning', 'data-testid': 'evidence-failed' }, t('overlay_evidence_failed', errorText(error)))),
    ).finally(() => (button.disabled = false));
  });
  return el(doc, 'div', { class: 'evidence' }, button, status);
}
