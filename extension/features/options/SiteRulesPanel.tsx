/**
 * 站点规则 on the options page: which version of the team's site rules this browser reads with, when it was fetched
 * and from which server, how the last check went (a failed one keeps the last good copy), and 立即检查更新 — a check
 * now, on the user's own click. Below, 读取情况: this browser's reads of each site over the last seven days.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import { t } from '../../ui/i18n.ts';
import { localDateTime, messageOf, siteTitle } from '../../ui/format.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';

type State = Response<'site-rules:status'>['state'];
type Week = Response<'reader:week'>['sites'];

export function SiteRulesPanel({ transport }: { transport: Transport }) {
  const [state, setState] = useState<State | null>(null);
  const [week, setWeek] = useState<Week | null>(null);
  const [checking, setChecking] = useState(false);
  const [status, setStatus] = useState<StatusLine>(null);
  const fail = (error: unknown) => setStatus({ tone: 'error', text: t('options_error', messageOf(error)) });

  useEffect(() => {
    let current = true;
    void request(transport, { type: 'site-rules:status' }).then(
      (answer) => current && setState(answer.state),
      (error: unknown) => current && fail(error),
    );
    void request(transport, { type: 'reader:week' }).then(
      (answer) => current && setWeek(answer.sites),
      (error: unknown) => current && fail(error),
    );
    return () => {
      current = false;
    };
  }, [transport]);

  const check = async (event: { isTrusted: boolean }) => {
    // A check is the user's own act: a script on this page clicking the button does nothing.
    if (!event.isTrusted || checking) return;
    setChecking(true);
    setStatus(null);
    try {
      setState((await request(transport, { type: 'site-rules:check' })).state);
    } catch (error) {
      fail(error);
    } finally {
      setChecking(false);
    }
  };

  const active = state?.active ?? null;
  const last = state?.check ?? null;
  return (
    <section className="panel" data-testid="site-rules-panel">
      <h2>{t('options_site_rules_title')}</h2>
      <p className="hint">{t('options_site_rules_intro')}</p>
      {state !== null && (
        <div data-testid="site-rules-state">
          {active === null ? (
            <p data-testid="site-rules-version">{t('options_site_rules_none')}</p>
          ) : (
            <>
              <p data-testid="site-rules-version">{t('options_site_rules_version', active.version)}</p>
              <p>{t('options_site_rules_fetched', localDateTime(active.fetchedAt))}</p>
              <p>{t('options_site_rules_server', active.server)}</p>
            </>
          )}
          {last !== null && <p data-testid="site-rules-checked">{t('options_site_rules_checked', localDateTime(last.checkedAt))}</p>}
          {last?.error && (
            <p className="status error" data-testid="site-rules-error">
              {t('options_site_rules_error', last.error)}
            </p>
          )}
        </div>
      )}
      <div className="buttons">
        <button type="button" data-testid="site-rules-check" disabled={checking} onClick={(event) => void check(event)}>
          {checking ? t('options_site_rules_checking') : t('options_site_rules_check')}
        </button>
      </div>
      <Status line={status} testId="site-rules-status" />
      <h3>{t('options_health_title')}</h3>
      {week !== null && week.length === 0 && <p data-testid="health-none">{t('options_health_none')}</p>}
      {week !== null && week.length > 0 && (
        <table data-testid="health-table">
          <thead>
            <tr>
              <th>{t('options_health_site')}</th>
              <th>{t('options_health_understood')}</th>
              <th>{t('options_health_partial')}</th>
              <th>{t('options_health_not_understood')}</th>
            </tr>
          </thead>
          <tbody>
            {week.map(({ site, counts }) => (
              <tr key={site} data-testid={`health-${site}`}>
                <td>{siteTitle(site)}</td>
                <td>{counts.understood}</td>
                <td>{counts.partial}</td>
                <td>{counts.notUnderstood}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('options_health_hint')}</p>
    </section>
  );
}
