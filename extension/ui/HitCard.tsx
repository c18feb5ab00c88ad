/**
 * One entity found in the popup: its latest snapshot, summarised exactly as the overlay summarises a page
 * (ui/summary.ts), so the popup never disagrees with what the page showed — a section the page did not let us read
 * is 未知 here too. Texts from pages and files are React text.
 */
import type { Snapshot } from '../storage/contract.ts';
import { t } from './i18n.ts';
import { useContext } from 'react';
import { summarize, type Verdict } from './summary.ts';
import { SettingsContext } from './settings-context.ts';
import { isWebUrl, localDateTime, siteTitle } from './format.ts';
import { EvidenceList } from './EvidenceList.tsx';
import type { Transport } from '../messaging/client.ts';

export interface HitCardProps {
  hit: Snapshot;
  /** Opens the page the snapshot was taken from (a new tab in the extension). */
  openUrl: (url: string) => void;
  /** To list the entity's 取证记录 under it (absent: not listed). */
  transport?: Transport;
}

const say = (verdict: Verdict) => t(verdict.key, ...verdict.subs);

export function HitCard({ hit, openUrl, transport }: HitCardProps) {
  const summary = summarize(hit.record, hit.assessment, useContext(SettingsContext));
  const { windowYears, total, read } = summary.penaltiesInWindow;
  const penalties =
    read === 'unknown'
      ? t('overlay_penalties_unread', windowYears)
      : t(read === 'partial' ? 'overlay_penalties_at_least' : 'overlay_penalties_total', windowYears, total);
  return (
    <li data-testid="lookup-hit" className="hit">
      <div className="hit-name">{hit.record.entity.name}</div>
      <div className="hit-key">{hit.entityKey}</div>
      <dl className="hit-facts">
        <dt>{t('overlay_serious_label')}</dt>
        <dd data-testid="hit-serious" className={`tone-${summary.serious.tone}`}>
          {say(summary.serious)}
        </dd>
        <dt>{t('overlay_abnormal_label')}</dt>
        <dd data-testid="hit-abnormal" className={`tone-${summary.abnormal.tone}`}>
          {say(summary.abnormal)}
        </dd>
        <dt>{t('overlay_repeat_label')}</dt>
        <dd data-testid="hit-repeat" className={`tone-${summary.repeat.tone}`}>
          {say(summary.repeat)}
        </dd>
      </dl>
      <div data-testid="hit-penalties">{penalties}</div>
      <div className="hit-meta">
        <span data-testid="hit-observed">{t('popup_observed', localDateTime(hit.observedAt), siteTitle(hit.site))}</span>
        {isWebUrl(hit.url) && (
          <a
            data-testid="hit-open"
            href={hit.url}
            onClick={(event) => {
              // The popup closes on navigation: the page opens in a tab of its own instead.
              event.preventDefault();
              openUrl(hit.url);
            }}
          >
            {t('popup_open')}
          </a>
        )}
      </div>
      {transport && <EvidenceList transport={transport} entityKey={hit.entityKey} />}
    </li>
  );
}
