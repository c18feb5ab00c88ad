/**
 * For the sync tests only: tokens shaped like the server's (unsigned — the extension never checks a signature), and a
 * y-websocket server in this process (the reference @y/websocket-server, plus a token check at the upgrade as the real
 * server makes it) so the connection is tested against the real protocol. The real sync server is exercised by
 * test/integration and the e2e test.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import type { TeamTokenClaims } from '#core';

const base64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

export const NOW_MS = Date.UTC(2026, 10, 30, 8, 0, 0);

export function claimsOf(overrides: Partial<TeamTokenClaims> = {}): TeamTokenClaims {
  return { sub: 'alice', team: 't1', role: 'member', jti: 'j1', iat: NOW_MS / 1000 - 60, exp: NOW_MS / 1000 + 30 * 86_400, ...overrides };
}

export function tokenOf(claims: object): string {
  return `${base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.c2lnbmF0dXJl`;
}

export interface LocalSyncServer {
  url: string;
  /** Tokens let in; any other gets 401 before the upgrade. */
  allow(token: string): void;
  /** Closes every open connection with `code` and `reason` (a revocation, a restart). */
  closeAll(code: number, reason: string): void;
  stop(): Promise<void>;
}

export async function startLocalSyncServer(): Promise<LocalSyncServer> {
  const allowed = new Set<string>();
  const http = createServer((_, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (socket, request: IncomingMessage) => setupWSConnection(socket, request));
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/team/') || !allowed.has(url.searchParams.get('token') ?? '')) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    allow: (token) => void allowed.add(token),
    closeAll: (code, reason) => wss.clients.forEach((client) => client.close(code, reason)),
    stop: async () => {
      wss.clients.forEach((client) => client.terminate());
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
