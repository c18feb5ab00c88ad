/**
 * How long snapshots of viewed pages are kept (0 = all), saved through the store after RetentionDays accepts it, and
 * "立即清理" to delete the older ones now. Notes are never purged, and the page says so where the choice is made.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import { RetentionDays } from '../../storage/items.ts';
import { t } from '../../ui/i18n.ts';
import { messageOf } from '../../ui/format.ts';
import type { SettingsStore } from './settings-store.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';

export function RetentionPanel({ store, transport }: { store: SettingsStore; transport: Transport }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<StatusLine>(null);
  const fail = (error: unknown) => setStatus({ tone: 'error', text: t('options_error', messageOf(error)) });

  useEffect(() => {
    let current = true;
    store.readRetention().then(
      ({ value, problem }) => {
        if (!current) return;
        setText(String(value));
        if (problem !== null) setStatus({ tone: 'error', text: t('options_stored_problem', problem) });
      },
      (error: unknown) => current && fail(error),
    );
    return () => {
      current = false;
    };
  }, [store]);

  /** The days typed, or null (and the reason shown) when they are not a whole number from 0 to 36 500. */
  const days = (): number | null => {
    const parsed = RetentionDays.safeParse(text.trim() === '' ? Number.NaN : Number(text));
    if (parsed.success) return parsed.data;
    setStatus({ tone: 'error', text: t('options_retention_invalid') });
    return null;
  };
  const save = async () => {
    const value = days();
    if (value === null) return;
    try {
      await store.writeRetention(value);
      setStatus({ tone: 'ok', text: t('options_saved') });
    } catch (error) {
      fail(error);
    }
  };
  const purge = async () => {
    const value = days();
    if (value === null) return;
    if (value === 0) return setStatus({ tone: 'ok', text: t('options_purge_keep_all') });
    try {
      const { purged } = await request(transport, { type: 'data:purge', olderThanDays: value });
      setStatus({ tone: 'ok', text: t('options_purged', purged, value) });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="panel">
      <h2>{t('options_retention_title')}</h2>
      <label className="field">
        {t('options_retention_days')}{' '}
        <input
          data-testid="retention-days"
          type="number"
          min={0}
          max={36_500}
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p className="hint">{t('options_retention_notes_kept')}</p>
      <div className="buttons">
        <button type="button" data-testid="retention-save" onClick={() => void save()}>
          {t('options_save')}
        </button>
        <button type="button" data-testid="purge" onClick={() => void purge()}>
          {t('options_purge')}
        </button>
      </div>
      <Status line={status} testId="retention-status" />
    </section>
  );
}
