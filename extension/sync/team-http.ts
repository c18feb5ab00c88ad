/**
 * HTTP requests of the background to the team server. The socket's address (ws://, wss://) names the server; the same
 * host and path prefix answer HTTP (http://, https://). With several instances the next is tried when one cannot be
 * reached; an answer (even a refusal) ends the search.
 */
import { addressesOf } from './config.ts';

/** The HTTP address of a stored socket address (config.ts TeamServerAddress: ws:// or wss://, no trailing slash). */
export const httpAddressOf = (socket: string): string => socket.replace(/^ws(s?):\/\//, 'http$1://');

export type InstanceAnswer = { res: Response; server: string } | { res: null; unreachable: string };

/** `path` of the first instance that answers within `timeoutMs`; else why none did (the last failure). */
export async function askInstances(
  servers: string,
  path: string,
  init: RequestInit,
  timeoutMs: number,
  fetchImpl: typeof fetch,
): Promise<InstanceAnswer> {
  let unreachable = 'no server address';
  for (const address of addressesOf(servers)) {
    const server = httpAddressOf(address);
    // An AbortController, not AbortSignal.timeout (Chromium 103): the extension still runs on 92 (extension/compat.ts).
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      return { res: await fetchImpl(`${server}${path}`, { ...init, signal: abort.signal }), server };
    } catch (error) {
      unreachable = `${address}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      clearTimeout(timer);
    }
  }
  return { res: null, unreachable };
}
