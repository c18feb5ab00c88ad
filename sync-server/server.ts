/**
 * The sync server: HTTP (health, metrics, the work report) and the WebSocket upgrade to a team's document, wired
 * together. Access is decided before the upgrade (auth.ts); the protocol is peer.ts; documents and durability are
 * rooms.ts; storage is persistence/ (SQLite or PostgreSQL); other instances are reached through fan-out/ (Redis).
 * A poll of the store notices account changes made by the account commands (on any instance) and closes what they
 * withdraw within the poll interval. SIGTERM (close()) commits what is pending, closes clients with 1012 and
 * compacts the documents.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { AuditEvent } from './audit.ts';
import { admit, recheck } from './auth.ts';
import { WebSocketServer } from './commonjs.ts';
import type { Config } from './config.ts';
import { openFanOut } from './fan-out/open.ts';
import { UpdateRate, metricsText } from './metrics.ts';
import { Peer, type PeerStats, type Principal } from './peer.ts';
import { openStore } from './persistence/open.ts';
import { EXTENSION_PATH, serveExtensionUpdates } from './extension-updates.ts';
import { CLOSE } from './protocol.ts';
import { RefusalAudit } from './refusals.ts';
import { HISTORY_PATH, serveHistory, serveHistoryPreflight } from './history-route.ts';
import { REPORT_PATH, serveReport } from './report.ts';
import { Rooms } from './rooms.ts';

export type SyncServer = { port: number; close(): Promise<void> };

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/**
 * A socket's error listener. Not a closure in the upgrade handler: it stays on the socket for the connection's life and
 * would keep the handler's whole scope (the request with its headers and URL, the first bytes) alive with it.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}

/**
 * The request's address; null when it is not one (`//`, `/\\` …, or a path whose percent-escapes do not decode, such
 * as `/team/%ZZ`) — never an exception out of a handler. Every route and the upgrade answer 400 to null.
 */
