/**
 * For tests only: a TeamBackend over an in-memory document — the handlers' and pages' view of a configured team
 * without a server. The state, role and viewers are set by the test; configure/disconnect are recorded.
 */
import * as Y from 'yjs';
import type { HistoryEntry, TeamRole } from '#core';
import type { ConnectionState, TeamStatus } from '../../../extension/sync/status.ts';
import type { TeamBackend } from '../../../extension/sync/team-service.ts';

export interface TestTeam extends TeamBackend {
  doc: Y.Doc;
  /** What the handlers were told each tab shows. */
  tabs: Map<number, string>;
  set(change: {
    state?: ConnectionState;
    role?: TeamRole;
    viewers?: string[];
    detail?: string | null;
    history?: HistoryEntry[] | Error;
  }): void;
  configured: Array<{ server: string; token: string }>;
}

export function testTeam(options: { role?: TeamRole; state?: ConnectionState; user?: string } = {}): TestTeam {
  const doc = new Y.Doc();
  const tabs = new Map<number, string>();
  let state: ConnectionState = options.state ?? 'connected';
  let role: TeamRole = options.role ?? 'member';
  let viewers: string[] = [];
  let detail: string | null = null;
  let history: HistoryEntry[] | Error = [];
  const configured: Array<{ server: string; token: string }> = [];
  const claims = () => ({ sub: options.user ?? 'alice', team: 't1', role, jti: 'j1', iat: 1_790_000_000, exp: 1_900_000_000 });
  const status = (): TeamStatus =>
    state === 'not-configured'
      ? { state, server: null, claims: null, detail }
      : { state, server: 'ws://127.0.0.1:1234', claims: claims(), detail };
  return {
    doc,
    tabs,
    configured,
    set(change) {
      state = change.state ?? state;
      role = change.role ?? role;
      viewers = change.viewers ?? viewers;
      detail = change.detail === undefined ? detail : change.detail;
      history = change.history ?? history;
    },
    status: async () => status(),
    configure: async (input) => {
      configured.push(input);
      state = 'connecting';
      return { ok: true, status: status() };
    },
    disconnect: async () => {
      state = 'not-configured';
      return status();
    },
    session: async () => (state === 'not-configured' ? null : { doc, claims: claims() }),
    viewersOf: () => viewers,
    setTabEntity: (tabId, key) => void (key === null ? tabs.delete(tabId) : tabs.set(tabId, key)),
    history: async () => {
      if (state === 'not-configured') return null;
      if (history instanceof Error) throw history;
      return history;
    },
    // No server behind the in-memory team: a page report is refused as by an unreachable server.
    sendPageReport: async () => {
      if (state === 'not-configured') return null;
      throw new Error('the test team has no server');
    },
    access: async () => (state === 'not-configured' ? null : { server: 'ws://127.0.0.1:1', token: 'test-token' }),
  };
}
