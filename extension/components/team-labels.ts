/** The words for the team's values (connection, case status, role), from the messages files: one table each. */
import type { CaseStatus, TeamEntity, TeamRole } from '#core';
import type { ConnectionState } from '../sync/status.ts';
import type { MessageKey } from '../ui/i18n.ts';

export const CONNECTION_LABEL: Record<ConnectionState, MessageKey> = {
  'not-configured': 'team_state_not_configured',
  connecting: 'team_state_connecting',
  connected: 'team_state_connected',
  offline: 'team_state_offline',
  'token-expired': 'team_state_token_expired',
};

export const CASE_STATUS_LABEL: Record<CaseStatus, MessageKey> = {
  clue: 'team_status_clue',
  verifying: 'team_status_verifying',
  'case-filed': 'team_status_case_filed',
  listed: 'team_status_listed',
  dismissed: 'team_status_dismissed',
};

export const ROLE_LABEL: Record<TeamRole, MessageKey> = {
  admin: 'options_team_role_admin',
  member: 'options_team_role_member',
  readonly: 'options_team_role_readonly',
};

/** The status as the ledger shows it: 已列入 without a listing decision says so, since the report counts decisions. */
export function statusLabel(entity: Pick<TeamEntity, 'status' | 'listings'>): MessageKey {
  if (entity.status === null) return 'team_unset';
  return entity.status === 'listed' && entity.listings.length === 0 ? 'status_listed_missing' : CASE_STATUS_LABEL[entity.status];
}
