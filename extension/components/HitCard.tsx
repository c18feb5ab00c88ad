/**
 * One entity found in the popup: its latest snapshot, summarised exactly as the overlay summarises a page
 * (ui/summary.ts), so the popup never disagrees with what the page showed. Texts from pages and files are React text.
 */
import type { Snapshot } from '../storage/contract.ts';
import { t, type MessageKey } from '../ui/i18n.ts';
import { useContext } from 'react';
import { summarize, type SeriousStatus } from '../ui/summary.ts';
import { SettingsContext } from './settings-context.ts';
import { isWebUrl, localDateTime, siteTitle } from './format.ts';

const SERIOUS: Record<SeriousStatus, MessageKey> = {
  listed: 'overlay_serious_listed',
  due: 'overlay_serious_due',
  none: 'overlay_serious_none',
};

export interface HitCardProps {
  hit: Snapshot;
  /** Opens the page the snapshot was taken from (a new tab in the extension). */
  openUrl: (url: string) => void;
}

export function HitCard({ hit, openUrl }: HitCardProps) {
  const summary = summarize(hit.record, hit.assessment, null, useContext(SettingsContext));
  const { windowYears, total } = summary.penaltiesInWindow;
  const { flag, count, threshold } = summary.repeat;
  return (
    <li data-testid="lookup-hit" className="hit">
      <div className="hit-name">{hit.record.entity.name}</div>
      <div className="hit-key">{hit.entityKey}</div>
      <dl className="hit-facts">
        <dt>{t('overlay_serious_label')}</dt>
        <dd data-testid="hit-serious" className={`serious-${summary.serious}`}>{t(SERIOUS[summary.serious])}</dd>
        <dt>{t('overlay_abnormal_label')}</dt>
        <dd data-testid="hit-abnormal" className={summary.abnormal === 'NONE' ? '' : 'abnormal'}>{t(`overlay_abnormal_${summary.abnormal}`)}</dd>
        <dt>{t('overlay_repeat_label')}</dt>
        <dd data-testid="hit-repeat" className={flag ? 'repeat' : ''}>{t(flag ? 'overlay_repeat_yes' : 'overlay_repeat_no', count, threshold)}</dd>
      </dl>
      <div data-testid="hit-penalties">{t('overlay_penalties_total', windowYears, total)}</div>
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
    </li>
  );
}
