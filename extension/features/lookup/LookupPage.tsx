/**
 * The toolbar popup: one search box over what this computer has kept (snapshots of viewed pages and private notes),
 * by credit code, 注册号, entity name or legal representative; the identifier check while typing; the recently
 * viewed entities when the box is empty. Opened as popup.html?q=… (the context menu), it starts with that query.
 * It talks to the background only through `transport`, so tests run it against a real router.
 */
import { useState, type ComponentProps } from 'react';
import type { Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import { EvidenceButton } from './EvidenceButton.tsx';
import { IdCheck } from './IdCheck.tsx';
import { LookupResults } from './LookupResults.tsx';
import { MAX_QUERY, useLookup } from './use-lookup.ts';

export interface LookupPageProps {
  transport: Transport;
  openUrl: (url: string) => void;
  /** The query to start with (from `?q=`). */
  initialQuery?: string;
  /** Debounce while typing, in ms; tests may shorten it. */
  delayMs?: number;
  /** Opens the team ledger page in a tab (absent: no link). */
  openLedger?: () => void;
  /** 保存取证 of the current tab, called from the click (absent: no button: the lookup page opened in a tab of its own). */
  saveEvidence?: ComponentProps<typeof EvidenceButton>['save'];
}

/** The start query of `popup.html?q=<text>`, for the entry point to pass in. */
export function initialQueryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').slice(0, MAX_QUERY);
}

export function LookupPage({ transport, openUrl, initialQuery = '', delayMs, openLedger, saveEvidence }: LookupPageProps) {
  const [query, setQuery] = useState(initialQuery);
  const state = useLookup(transport, query, delayMs);
  return (
    <main className="lookup">
      <h1>
        {t('extName')}
        {openLedger && (
          <button type="button" className="ledger-link" data-testid="open-ledger" onClick={openLedger}>
            {t('ledger_open')}
          </button>
        )}
      </h1>
      {saveEvidence && <EvidenceButton save={saveEvidence} />}
      <input
        data-testid="lookup-input"
        type="search"
        autoFocus
        maxLength={MAX_QUERY}
        value={query}
        placeholder={t('popup_search_placeholder')}
        aria-label={t('popup_search_placeholder')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="hint">{t('popup_scope')}</p>
      <IdCheck query={query} />
      {state.kind === 'error' && (
        <p data-testid="lookup-error" className="error" role="alert">
          {t('popup_error', state.message)}
        </p>
      )}
      <LookupResults state={state} openUrl={openUrl} transport={transport} />
    </main>
  );
}
