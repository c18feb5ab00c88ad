/**
 * The options page's team panel: the server address and the token, with what the token says (team, user, role,
 * expiry — decoded here, unverified, as the background will) before anything is saved; the connection as it is now
 * (asked every second); and 断开并清除, in two steps like the wipe, since it deletes this computer's copy of the team
 * record. The token is never shown back: the background answers only its claims.
 */
import { useEffect, useState } from 'react';
import type { TeamTokenClaims } from '#core';
import { request, type Transport } from '../../messaging/client.ts';
import { isUnencryptedRemote, readToken, TeamServerAddresses } from '../../sync/config.ts';
import type { TeamStatus } from '../../sync/status.ts';
import { t } from '../../ui/i18n.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { localDateTime, messageOf } from '../../ui/format.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';
import { detailText, ROLE_LABEL } from '../../ui/team-labels.ts';
import { TEAM_POLL_MS } from '../../sync/status.ts';

export interface TeamServerPanelProps {
  transport: Transport;
  /** Milliseconds since the epoch (the token's expiry is checked against it). */
  now?: () => number;
  pollMs?: number;
}

export function claimsLine(claims: TeamTokenClaims): string {
  return t(
    'options_team_claims',
    claims.team,
    claims.sub,
    t(ROLE_LABEL[claims.role]),
    localDateTime(new Date(claims.exp * 1000).toISOString()),
  );
}

function TokenPreview({ token, now }: { token: string; now: number }) {
  if (token.trim() === '') return null;
  const read = readToken(token, now);
  if (!read.ok)
    return (
      <p className="warning" data-testid="team-token-preview">
        {t('options_team_token_invalid', read.problems.join(t('problem_separator')))}
      </p>
    );
  if (read.expired)
    return (
      <p className="warning" data-testid="team-token-preview">
        {t('options_team_token_expired', localDateTime(new Date(read.claims.exp * 1000).toISOString()))}
      </p>
    );
  return (
    <p className="hint" data-testid="team-token-preview">
      {claimsLine(read.claims)}
    </p>
  );
}

function usePolledStatus(transport: Transport, pollMs: number): [TeamStatus | null, (status: TeamStatus) => void] {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      request(transport, { type: 'team:status' })
        .then(
          (answer) => current && setStatus(answer.status),
          () => {},
        )
        .finally(() => {
          if (current) timer = setTimeout(() => void ask(), pollMs);
        });
    void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, pollMs]);
  return [status, setStatus];
}

export function TeamServerPanel({ transport, now = () => Date.now(), pollMs = TEAM_POLL_MS }: TeamServerPanelProps) {
  const [status, setStatus] = usePolledStatus(transport, pollMs);
  const [server, setServer] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [line, setLine] = useState<StatusLine>(null);
  const [asking, setAsking] = useState(false);
  const serverText = server ?? status?.server ?? '';
  const address = TeamServerAddresses.safeParse(serverText);

  const connect = async () => {
    try {
      const answer = await request(transport, { type: 'team:configure', server: serverText, token });
      if (!answer.configured) {
        setLine({ tone: 'error', text: t('options_team_problems', answer.problems.join(t('problem_separator'))) });
        return;
      }
      setStatus(answer.status);
      setToken('');
      setLine({ tone: 'ok', text: t('options_team_saved') });
    } catch (error) {
      setLine({ tone: 'error', text: t('options_error', messageOf(error)) });
    }
  };
  const disconnect = async () => {
    setAsking(false);
    try {
      setStatus((await request(transport, { type: 'team:disconnect' })).status);
      setServer('');
      setLine({ tone: 'ok', text: t('options_team_disconnected') });
    } catch (error) {
      setLine({ tone: 'error', text: t('options_error', messageOf(error)) });
    }
  };

  return (
    <section className="panel" data-testid="team-server-panel">
      <h2>{t('options_team_title')}</h2>
      <p className="hint">{t('options_team_intro')}</p>
      {status && (
        <div data-testid="team-current">
          <ConnectionIndicator status={status} />
          {status.server !== null && <p className="hint">{t('options_team_current', status.server)}</p>}
          {status.claims && (
            <p className="hint" data-testid="team-claims">
              {claimsLine(status.claims)}
            </p>
          )}
          {status.detail !== null && (
            <p className="warning" data-testid="team-detail">
              {t('options_team_detail', detailText(status.detail))}
            </p>
          )}
        </div>
      )}
      <label className="field">
        {t('options_team_server')}
        <p className="hint">{t('options_team_server_hint')}</p>
        <input
          data-testid="team-server"
          type="url"
          size={50}
          maxLength={500}
          value={serverText}
          onChange={(e) => setServer(e.target.value)}
        />
      </label>
      {address.success && isUnencryptedRemote(address.data) && (
        <p className="warning" data-testid="team-unencrypted">
          {t('options_team_unencrypted')}
        </p>
      )}
      <label className="field">
        {t('options_team_token')}
        <p className="hint">{t('options_team_token_hint')}</p>
        <textarea
          data-testid="team-token"
          rows={3}
          cols={60}
          maxLength={4_000}
          spellCheck={false}
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <TokenPreview token={token} now={now()} />
      <div className="buttons">
        <button type="button" data-testid="team-connect" className="primary" disabled={token.trim() === ''} onClick={() => void connect()}>
          {t('options_team_connect')}
        </button>
        {status && status.state !== 'not-configured' && !asking && (
          <button
            type="button"
            data-testid="team-disconnect"
            onClick={() => {
              setLine(null);
              setAsking(true);
            }}
          >
            {t('options_team_disconnect')}
          </button>
        )}
      </div>
      {asking && (
        <div role="alertdialog" aria-labelledby="team-disconnect-warning">
          <p id="team-disconnect-warning" className="warning">
            {t('options_team_disconnect_warning')}
          </p>
          <div className="buttons">
            <button type="button" data-testid="team-disconnect-confirm" className="danger" onClick={() => void disconnect()}>
              {t('options_team_disconnect_confirm')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      )}
      <Status line={line} testId="team-status-line" />
    </section>
  );
}
