/**
 * The team connection in one line — 已连接, 正在连接…, 离线 (edits kept here, synced later), 令牌已过期 or not
 * configured — and 只读 when the token's role is readonly. Shown in the notes frame and on the options page.
 */
import type { TeamStatus } from '../sync/status.ts';
import { t } from './i18n.ts';
import { CONNECTION_LABEL } from './team-labels.ts';

export function ConnectionIndicator({ status }: { status: TeamStatus }) {
  return (
    <span className="team-connection">
      <span data-testid="team-connection" data-state={status.state} className={`team-state team-state-${status.state}`} role="status">
        {t(CONNECTION_LABEL[status.state])}
      </span>
      {status.claims?.role === 'readonly' && (
        <span data-testid="team-readonly" className="team-readonly">
          {t('team_readonly')}
        </span>
      )}
    </span>
  );
}
