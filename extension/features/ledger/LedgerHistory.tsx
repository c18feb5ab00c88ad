/**
 * 修改记录 of one ledger record: the team server's history (ledger:history), newest first — when (北京时间), who as
 * the server recorded it from the token, and what changed, in words (no ids). A name or time the client wrote that
 * differs from the server's record is shown beside it (署名为 alice，由服务器记录为 mallory). Texts are React text.
 */
import { useEffect, useState } from 'react';
import type { HistoryEntry, HistoryField } from '#core';
import { request, type Transport } from '../../messaging/client.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { beijingDateTime, messageOf } from '../../ui/format.ts';

export type HistoryState =
  { kind: 'loading' } | { kind: 'no-team' } | { kind: 'error'; message: string } | { kind: 'done'; entries: HistoryEntry[] };

/** The record's history, asked again when the record (its key, or its last change) changes. */
export function useEntityHistory(transport: Transport, key: string, version: string): HistoryState {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ kind: 'loading' });
    request(transport, { type: 'ledger:history', entityKey: key }).then(
      ({ history }) => current && setState(history === null ? { kind: 'no-team' } : { kind: 'done', entries: history }),
      (error: unknown) => current && setState({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [transport, key, version]);
  return state;
}

const fieldLabel = (field: HistoryField): string => t(`history_field_${field}` as MessageKey);

function Entry({ entry }: { entry: HistoryEntry }) {
  const changed = entry.fields.filter((f) => f !== 'notes' || entry.notesAdded === 0);
  const what = [
    ...(changed.length > 0 ? [t('ledger_history_changed', changed.map(fieldLabel).join(t('list_separator')))] : []),
    ...(entry.notesAdded > 0 ? [t('ledger_history_notes_added', entry.notesAdded)] : []),
  ];
  return (
    <li data-testid="ledger-history-entry">
      <p className="meta">
        <span>{t('ledger_history_when', beijingDateTime(entry.at))}</span>
        {' · '}
        <strong data-testid="ledger-history-user">{entry.user}</strong>
      </p>
      <p className="text">{what.join(t('clause_separator'))}</p>
      {(entry.claimedBy !== undefined || entry.claimedAt !== undefined) && (
        <p className="claim" data-testid="ledger-history-claim">
          {[
            ...(entry.claimedBy !== undefined ? [t('ledger_history_claimed_by', entry.claimedBy, entry.user)] : []),
            ...(entry.claimedAt !== undefined
              ? [t('ledger_history_claimed_at', t('ledger_history_when', beijingDateTime(entry.claimedAt)))]
              : []),
          ].join(t('clause_separator'))}
        </p>
      )}
    </li>
  );
}

export function LedgerHistory({ state }: { state: HistoryState }) {
  return (
    <section data-testid="ledger-history">
      <h3>{t('ledger_history')}</h3>
      <p className="hint">{t('ledger_history_hint')}</p>
      {state.kind === 'loading' && <p className="hint">{t('ledger_loading_short')}</p>}
      {state.kind === 'no-team' && <p className="empty">{t('ledger_history_no_team')}</p>}
      {state.kind === 'error' && (
        <p className="error" role="alert">
          {t('ledger_history_error', state.message)}
        </p>
      )}
      {state.kind === 'done' &&
        (state.entries.length === 0 ? (
          <p className="empty">{t('ledger_history_empty')}</p>
        ) : (
          <ul className="team-notes">
            {state.entries.map((entry, i) => (
              <Entry key={`${entry.at}-${i}`} entry={entry} />
            ))}
          </ul>
        ))}
    </section>
  );
}
