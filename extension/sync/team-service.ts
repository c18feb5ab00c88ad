/**
 * The background's team: which server and token are configured, the one open team document (TeamConnection) and
 * its lifecycle — started from the stored configuration when the background starts, restarted when the options page
 * sets a new one, stopped (and its local copy deleted) when cleared — and what this browser tells the team it is
 * looking at. Configuration changes run one at a time, so two quick saves never leave two connections open.
 */
import type * as Y from 'yjs';
import type { HistoryEntry, PageReport, TeamTokenClaims } from '#core';
import { t } from '../ui/i18n.ts';
import { configProblems, readToken, TeamServerConfig } from './config.ts';
import type { TeamConfigStore } from './config-store.ts';
import { TeamConnection } from './connection.ts';
import { fetchEntityHistory } from './history-client.ts';
import { postPageReport } from './page-report-client.ts';
import { viewersOf, ViewingTabs } from './presence.ts';
import { NOT_CONFIGURED, type TeamStatus } from './status.ts';

/** What the message handlers need of the team (the service, or a stand-in in tests). */
export interface TeamBackend {
  /** After the stored configuration was opened (a freshly woken background answers with the real state). */
  status(): Promise<TeamStatus>;
  /** Checks, stores and connects; an unusable server or token changes nothing and says why. */
  configure(input: { server: string; token: string }): Promise<{ ok: true; status: TeamStatus } | { ok: false; problems: string[] }>;
  /** Forgets the server and token, disconnects and deletes the local copy of the team's document. */
  disconnect(): Promise<TeamStatus>;
  /** The open team document (loaded from the local copy) and its user; null when no team is configured. */
  session(): Promise<{ doc: Y.Doc; claims: TeamTokenClaims } | null>;
  /** Other users of the team viewing `key` now. */
  viewersOf(key: string): string[];
  /** Tab `tabId` shows entity `key` (null: none). */
  setTabEntity(tabId: number, key: string | null): void;
  /** The server's change history of a record, newest first; null when no team is configured; throws why not. */
  history(key: string): Promise<HistoryEntry[] | null>;
  /** A page report (读取有误？) to the team server with the user's token: its id there; null when no team is configured; throws why not. */
  sendPageReport(report: PageReport): Promise<{ id: number } | null>;
  /** The configured server and token, for the background's own requests (site rules); null when none. */
  access(): Promise<{ server: string; token: string } | null>;
}

export interface TeamServiceOptions {
  store: TeamConfigStore;
  /** Milliseconds since the epoch. */
  now(): number;
  log(line: string): void;
  /** For tests under Node: the `ws` package. */
  WebSocket?: typeof WebSocket;
  /** For tests: how the history is fetched and page reports are sent. */
  fetch?: typeof fetch;
}

interface Open {
  server: string;
  token: string;
  claims: TeamTokenClaims;
  connection: TeamConnection;
  expiryTimer: ReturnType<typeof setTimeout> | null;
}

/** setTimeout's longest delay (about 24.8 days); a later expiry is caught by the check in status(). */
const MAX_DELAY = 2 ** 31 - 1;

export class TeamService implements TeamBackend {
  private open: Open | null = null;
  /** Why the stored configuration was not used. */
  private storedProblem: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tabs = new ViewingTabs(() => this.publish());

  constructor(private readonly options: TeamServiceOptions) {}

  /** Opens the stored configuration, if any. */
  start(): Promise<void> {
    return this.serial(async () => {
      const stored = await this.options.store.load();
      if (stored === null) return;
      const config = TeamServerConfig.safeParse(stored);
      if (!config.success) return this.ignoreStored(configProblems(config.error));
      const token = readToken(config.data.token, this.options.now());
      if (!token.ok) return this.ignoreStored(token.problems);
      // An expired token still opens the local copy (to read, and to keep editing until a new token is set).
      this.openConnection(config.data.server, config.data.token, token.claims, token.expired);
    });
  }

  async status(): Promise<TeamStatus> {
    await this.queue;
    return this.statusNow();
  }

  private statusNow(): TeamStatus {
    const open = this.open;
    if (!open) return { ...NOT_CONFIGURED, detail: this.storedProblem };
    if (open.claims.exp * 1000 <= this.options.now()) open.connection.expire();
    return { state: open.connection.state(), server: open.server, claims: open.claims, detail: open.connection.detail() };
  }