function urlOf(req: http.IncomingMessage): URL | null {
  try {
    const url = new URL(req.url ?? '/', 'http://server');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404): void {
  const body = `${status} ${STATUS_TEXT[status]}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
}

export async function startSyncServer(config: Config, log: (line: string) => void = console.error): Promise<SyncServer> {
  const store = await openStore(config, { log });
  const fanOut = await openFanOut(config, log);
  const secret = await store.secret();
  const audit = (event: AuditEvent): void => {
    store.appendAudit(event, new Date()).catch((error: unknown) => log(`audit trail not written: ${String(error)}`));
  };
  const refusals = new RefusalAudit(audit);
  const peers = new Set<Peer>();
  const peerStats: PeerStats = { readonlyDropped: 0, malformed: 0, rateLimited: 0 };
  let refused = 0;
  let connectionIds = 0;
  const rooms = new Rooms(store, {
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    log,
    onCommitFailure: (room, error) => {
      log(`store refused a commit for team ${room.name}: ${String(error)}; its connections are closed and it is reloaded on the next`);
      for (const member of [...room.members]) (member as Peer).close(CLOSE.INTERNAL, 'storage failure; reconnect');
      rooms.discard(room);
    },
  }, fanOut);
  const rate = new UpdateRate();
  let bytesStored = 0;
  const metrics = {
    connections: () => peers.size, documents: () => rooms.size, updatesTotal: () => rooms.stats.updates,
    commitsTotal: () => rooms.stats.commits, bytesStored: () => bytesStored, readonlyDropped: () => peerStats.readonlyDropped,
    malformed: () => peerStats.malformed, rateLimited: () => peerStats.rateLimited, refused: () => refused,
  };

  const server = http.createServer((req, res) => {
    const url = urlOf(req);
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('400 Bad Request\n');
      return;
    }
    const path = url.pathname;
    if (req.method === 'GET' && REPORT_PATH.test(path)) {
      serveReport(req, res, url, { secret, accounts: store, audit, entitiesOf: (team) => rooms.entitiesOf(team) }).catch((error: unknown) => {
        log(`report failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else if (req.method === 'GET' && HISTORY_PATH.test(path)) {
      serveHistory(req, res, url, { secret, accounts: store, documents: store, audit }).catch((error: unknown) => {
        log(`history failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else if (req.method === 'OPTIONS' && HISTORY_PATH.test(path)) {
      serveHistoryPreflight(res);
    } else if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    } else if (req.method === 'GET' && path === '/metrics') {
      store.bytesStored().then((bytes) => {
        bytesStored = bytes;
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metricsText(metrics, rate));
      }, (error: unknown) => res.writeHead(500).end(String(error)));
    } else if (req.method === 'GET' && EXTENSION_PATH.test(path)) {
      serveExtensionUpdates(res, path, config.DATA_DIR);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found\n');
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES });

  /** Connections admitted whose document is still loading: they count against the limits too. */
  const loading = new Set<Principal>();

  /** Limits on open connections, counted on this instance. */
  function overLimit(principal: Principal): string | undefined {
    const mine = [...[...peers].map((p) => p.principal), ...loading].filter((p) => p.team === principal.team);
    if (mine.filter((p) => p.user === principal.user).length >= config.MAX_CONNECTIONS_PER_USER) return 'too many connections for this user';
    if (mine.length >= config.MAX_CONNECTIONS_PER_TEAM) return 'too many connections for this team';
    return undefined;
  }

  /** Closes a connection whose right was withdrawn; follows a changed role. */
  async function recheckPeer(peer: Peer, now: number): Promise<void> {
    const still = await recheck(peer.principal, store, now);
    if (!still.ok) peer.close(CLOSE.WITHDRAWN, still.reason);
    else peer.principal = { ...peer.principal, role: still.role };
  }

  /** `markSeen`: the account change mark when the connection was admitted. */
  async function accept(ws: WebSocket, principal: Principal, connection: number, markSeen: string): Promise<void> {
    // Frames that arrive while the document loads wait for it, in order.
    const early: [Buffer, boolean][] = [];
    const hold = (data: Buffer, isBinary: boolean) => early.push([data, isBinary]);
    ws.on('message', hold);
    loading.add(principal);
    let room;
    try {
      room = await rooms.open(principal.team);
    } finally {
      loading.delete(principal);
    }
    ws.off('message', hold);
    if (ws.readyState !== ws.OPEN) {
      rooms.background(`unloading ${room.name}`, rooms.release(room));
      return;
    }
    const peer = new Peer(ws, room, rooms, principal, {
      updatesPerSecond: config.UPDATES_PER_SECOND, updateBurst: config.UPDATE_BURST, teamQuotaBytes: config.TEAM_QUOTA_BYTES,
      presencePerSecond: config.PRESENCE_PER_SECOND, presencePerUserPerSecond: config.PRESENCE_PER_USER_PER_SECOND,
      pending: { maxUpdates: config.PENDING_UPDATES, maxBytes: config.PENDING_BYTES, maxAgeMs: config.PENDING_MAX_AGE_MS },
    }, peerStats, {
      refused: (reason) => audit({ event: 'update.refused', team: principal.team, user: principal.user, jti: principal.jti, address: principal.address, connection, reason }),
    });
    peers.add(peer);
    audit({ event: 'connect', team: principal.team, user: principal.user, role: principal.role, jti: principal.jti, address: principal.address, connection });
    ws.on('close', (code, reason) => {
      peers.delete(peer);
      room.leave(peer);
      rooms.background(`unloading ${room.name}`, rooms.release(room));
      audit({
        event: 'disconnect', team: principal.team, user: principal.user, jti: principal.jti, address: principal.address, connection, code,
        reason: reason.toString(), seconds: Math.round((Date.now() - peer.openedAt) / 100) / 10,
      });
    });
    for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
    // The listeners below share this scope: emptied, the held frames are not kept for the connection's life.
    early.length = 0;
    // Accounts changed while the document loaded (the poll did not see this connection yet): check it now.
    if (mark !== markSeen) await recheckPeer(peer, Date.now());
  }

  /** A connection past the upgrade; outside the upgrade handler for the reason given at destroySocket. */
  function upgraded(ws: WebSocket, principal: Principal, markSeen: string): void {
    ws.on('error', () => ws.terminate());
    const limit = overLimit(principal);
    if (limit) {
      refused++;
      refusals.refused({ event: 'connect.refused', team: principal.team, status: CLOSE.POLICY, reason: limit, address: principal.address, user: principal.user });
      ws.close(CLOSE.POLICY, limit);
      return;
    }
    accept(ws, principal, ++connectionIds, markSeen).catch((error: unknown) => {
      log(`could not open the document of team ${principal.team}: ${String(error)}`);
      ws.close(CLOSE.INTERNAL, 'document unavailable; reconnect');
    });
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', destroySocket);
    const markSeen = mark;
    const address = req.socket.remoteAddress ?? 'unknown';
    const url = urlOf(req);
    if (!url) {
      refused++;
      refusals.refused({ event: 'connect.refused', team: '-', status: 400, reason: 'no address', address });
      refuse(socket, 400);
      return;
    }
    admit(url, address, secret, store, Date.now()).then((admission) => {
      if (!admission.ok) {
        refused++;
        refusals.refused({ event: 'connect.refused', team: admission.team ?? '-', status: admission.status, reason: admission.reason, address, ...(admission.user ? { user: admission.user } : {}) });
        refuse(socket, admission.status);
        return;
      }
      const { principal } = admission;
      wss.handleUpgrade(req, socket, head, (ws) => upgraded(ws, principal, markSeen));
    }, (error: unknown) => {
      log(`upgrade failed: ${String(error)}`);
      socket.destroy();
    });
  });

  // Account changes made by the account commands, on any instance: the store's change mark moves.
  let mark = await store.changeMark();
  let polling = false;
  const accountPoll = setInterval(() => {
    if (polling) return;
    polling = true;
    void (async () => {
      const now = Date.now();
      const moved = await store.changeMark();
      const accountsChanged = moved !== mark;
      for (const peer of peers) {
        if (!accountsChanged && now < peer.principal.expiresAt) continue;
        await recheckPeer(peer, now);
      }
      // Only once every connection was checked: a failed check is tried again at the next poll.
      mark = moved;
    })().catch((error: unknown) => log(`account check failed: ${String(error)}`)).finally(() => {
      polling = false;
    });
  }, config.ACCOUNT_POLL_MS);
  const keepAlive = setInterval(() => {
    for (const peer of peers) if (!peer.ping()) peer.ws.terminate();
  }, 30_000);
  const rateSampler = setInterval(() => rate.sample(Date.now(), rooms.stats.updates), 1_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let closing: Promise<void> | undefined;
  return {
    port,
    close: () => (closing ??= (async () => {
      // No new connections from here on; the open ones are closed below.
      const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      clearInterval(accountPoll);
      clearInterval(keepAlive);
      clearInterval(rateSampler);
      await rooms.committed();
      const closed = [...peers].map((peer) => new Promise<void>((resolve) => {
        if (peer.ws.readyState === peer.ws.CLOSED) return resolve();
        peer.ws.once('close', () => resolve());
        peer.close(CLOSE.RESTART, 'server restarting');
      }));
      await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 3_000))]);
      refusals.close();
      await rooms.committed();
      for (const room of rooms.all()) await rooms.compact(room);
      wss.close();
      server.closeAllConnections();
      await httpClosed;
      await fanOut?.close();
      await store.close();
    })()),
  };
}
