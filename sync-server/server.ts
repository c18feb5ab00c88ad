/**
 * The sync server, wired: HTTP routes (routes.ts) and the WebSocket upgrade to a team's document. Admission decides
 * before the upgrade (admission.ts); the protocol is peer.ts; documents and durability are rooms.ts; storage is
 * persistence/ (SQLite or PostgreSQL); other instances are reached through fan-out/ (Redis); account changes reach
 * open connections through account-watch.ts. What happens is emitted as typed events (events.ts) that the audit
 * trail, the metrics and the operational log subscribe to. SIGTERM (close()) commits what is pending, closes
 * clients with 1012 and compacts the documents.
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { AccountWatch } from './account-watch.ts';
import { Admissions } from './admission.ts';
import { auditTrail } from './audit-trail.ts';
import { WebSocketServer } from './commonjs.ts';
import type { Config } from './config.ts';
import { ServerEventBus } from './events.ts';
import { EXTENSION_PATH, serveExtensionUpdates } from './extension-updates.ts';
import { openFanOut } from './fan-out/open.ts';
import { HISTORY_PATH, serveHistory, serveHistoryPreflight } from './history-route.ts';
import { PageReportCounts, UpdateRate, metricsText } from './metrics.ts';
import { operationalLog, stderrLogger } from './operational-log.ts';
import { Peer, type PeerStats, type Principal } from './peer.ts';
import { PAGE_REPORTS_PATH, servePageReport, servePageReportsPreflight } from './page-report-route.ts';
import { openStore } from './persistence/open.ts';
import { CLOSE } from './protocol.ts';
import { REPORT_PATH, serveReport } from './report.ts';
import { Rooms } from './rooms.ts';
import { SITE_RULES_PATH, serveSiteRules, serveSiteRulesPreflight } from './site-rules-route.ts';
import { dispatch, urlOf, type Route } from './routes.ts';

export type SyncServer = { port: number; events: ServerEventBus; close(): Promise<void> };

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/**
 * A socket's error listener. Not a closure in the upgrade handler: it stays on the socket for the connection's life and
 * would keep the handler's whole scope (the request with its headers and URL, the first bytes) alive with it.
 */
function destroySocket(this: Duplex): void {
  this.destroy();
}

