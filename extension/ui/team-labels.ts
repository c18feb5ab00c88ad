/** The words for the team's values (connection, case status, role), from the messages files: one table each. */
import type { CaseStatus, TeamEntity, TeamRole } from '#core';
import type { ConnectionState } from '../sync/status.ts';
import { t, type MessageKey } from './i18n.ts';

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

/** The server's reasons to withdraw access (sync-server/auth.ts recheck), each with its own words. */
const WITHDRAWN_REASON: Record<string, MessageKey> = {
  'token expired': 'team_close_token_expired',
  'user removed': 'team_close_user_removed',
  'token revoked': 'team_close_token_revoked',
};

/** Close codes the sync server uses (sync-server/protocol.ts CLOSE). */
const CLOSE_CODE: Record<number, MessageKey> = {
  1007: 'team_close_malformed',
  1008: 'team_close_limit',
  1009: 'team_close_too_big',
  1011: 'team_close_internal',
  1012: 'team_close_restart',
  4401: 'team_close_withdrawn',
};

/**
 * A status detail in the UI language: a close ("4401 token revoked") said by its code and known reason — the server's
 * English stays out; any other detail is the background's own, already in the UI language.
 */
export function detailText(detail: string): string {
  const close = /^(\d{4})(?: (.*))?$/.exec(detail);
  if (!close) return detail;
  const code = Number(close[1]);
  const key = WITHDRAWN_REASON[close[2] ?? ''] ?? CLOSE_CODE[code] ?? 'team_close_other';
  return t(key, String(code));
}
