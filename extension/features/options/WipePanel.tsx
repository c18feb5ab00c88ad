/**
 * Deleting all local data, in two steps: the first button only shows what will be lost (every note and snapshot on
 * this computer) and the confirm button; nothing is sent before the confirmation.
 */
import { useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import { messageOf } from '../../ui/format.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';

export function WipePanel({ transport }: { transport: Transport }) {
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<StatusLine>(null);

  const wipe = async () => {
    setAsking(false);
    try {
      await request(transport, { type: 'data:wipe' });
      setStatus({ tone: 'ok', text: t('options_wiped') });
    } catch (error) {
      setStatus({ tone: 'error', text: t('options_error', messageOf(error)) });
    }
  };

  return (
    <section className="panel danger">
      <h2>{t('options_wipe_title')}</h2>
      {asking ? (
        <div role="alertdialog" aria-labelledby="wipe-warning">
          <p id="wipe-warning" data-testid="wipe-warning" className="warning">
            {t('options_wipe_warning')}
          </p>
          <div className="buttons">
            <button type="button" data-testid="wipe-confirm" className="danger" onClick={() => void wipe()}>
              {t('options_wipe_confirm')}
            </button>
            <button type="button" data-testid="wipe-cancel" onClick={() => setAsking(false)}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="buttons">
          <button
            type="button"
            data-testid="wipe"
            onClick={() => {
              setStatus(null);
              setAsking(true);
            }}
          >
            {t('options_wipe')}
          </button>
        </div>
      )}
      <Status line={status} testId="wipe-status" />
    </section>
  );
}
