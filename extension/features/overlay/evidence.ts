/**
 * 保存取证 in the overlay panel: the button and its status line. The work happens in the background (the page read
 * again by a script injected on request, the ZIP, the MHTML, the download); here only the user's own click
 * (`isTrusted`: a page script's click() is no request) and what came of it. MHTML needs the optional pageCapture
 * permission, which only an extension page may ask for: the line says where.
 */
import { t, type MessageKey } from '../../ui/i18n.ts';
import { el } from './dom.ts';

export interface EvidenceSaved {
  fileName: string;
  mhtml: 'included' | 'not-granted' | 'unsupported' | 'failed';
}

export function evidenceAction(doc: Document, save: () => Promise<EvidenceSaved>): HTMLElement {
  const button = el(doc, 'button', { type: 'button', 'data-testid': 'evidence-save' }, t('evidence'));
  const status = el(doc, 'div', { class: 'line', 'data-testid': 'evidence-status' });
  const say = (state: string, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  button.addEventListener('click', (event) => {
    if (!event.isTrusted || button.disabled) return;
    button.disabled = true;
    say('saving', t('evidence_saving'));
    save()
      .then(
        ({ fileName, mhtml }) =>
          say(
            mhtml,
            t('evidence_saved', fileName) +
              (mhtml === 'included' ? '' : ` ${t(`evidence_mhtml_${mhtml.replace('-', '_')}` as MessageKey)}`),
          ),
        // A refusal names its message (ui/errors.ts UserError; the router's own keys); anything else is unexpected.
        (error: { key?: MessageKey }) => say('error', t('evidence_failed', t(error.key ?? 'error_unexpected'))),
      )
      .finally(() => (button.disabled = false));
  });
  // Spaced like the notes button above it (styles.ts .notes): no rule of its own in the content script.
  return el(doc, 'div', { class: 'notes' }, button, status);
}