  configure(input: { server: string; token: string }): Promise<{ ok: true; status: TeamStatus } | { ok: false; problems: string[] }> {
    return this.serial(async () => {
      const config = TeamServerConfig.safeParse(input);
      if (!config.success) return { ok: false as const, problems: configProblems(config.error) };
      const token = readToken(config.data.token, this.options.now());
      if (!token.ok) return { ok: false as const, problems: token.problems };
      if (token.expired) return { ok: false as const, problems: [t('team_token_expired_short')] };
      await this.options.store.save(config.data);
      await this.closeOpen(false);
      this.storedProblem = null;
      this.openConnection(config.data.server, config.data.token, token.claims, false);
      return { ok: true as const, status: this.statusNow() };
    });
  }

  disconnect(): Promise<TeamStatus> {
    return this.serial(async () => {
      await this.options.store.save(null);
      await this.closeOpen(true);
      this.storedProblem = null;
      return this.statusNow();
    });
  }

  async session(): Promise<{ doc: Y.Doc; claims: TeamTokenClaims } | null> {
    // Behind any configuration change under way, so a write never lands in a document being closed.
    await this.queue;
    const open = this.open;
    if (!open) return null;
    await open.connection.ready;
    return { doc: open.connection.doc, claims: open.claims };
  }

  viewersOf(key: string): string[] {
    const connection = this.open?.connection;
    return connection ? viewersOf(connection.awareness.getStates(), connection.doc.clientID, key) : [];
  }

  setTabEntity(tabId: number, key: string | null): void {
    this.tabs.set(tabId, key);
  }

  async history(key: string): Promise<HistoryEntry[] | null> {
    await this.queue;
    const open = this.open;
    if (!open) return null;
    return fetchEntityHistory({ server: open.server, token: open.token, team: open.claims.team }, key, this.options.fetch);
  }

  async sendPageReport(report: PageReport): Promise<{ id: number } | null> {
    await this.queue;
    const open = this.open;
    if (!open) return null;
    return postPageReport({ server: open.server, token: open.token, team: open.claims.team }, report, this.options.fetch);
  }

  async access(): Promise<{ server: string; token: string } | null> {
    await this.queue;
    return this.open && { server: this.open.server, token: this.open.token };
  }

  /** Closes everything, for a background that is going away (tests). */
  stop(): Promise<void> {
    return this.serial(() => this.closeOpen(false));
  }

  private ignoreStored(problems: string[]): void {
    this.storedProblem = t('team_stored_ignored', problems.join(t('problem_separator')));
    this.options.log(this.storedProblem);
  }

  private openConnection(server: string, token: string, claims: TeamTokenClaims, expired: boolean): void {
    const connection: TeamConnection = new TeamConnection({
      server,
      token,
      claims,
      expired,
      WebSocket: this.options.WebSocket,
      onChange: () =>
        this.options.log(`team ${claims.team}: ${connection.state()}${connection.detail() ? ` (${connection.detail()})` : ''}`),
    });
    const untilExpiry = claims.exp * 1000 - this.options.now();
    const expiryTimer = !expired && untilExpiry < MAX_DELAY ? setTimeout(() => connection.expire(), untilExpiry) : null;
    this.open = { server, token, claims, connection, expiryTimer };
    this.publish();
  }

  private async closeOpen(forget: boolean): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (open.expiryTimer) clearTimeout(open.expiryTimer);
    await (forget ? open.connection.closeAndForget() : open.connection.close());
  }

  private publish(): void {
    const open = this.open;
    open?.connection.setPresence({ user: open.claims.sub, viewing: this.tabs.keys() });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }
}

/** A background without a team service: never configured, nothing to read or write. */
export const NO_TEAM: TeamBackend = {
  status: async () => NOT_CONFIGURED,
  configure: async () => ({ ok: false, problems: [t('team_no_service')] }),
  disconnect: async () => NOT_CONFIGURED,
  session: async () => null,
  viewersOf: () => [],
  setTabEntity: () => {},
  history: async () => null,
  sendPageReport: async () => null,
  access: async () => null,
};