function refuse(socket: Duplex, status: 400 | 401 | 403 | 404): void {
  const body = `${status} ${STATUS_TEXT[status]}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  );
}

/** `events`: a bus with subscribers of the caller's own (tests); the operational log goes to stderr unless `quiet`. */
export async function startSyncServer(config: Config, options: { events?: ServerEventBus; quiet?: boolean } = {}): Promise<SyncServer> {
  const events = options.events ?? new ServerEventBus();
  const opsLog = options.quiet ? undefined : operationalLog(events, stderrLogger());
  const store = await openStore(config, { log: events.problem });
  const fanOut = await openFanOut(config, events.problem);
  const secret = await store.secret();
  const trail = auditTrail(events, (event, at) => store.appendAudit(event, at));
  const peers = new Set<Peer>();
  const peerStats: PeerStats = { readonlyDropped: 0, malformed: 0, rateLimited: 0 };
  let connectionIds = 0;
  const rooms = new Rooms(
    store,
    {
      compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
      log: events.problem,
      onCommitFailure: (room, error) => {
        events.problem(
          `store refused a commit for team ${room.name}: ${String(error)}; its connections are closed and it is reloaded on the next`,
        );
        for (const member of [...room.members]) (member as Peer).close(CLOSE.INTERNAL, 'storage failure; reconnect');
        rooms.discard(room);
      },
    },
    fanOut,
  );
  const principals = function* (): Iterable<Principal> {
    for (const peer of peers) yield peer.principal;
  };
  const admissions = new Admissions(config, secret, store, events, principals);
  const accounts = new AccountWatch(store, () => peers, events);
  const rate = new UpdateRate();
  let bytesStored = 0;
  let refused = 0;
  events.on('connect.refused', () => refused++);
  const pageReports = new PageReportCounts();
  events.on('page-report', (e) => pageReports.add(e.site, e.layout));
  const metrics = {
    connections: () => peers.size,
    documents: () => rooms.size,
    updatesTotal: () => rooms.stats.updates,
    commitsTotal: () => rooms.stats.commits,
    bytesStored: () => bytesStored,
    readonlyDropped: () => peerStats.readonlyDropped,
    malformed: () => peerStats.malformed,
    rateLimited: () => peerStats.rateLimited,
    refused: () => refused,
    pageReports: () => pageReports.rows(),
  };
  const routes: Route[] = [
    {
      method: 'GET',
      path: REPORT_PATH,
      name: 'report',
      handle: (req, res, url) =>
        serveReport(req, res, url, { secret, accounts: store, events, entitiesOf: (team) => rooms.entitiesOf(team) }),
    },
    {
      method: 'GET',
      path: HISTORY_PATH,
      name: 'history',
      handle: (req, res, url) => serveHistory(req, res, url, { secret, accounts: store, documents: store, events }),
    },
    { method: 'OPTIONS', path: HISTORY_PATH, name: 'history preflight', handle: (_req, res) => serveHistoryPreflight(res) },
    {
      method: 'POST',
      path: PAGE_REPORTS_PATH,
      name: 'page report',
      handle: (req, res, url) => servePageReport(req, res, url, { secret, accounts: store, reports: store, events, limits: config }),
    },
    { method: 'OPTIONS', path: PAGE_REPORTS_PATH, name: 'page report preflight', handle: (_req, res) => servePageReportsPreflight(res) },
    {
      method: 'GET',
      path: SITE_RULES_PATH,
      name: 'site rules',
      handle: (req, res) => serveSiteRules(req, res, { secret, accounts: store, rules: store }),
    },
    { method: 'OPTIONS', path: SITE_RULES_PATH, name: 'site rules preflight', handle: (_req, res) => serveSiteRulesPreflight(res) },
    {
      method: 'GET',
      path: '/healthz',
      name: 'health',
      handle: (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' })),
    },
    {
      method: 'GET',
      path: '/metrics',
      name: 'metrics',
      handle: async (_req, res) => {
        bytesStored = await store.bytesStored();
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(metricsText(metrics, rate));
      },
    },
    {
      method: 'GET',
      path: EXTENSION_PATH,
      name: 'extension updates',
      handle: (_req, res, url) => serveExtensionUpdates(res, url.pathname, config.DATA_DIR),
    },
  ];
  const server = http.createServer(dispatch(routes, events.problem));
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.MAX_MESSAGE_BYTES });

  /** `markSeen`: the account change mark when the connection was admitted. */
  async function accept(ws: WebSocket, principal: Principal, connection: number, markSeen: string): Promise<void> {
    // Frames that arrive while the document loads wait for it, in order.
    const early: [Buffer, boolean][] = [];
    const hold = (data: Buffer, isBinary: boolean) => early.push([data, isBinary]);
    ws.on('message', hold);
    admissions.loading.add(principal);
    let room;
    try {
      room = await rooms.open(principal.team);
    } finally {
      admissions.loading.delete(principal);
    }
    ws.off('message', hold);
    if (ws.readyState !== ws.OPEN) {
      rooms.background(`unloading ${room.name}`, rooms.release(room));
      return;
    }
    const who = { team: principal.team, user: principal.user, jti: principal.jti, address: principal.address, connection };
    const peer = new Peer(
      ws,
      room,
      rooms,
      principal,
      {
        updatesPerSecond: config.UPDATES_PER_SECOND,
        updateBurst: config.UPDATE_BURST,
        teamQuotaBytes: config.TEAM_QUOTA_BYTES,
        presencePerSecond: config.PRESENCE_PER_SECOND,
        presencePerUserPerSecond: config.PRESENCE_PER_USER_PER_SECOND,
        pending: { maxUpdates: config.PENDING_UPDATES, maxBytes: config.PENDING_BYTES, maxAgeMs: config.PENDING_MAX_AGE_MS },
      },
      peerStats,
      { refused: (reason) => events.emit('update.refused', { ...who, reason }) },
    );
    peers.add(peer);
    events.emit('connect', { ...who, role: principal.role });
    ws.on('close', (code, reason) => {
      peers.delete(peer);
      room.leave(peer);
      rooms.background(`unloading ${room.name}`, rooms.release(room));
      events.emit('disconnect', { ...who, code, reason: reason.toString(), seconds: Math.round((Date.now() - peer.openedAt) / 100) / 10 });
    });
    for (const [data, isBinary] of early) ws.emit('message', data, isBinary);
    // The listeners below share this scope: emptied, the held frames are not kept for the connection's life.
    early.length = 0;
    // Accounts changed while the document loaded (the poll did not see this connection yet): check it now.
    await accounts.checkIfMoved(peer, markSeen);
  }

  /** A connection past the upgrade; outside the upgrade handler for the reason given at destroySocket. */
  function upgraded(ws: WebSocket, principal: Principal, markSeen: string): void {
    ws.on('error', () => ws.terminate());
    const limit = admissions.overLimit(principal);
    if (limit) {
      ws.close(CLOSE.POLICY, limit);
      return;
    }
    accept(ws, principal, ++connectionIds, markSeen).catch((error: unknown) => {
      events.problem(`could not open the document of team ${principal.team}: ${String(error)}`);
      ws.close(CLOSE.INTERNAL, 'document unavailable; reconnect');
    });
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', destroySocket);
    const markSeen = accounts.mark;
    admissions.check(urlOf(req), req.socket.remoteAddress ?? 'unknown', Date.now()).then(
      (admission) => {
        if (!admission.ok) return refuse(socket, admission.status);
        const { principal } = admission;
        wss.handleUpgrade(req, socket, head, (ws) => upgraded(ws, principal, markSeen));
      },
      (error: unknown) => {
        events.problem(`upgrade failed: ${String(error)}`);
        socket.destroy();
      },
    );
  });

  await accounts.start(config.ACCOUNT_POLL_MS);
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
  events.emit('listening', { host: config.HOST, port, dataDir: config.DATA_DIR });

  let closing: Promise<void> | undefined;
  return {
    port,
    events,
    close: () =>
      (closing ??= (async () => {
        events.emit('closing', {});
        // No new connections from here on; the open ones are closed below.
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        accounts.stop();
        clearInterval(keepAlive);
        clearInterval(rateSampler);
        await rooms.committed();
        const closed = [...peers].map(
          (peer) =>
            new Promise<void>((resolve) => {
              if (peer.ws.readyState === peer.ws.CLOSED) return resolve();
              peer.ws.once('close', () => resolve());
              peer.close(CLOSE.RESTART, 'server restarting');
            }),
        );
        await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 3_000))]);
        trail.close();
        opsLog?.close();
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
