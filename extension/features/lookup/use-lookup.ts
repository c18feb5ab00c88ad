/**
 * The popup's data: what the query finds over local snapshots and notes and over the team document (its copy on this
 * computer), or the recently viewed entities when the query is empty. A failing team lookup is reported beside the
 * local results, never instead of them. Requests are debounced while typing, and an answer that arrives after the query changed is
 * dropped, so a slow early answer never overwrites the one for the current text.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import type { Note, Snapshot } from '../../storage/contract.ts';
import { messageOf } from '../../ui/format.ts';

export type TeamHit = Response<'team:lookup'>['hits'][number];

export const RECENT_LIMIT = 10;
/** The protocol's limit on a lookup query. */
export const MAX_QUERY = 200;

export type LookupState =
  | { kind: 'loading' }
  | { kind: 'recent'; hits: Snapshot[] }
  | { kind: 'found'; query: string; hits: Snapshot[]; notes: Note[]; team: { hits: TeamHit[]; error: string | null } }
  | { kind: 'error'; message: string };

async function answer(transport: Transport, query: string): Promise<LookupState> {
  if (query === '') {
    const { hits } = await request(transport, { type: 'entity:recent', limit: RECENT_LIMIT });
    return { kind: 'recent', hits };
  }
  const [{ hits, notes }, team] = await Promise.all([request(transport, { type: 'entity:lookup', query }), teamLookup(transport, query)]);
  return { kind: 'found', query, hits, notes, team };
}

async function teamLookup(transport: Transport, query: string): Promise<{ hits: TeamHit[]; error: string | null }> {
  try {
    return { hits: (await request(transport, { type: 'team:lookup', query })).hits, error: null };
  } catch (error) {
    return { hits: [], error: messageOf(error) };
  }
}

export function useLookup(transport: Transport, query: string, delayMs = 150): LookupState {
  const [state, setState] = useState<LookupState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    const text = query.trim().slice(0, MAX_QUERY);
    const timer = setTimeout(() => {
      answer(transport, text).then(
        (next) => current && setState(next),
        (error: unknown) => current && setState({ kind: 'error', message: messageOf(error) }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, query, delayMs]);
  return state;
}
