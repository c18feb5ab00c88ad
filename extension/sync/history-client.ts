/**
 * The team server's change history of one record (`GET /team/<team>/entities/<key>/history`), asked by the
 * background with the user's token and parsed by zod: who changed what, as the server recorded it. The socket's
 * address (ws://, wss://) names the server; the same host and path prefix answer HTTP (http://, https://). With
 * several instances the next is tried when one cannot be reached; an answer (even a refusal) ends the search.
 */
import { EntityHistory, problemLines, problemsOf, type HistoryEntry } from '#core';
import * as z from 'zod';
import { addressesOf } from './config.ts';
import { UserError } from '../ui/errors.ts';

/** The HTTP address of a stored socket address (config.ts TeamServerAddress: ws:// or wss://, no trailing slash). */
export const httpAddressOf = (socket: string): string => socket.replace(/^ws(s?):\/\//, 'http$1://');

const Problem = z.object({ error: z.string().max(500) });

/** Past this the server is taken as unreachable and the next instance is tried. */
const TIMEOUT_MS = 10_000;

export async function fetchEntityHistory(
  access: { server: string; token: string; team: string },
  key: string,
  fetchImpl: typeof fetch = fetch,
): Promise<HistoryEntry[]> {
  let unreachable = 'no server address';
  for (const address of addressesOf(access.server)) {
    const url = `${httpAddressOf(address)}/team/${encodeURIComponent(access.team)}/entities/${encodeURIComponent(key)}/history`;
    let res: Response;
    // An AbortController, not AbortSignal.timeout (Chromium 103): the extension still runs on 92 (extension/compat.ts).
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      res = await fetchImpl(url, { headers: { authorization: `Bearer ${access.token}` }, signal: abort.signal });
    } catch (error) {
      unreachable = `${address}: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    } finally {
      clearTimeout(timer);
    }
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const problem = Problem.safeParse(body);
      throw new UserError(
        'team_history_http',
        [String(res.status)],
        `HTTP ${res.status}${problem.success ? ` ${problem.data.error}` : ''}`,
      );
    }
    const parsed = EntityHistory.safeParse(body);
    if (!parsed.success)
      throw new UserError('team_history_malformed', [], `malformed history: ${problemLines(problemsOf(parsed.error)).join('; ')}`);
    return parsed.data;
  }
  throw new UserError('team_history_unreachable', [], `server not reachable (${unreachable})`);
}
