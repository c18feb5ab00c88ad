/**
 * One team document on this computer and its link to the server: the Y.Doc, its local copy in IndexedDB (loaded
 * first, then kept up to date, so edits made offline survive a browser restart and merge when the server is reached
 * again), the y-websocket provider (which reconnects by itself, with backoff) and the awareness of who is looking at
 * what. Isolates y-websocket and y-indexeddb: the rest of the extension sees a document and a connection state.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import type { TeamTokenClaims } from '#core';
import { addressesOf, localDocName } from './config.ts';
import type { Presence } from './presence.ts';
import type { ConnectionState } from './status.ts';

export interface ConnectionOptions {
  server: string;
  token: string;
  claims: TeamTokenClaims;
  /** The token has expired already: the local copy is opened, no connection is tried. */
  expired: boolean;
  /** Called whenever the state (or the last close reason) changes. */
  onChange(): void;
  /** For tests under Node: the `ws` package; the browser's WebSocket otherwise. */
  WebSocket?: typeof WebSocket;
}

/** How long the local copy may take to load before the connection starts without it. */
const LOCAL_LOAD_TIMEOUT_MS = 5_000;

/** Close codes that say nothing a user could act on (normal, none given, the connection failed). */
const UNREMARKABLE_CLOSE = new Set([1000, 1005, 1006]);

export class TeamConnection {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** Resolves when the local copy has been loaded into the document (or, failing that, after LOCAL_LOAD_TIMEOUT_MS). */
  readonly ready: Promise<void>;
  private readonly local: IndexeddbPersistence;
  private provider: WebsocketProvider | null = null;
  private socket: 'connecting' | 'connected' | 'offline' = 'connecting';
  private expired: boolean;
  private closed = false;
  /** Why the server last closed the connection (e.g. `1008 token revoked`), while not connected. */
  private lastClose: string | null = null;

  constructor(private readonly options: ConnectionOptions) {
    this.expired = options.expired;
    this.local = new IndexeddbPersistence(localDocName(options.server, options.claims.team), this.doc);
    // A local copy that cannot be opened (a broken profile, no space) must not keep the team away: after a while the
    // connection starts anyway, and whatever the copy yields later merges like any other update.
    this.ready = Promise.race([
      this.local.whenSynced.then(() => {}),
      new Promise<void>((resolve) => setTimeout(resolve, LOCAL_LOAD_TIMEOUT_MS)),
    ]);
    // The local copy first: the first sync step then sends everything this computer has, offline edits included.
    void this.ready.then(() => {
      if (!this.closed && !this.expired) this.connect();
    });
  }

  state(): Exclude<ConnectionState, 'not-configured'> {
    return this.expired ? 'token-expired' : this.socket;
  }

  /** The server's last reason for closing, while not connected. */
  detail(): string | null {
    return this.state() === 'connected' ? null : this.lastClose;
  }

  /** What this browser publishes to the team: the user and the entities shown in its tabs. */
  setPresence(presence: Presence): void {
    this.awareness.setLocalState(presence);
  }

  /** The token expired while running: stop connecting; the local copy stays open. */
  expire(): void {
    if (this.expired) return;
    this.expired = true;
    this.provider?.destroy();
    this.provider = null;
    this.options.onChange();
  }

  /** Disconnects and closes the local copy (its data stays on disk). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.provider?.destroy();
    this.provider = null;
    this.awareness.destroy();
    await this.local.destroy();
    this.doc.destroy();
  }

  /** Disconnects and deletes the local copy of the team's document. */
  async closeAndForget(): Promise<void> {
    await this.close();
    await deleteDatabase(this.local.name);
  }

  private connect(): void {
    const { server, token, claims } = this.options;
    const addresses = addressesOf(server);
    let at = 0;
    const provider = new WebsocketProvider(`${addresses[0]}/team`, claims.team, this.doc, {
      params: { token },
      awareness: this.awareness,
      // One background per browser: nothing to share with other tabs, and a token must not travel further than needed.
      disableBc: true,
      ...(this.options.WebSocket ? { WebSocketPolyfill: this.options.WebSocket } : {}),
    });
    this.provider = provider;
    const set = (next: typeof this.socket) => {
      if (next === 'connected') this.lastClose = null;
      if (next === this.socket) return;
      this.socket = next;
      this.options.onChange();
    };
    // A retry after a failure stays "offline" until it succeeds, so the indicator does not flicker with each attempt.
    provider.on('status', ({ status }) => {
      if (status === 'connected') set(provider.synced ? 'connected' : 'connecting');
      else if (status === 'disconnected') set('offline');
    });
    provider.on('sync', (synced) => set(!provider.wsconnected ? 'offline' : synced ? 'connected' : 'connecting'));
    provider.on('connection-close', (event) => {
      // A refused upgrade (401, 403) reaches a browser as 1006 without a reason; a close by the server after the
      // upgrade (1008 limit, token revoked, user removed; 1012 restart) carries one worth showing.
      if (event && (!UNREMARKABLE_CLOSE.has(event.code) || event.reason !== '')) {
        this.lastClose = `${event.code}${event.reason ? ` ${event.reason}` : ''}`;
      }
      set('offline');
      this.options.onChange();
      // Several instances: the next attempt goes to the next one (the provider reads serverUrl at each attempt).
      if (addresses.length > 1) {
        at = (at + 1) % addresses.length;
        provider.serverUrl = `${addresses[at]}/team`;
      }
    });
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Another connection still open: the deletion completes when it closes; nothing to wait for here.
    request.onblocked = () => resolve();
  });
}
