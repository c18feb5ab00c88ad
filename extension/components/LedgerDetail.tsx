/**
 * One ledger row opened: the team's record (status, domain, assignee, tags, dates, listings, notes) and the latest
 * snapshot this computer kept of the entity — summarised exactly as the popup shows a hit (HitCard), with the page it
 * was seen on as a link. An entity never seen here says so. Its 修改记录 as the team server recorded it (LedgerHistory);
 * when the server recorded the last change under another user than the record's own `updatedBy`, that is said beside
 * it. Texts are React text.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../messaging/client.ts';
import type { Snapshot } from '../storage/contract.ts';
import type { LedgerRow } from '../ledger/rows.ts';
import { t } from '../ui/i18n.ts';
import { localDateTime, messageOf } from './format.ts';
import { HitCard } from './HitCard.tsx';
import { LedgerHistory, useEntityHistory } from './LedgerHistory.tsx';
import { CASE_STATUS_LABEL } from './team-labels.ts';

export interface LedgerDetailProps {
  transport: Transport;
  row: LedgerRow;
  openUrl(url: string): void;
  onClose(): void;
}

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'done'; snapshot: Snapshot | null };

export function LedgerDetail({ transport, row, openUrl, onClose }: LedgerDetailProps) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
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
        <button type="button" data-testid="ledger-detail-close" onClick={onClose} aria-label={t('ledger_close')}>×</button>
      </header>
      <p className="mono">{row.key}</p>
      <dl className="facts">
        <dt>{t('ledger_col_person')}</dt><dd>{e.legalRepresentative ?? '—'}</dd>
        <dt>{t('ledger_col_status')}</dt><dd data-testid="ledger-detail-status">{t(e.status ? CASE_STATUS_LABEL[e.status] : 'team_unset')}</dd>
        <dt>{t('ledger_col_domain')}</dt><dd>{e.domain ? t(`domain_${e.domain}`) : '—'}</dd>
        <dt>{t('ledger_col_assignee')}</dt><dd>{e.assignee ?? '—'}</dd>
        <dt>{t('ledger_col_tags')}</dt><dd>{e.tags.length > 0 ? e.tags.join(sep) : '—'}</dd>
        <dt>{t('ledger_col_listings')}</dt><dd>{e.listings.length > 0 ? e.listings.map((l) => `${l.decidedOn} ${l.decisionNo}`).join(sep) : '—'}</dd>
        <dt>{t('ledger_col_publicized')}</dt><dd>{e.repeatOffenderPublicizedOn ?? '—'}</dd>
        <dt>{t('ledger_col_exposed')}</dt><dd>{e.typicalCaseExposedOn ?? '—'}</dd>
      </dl>
      <p className="meta">
        {t('team_updated', e.updatedBy, localDateTime(e.updatedAt))}
        {latest && latest.user !== e.updatedBy && <strong className="claim" data-testid="ledger-recorded-as">{` ${t('ledger_recorded_as', latest.user)}`}</strong>}
      </p>
      <h3>{t('team_notes_label')}</h3>
      {e.notes.length === 0 ? <p className="empty">{t('team_notes_empty')}</p> : (
        <ul className="team-notes">
          {e.notes.map((n) => (
            <li key={n.id}><p className="meta">{t('team_note_meta', n.author, localDateTime(n.at))}</p><p className="text">{n.text}</p></li>
          ))}
        </ul>
      )}
      <LedgerHistory state={history} />
      <h3>{t('ledger_snapshot')}</h3>
      {loaded.kind === 'loading' && <p className="hint">{t('ledger_loading_short')}</p>}
      {loaded.kind === 'error' && <p className="error" role="alert">{t('popup_error', loaded.message)}</p>}
      {loaded.kind === 'done' && (loaded.snapshot === null
        ? <p className="empty" data-testid="ledger-no-snapshot">{t('ledger_no_snapshot')}</p>
        : <ul className="hits"><HitCard hit={loaded.snapshot} openUrl={openUrl} /></ul>)}
    </aside>
  );
}
