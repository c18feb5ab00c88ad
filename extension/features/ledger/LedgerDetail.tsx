/**
 * One ledger row opened: the team's record (status, domain, assignee, tags, notes), what the 工作情况表 counts for it
 * — decisions and the two dates, editable here (ReportFacts) unless the token is 只读 — and the latest
 * snapshot this computer kept of the entity — summarised exactly as the popup shows a hit (HitCard), with the page it
 * was seen on as a link. An entity never seen here says so. Its 修改记录 as the team server recorded it (LedgerHistory);
 * when the server recorded the last change under another user than the record's own `updatedBy`, that is said beside
 * it. Texts are React text.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Snapshot } from '../../storage/contract.ts';
import type { LedgerRow } from './rows.ts';
import { t } from '../../ui/i18n.ts';
import { localDateTime, messageOf } from '../../ui/format.ts';
import { HitCard } from '../../ui/HitCard.tsx';
import { EvidenceList } from '../../ui/EvidenceList.tsx';
import { LedgerHistory, useEntityHistory } from './LedgerHistory.tsx';
import { ReportFacts, type ReportFactsRequest } from '../../ui/ReportFacts.tsx';
import { statusLabel } from '../../ui/team-labels.ts';

export interface LedgerDetailProps {
  transport: Transport;
  row: LedgerRow;
  openUrl(url: string): void;
  onClose(): void;
  readonly: boolean;
  newId(): string;
  /** After a write: the ledger reloads, and this pane shows the record as the document now holds it. */
  onWritten(): void;
}

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; snapshot: Snapshot | null };

export function LedgerDetail({ transport, row, openUrl, onClose, readonly, newId, onWritten }: LedgerDetailProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [failure, setFailure] = useState<string | null>(null);
  const write = async (message: ReportFactsRequest): Promise<boolean> => {
    try {
      await request(transport, message);
      setFailure(null);
      onWritten();
      return true;
    } catch (error) {
      setFailure(messageOf(error));
      return false;
    }
  };
  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    request(transport, { type: 'ledger:snapshot', entityKey: row.key }).then(
      ({ snapshot }) => current && setLoaded({ kind: 'done', snapshot }),
      (error: unknown) => current && setLoaded({ kind: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [transport, row.key]);
  const e = row.entity;
  const sep = t('list_separator');
  const history = useEntityHistory(transport, row.key, e.updatedAt);
  const latest = history.kind === 'done' ? history.entries[0] : undefined;
  return (
    <aside className="ledger-detail" data-testid="ledger-detail" aria-label={e.name}>
      <header>
        <h2>{e.name}</h2>
        <button type="button" data-testid="ledger-detail-close" onClick={onClose} aria-label={t('ledger_close')}>
          ×
        </button>
      </header>
      <p className="mono">{row.key}</p>
      <dl className="facts">
        <dt>{t('ledger_col_person')}</dt>
        <dd>{e.legalRepresentative ?? '—'}</dd>
        <dt>{t('ledger_col_status')}</dt>
        <dd data-testid="ledger-detail-status">{t(statusLabel(e))}</dd>
        <dt>{t('ledger_col_domain')}</dt>
        <dd>{e.domain ? t(`domain_${e.domain}`) : '—'}</dd>
        <dt>{t('ledger_col_assignee')}</dt>
        <dd>{e.assignee ?? '—'}</dd>
        <dt>{t('ledger_col_tags')}</dt>
        <dd>{e.tags.length > 0 ? e.tags.join(sep) : '—'}</dd>
      </dl>
      {failure !== null && (
        <p className="error" role="alert" data-testid="ledger-detail-error">
          {t('ledger_detail_failed', failure)}
        </p>
      )}
      {/* An extension page of its own, not a frame a credit page could cover: a write needs no guard beyond 只读. */}
      <ReportFacts entityKey={row.key} record={e} off={readonly} act={(_event, _what, run) => run()} write={write} newId={newId} />
      <p className="meta">
        {t('team_updated', e.updatedBy, localDateTime(e.updatedAt))}
        {latest && latest.user !== e.updatedBy && (
          <strong className="claim" data-testid="ledger-recorded-as">{` ${t('ledger_recorded_as', latest.user)}`}</strong>
        )}
      </p>
      <h3>{t('team_notes_label')}</h3>
      {e.notes.length === 0 ? (
        <p className="empty">{t('team_notes_empty')}</p>
      ) : (
        <ul className="team-notes">
          {e.notes.map((n) => (
            <li key={n.id}>
              <p className="meta">{t('team_note_meta', n.author, localDateTime(n.at))}</p>
              <p className="text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <LedgerHistory state={history} />
      <h3>{t('ledger_snapshot')}</h3>
      {loaded.kind === 'loading' && <p className="hint">{t('ledger_loading_short')}</p>}
      {loaded.kind === 'error' && (
        <p className="error" role="alert">
          {t('popup_error', loaded.message)}
        </p>
      )}
      {loaded.kind === 'done' &&
        (loaded.snapshot === null ? (
          <>
            <p className="empty" data-testid="ledger-no-snapshot">
              {t('ledger_no_snapshot')}
            </p>
            <EvidenceList transport={transport} entityKey={row.key} />
          </>
        ) : (
          <ul className="hits">
            <HitCard hit={loaded.snapshot} openUrl={openUrl} transport={transport} />
          </ul>
        ))}
    </aside>
  );
}
