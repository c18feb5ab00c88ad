/**
 * The client side of the sync benchmark: real y-websocket 3.1.0 providers over `ws`, exactly as a Node client of
 * either server would run them. All clients live in the harness process, so their clocks agree.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Wall-clock time in ms with sub-ms resolution: a send time another client of the process can subtract from. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** `ws` implements the WebSocket API y-websocket uses; its type differs from the DOM's only in details it ignores. */
const WebSocketForYjs = WebSocket as unknown as typeof globalThis.WebSocket;

export function connectClient(serverUrl: string, room: string, token: string): BenchClient {
  // Each provider adds a process 'exit' listener; 200 of them are expected here, not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), process.listenerCount('exit') + 11));
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocketForYjs,
    disableBc: true,
    params: { token },
  });
  return { doc, provider };
}

/** Resolves once every client finished its first sync; rejects with the close codes seen if that takes too long. */
export async function whenSynced(clients: readonly BenchClient[], timeoutMs = 30_000): Promise<void> {
  const closes: string[] = [];
  await Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve, reject) => {
          if (provider.synced) return resolve();
          const onClose = (event: CloseEvent | null) => {
            if (event && closes.length < 5) closes.push(`${provider.roomname}: ${event.code} ${event.reason}`);
          };
          const timer = setTimeout(() => {
            reject(new Error(`${provider.roomname}: not synced within ${timeoutMs} ms; closes seen: ${closes.join('; ') || 'none'}`));
          }, timeoutMs);
          provider.on('connection-close', onClose);
          provider.once('sync', () => {
            clearTimeout(timer);
            provider.off('connection-close', onClose);
            resolve();
          });
        }),
    ),
  );
}

export function closeClients(clients: readonly BenchClient[]): void {
  for (const { provider, doc } of clients) {
    provider.destroy();
    doc.destroy();
  }
}
