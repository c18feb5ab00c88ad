/**
 * The team server's change history of one record (`GET /team/<team>/entities/<key>/history`), asked by the
 * background with the user's token (team-http.ts) and parsed by zod: who changed what, as the server recorded it.
 */
import { EntityHistory, problemLines, problemsOf, type HistoryEntry } from '#core';
import * as z from 'zod';
import { askInstances } from './team-http.ts';
import { UserError } from '../ui/errors.ts';

const Problem = z.object({ error: z.string().max(500) });

/** Past this the server is taken as unreachable and the next instance is tried. */
const TIMEOUT_MS = 10_000;

export async function fetchEntityHistory(
  access: { server: string; token: string; team: string },
  key: string,
  fetchImpl: typeof fetch = fetch,
): Promise<HistoryEntry[]> {
  const path = `/team/${encodeURIComponent(access.team)}/entities/${encodeURIComponent(key)}/history`;
  const answer = await askInstances(access.server, path, { headers: { authorization: `Bearer ${access.token}` } }, TIMEOUT_MS, fetchImpl);
  if (answer.res === null) throw new UserError('team_history_unreachable', [], `server not reachable (${answer.unreachable})`);
  const { res } = answer;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = Problem.safeParse(body);
    throw new UserError('team_history_http', [String(res.status)], `HTTP ${res.status}${problem.success ? ` ${problem.data.error}` : ''}`);
  }
  const parsed = EntityHistory.safeParse(body);
  if (!parsed.success)
    throw new UserError('team_history_malformed', [], `malformed history: ${problemLines(problemsOf(parsed.error)).join('; ')}`);
  return parsed.data;
}
