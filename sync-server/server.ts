/**
 * The sync server: HTTP (health, metrics, the work report) and the WebSocket upgrade to a team's document, wired together. Access is
 * decided before the upgrade (auth.ts); the protocol is peer.ts; documents and durability are rooms.ts. A poll of
 * the store notices account changes made by the account commands and closes what they withdraw within the poll
 * interval. SIGTERM (close()) commits what is pending, closes clients with 1012 and compacts the documents.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AuditLog } from './audit.ts';
import { admit, recheck } from './auth.ts';
import type { Config } from './config.ts';
import { UpdateRate, metricsText } from './metrics.ts';
import { Peer, type PeerStats } from './peer.ts';
import { SqliteStore } from './persistence/sqlite.ts';
import { CLOSE } from './protocol.ts';
import { REPORT_PATH, serveReport } from './report.ts';
import { Rooms } from './rooms.ts';
import { loadSecret } from './tokens.ts';

export type SyncServer = { port: number; close(): Promise<void> };

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function refuse(socket: Duplex, status: 401 | 403 | 404): void {
  const body = `${status} ${STATUS_TEXT[status]}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
}

export async function startSyncServer(config: Config, log: (line: string) => void = console.error): Promise<SyncServer> {
  const store = new SqliteStore(config.DATA_DIR);
  const audit = new AuditLog(config.DATA_DIR);
  const secret = loadSecret(config.DATA_DIR);
  const peers = new Set<Peer>();
  const peerStats: PeerStats = { readonlyDropped: 0, malformed: 0, rateLimited: 0 };
  let refused = 0;
  let connectionIds = 0;
  const rooms = new Rooms(store, {
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    onCommitFailure: (room, error) => {
      log(`store refused a commit for team ${room.name}: ${String(error)}; its connections are closed and it is reloaded on the next`);
      for (const member of [...room.members]) (member as Peer).close(CLOSE.INTERNAL, 'storage failure; reconnect');
      rooms.discard(room);
    },
  });
  const rate = new UpdateRate();
  const metrics = {
    connections: () => peers.size, documents: () => rooms.size, updatesTotal: () => rooms.stats.updates,
    commitsTotal: () => rooms.stats.commits, bytesStored: () => store.bytesStored(), readonlyDropped: () => peerStats.readonlyDropped,
    malformed: () => peerStats.malformed, rateLimited: () => peerStats.rateLimited, refused: () => refused,
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://server');
    const path = url.pathname;
    if (req.method === 'GET' && REPORT_PATH.test(path)) {
      serveReport(req, res, url, { secret, accounts: store, audit, entitiesOf: (team) => rooms.entitiesOf(team) }).catch((error: unknown) => {
        log(`report failed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
    } else if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metricsText(metrics, rate));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found\n');
    }
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const address = req.socket.remoteAddress ?? 'unknown';
    const url = new URL(req.url ?? '/', 'http://server');
    void admit(url, address, secret, store, Date.now()).then((admission) => {
      if (!admission.ok) {
        refused++;
        audit.append({ event: 'connect.refused', team: admission.team ?? '-', status: admission.status, reason: admission.reason, address, ...(admission.user ? { user: admission.user } : {}) });
        refuse(socket, admission.status);
        return;
      }
      const { principal } = admission;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const connection = ++connectionIds;
        const mine = [...peers].filter((p) => p.principal.team === principal.team);
        const overLimit = mine.filter((p) => p.principal.user === principal.user).length >= config.MAX_CONNECTIONS_PER_USER
          ? 'too many connections for this user'
          : mine.length >= config.MAX_CONNECTIONS_PER_TEAM ? 'too many connections for this team' : undefined;
        if (overLimit) {
          refused++;
          audit.append({ event: 'connect.refused', team: principal.team, status: CLOSE.POLICY, reason: overLimit, address, user: principal.user });
          ws.close(CLOSE.POLICY, overLimit);
          return;
        }
        const room = rooms.open(principal.team);
        const peer = new Peer(ws, room, rooms, principal, { updatesPerSecond: config.UPDATES_PER_SECOND, updateBurst: config.UPDATE_BURST }, peerStats);
        peers.add(peer);
        audit.append({ event: 'connect', team: principal.team, user: principal.user, role: principal.role, jti: principal.jti, address, connection });
        ws.on('error', () => ws.terminate());
        ws.on('close', (code, reason) => {
          peers.delete(peer);
          room.leave(peer);
          rooms.release(room);
          audit.append({
            event: 'disconnect', team: principal.team, user: principal.user, jti: principal.jti, address, connection, code,
            reason: reason.toString(), seconds: Math.round((Date.now() - peer.openedAt) / 100) / 10,
          });
        });
      });
    }, (error: unknown) => {
      log(`upgrade failed: ${String(error)}`);
      socket.destroy();
    });
  });

  // Account changes from the account commands (another process): PRAGMA data_version moves when it commits.
  let mark = store.changeMark();
  const accountPoll = setInterval(() => {
    const now = Date.now();
    const moved = store.changeMark();
    const accountsChanged = moved !== mark;
    mark = moved;
    for (const peer of peers) {
      if (!accountsChanged && now < peer.principal.expiresAt) continue;
      const still = recheck(peer.principal, store, now);
      if (!still.ok) peer.close(CLOSE.POLICY, still.reason);
      else peer.principal = { ...peer.principal, role: still.role };
    }
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
      clearInterval(accountPoll);
      clearInterval(keepAlive);
      clearInterval(rateSampler);
      rooms.flush();
      const closed = [...peers].map((peer) => new Promise<void>((resolve) => {
        if (peer.ws.readyState === peer.ws.CLOSED) return resolve();
        peer.ws.once('close', () => resolve());
        peer.close(CLOSE.RESTART, 'server restarting');
      }));
      await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 3_000))]);
      for (const room of rooms.all()) rooms.compact(room);
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      audit.close();
    })()),
  };
}
