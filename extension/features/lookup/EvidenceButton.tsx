/**
 * The popup's 保存取证 for the current tab. `save` is called straight from the click: it asks for the optional page
 * capture permission first (an extension page, within the user's gesture: the only place the browser allows it).
 */
import { useState } from 'react';
import type { Response } from '../../messaging/protocol.ts';
import { errorText } from '../../ui/errors.ts';
import { t } from '../../ui/i18n.ts';

type Saved = Response<'evidence:tab'>;
type State = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; saved: Saved } | { kind: 'failed'; message: string };

const MHTML_NOTE = {
  'not-granted': 'popup_evidence_denied',
  unsupported: 'evidence_mhtml_unsupported',
  failed: 'evidence_mhtml_failed',
} as const;

export function EvidenceButton({ save }: { save: () => Promise<Saved> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const click = (event: { isTrusted: boolean }) => {
    if (!event.isTrusted || state.kind === 'saving') return;
    setState({ kind: 'saving' });
    save().then(
      (saved) => setState({ kind: 'saved', saved }),
      (error: unknown) => setState({ kind: 'failed', message: errorText(error) }),
    );
  };
  return (
    <div className="evidence-action">
      <button type="button" data-testid="popup-evidence" disabled={state.kind === 'saving'} onClick={click}>
        {t('popup_evidence')}
      </button>
      {state.kind === 'saving' && <p className="hint">{t('evidence_saving')}</p>}
      {state.kind === 'saved' && (
        <p className="hint" data-testid="popup-evidence-saved">
          {t('evidence_saved', state.saved.fileName)}
          {state.saved.mhtml !== 'included' && <span className="warning"> {t(MHTML_NOTE[state.saved.mhtml])}</span>}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="error" role="alert" data-testid="popup-evidence-failed">
          {t('evidence_failed', state.message)}
        </p>
      )}
    </div>
  );
}
