/**
 * The notes frame's view of one entity's team record, asked for every second while the frame is open. Polling, not a
 * long-lived port: the background is a service worker that the browser may stop at any time, and a port would die
 * with it and need its own reconnection and access rules, while a plain request simply wakes it again (and each one
 * keeps it alive while a panel is open). One small message a second per open panel costs nothing measurable. The
 * next request is sent only after the answer to the last, and an answer for a previous entity is dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import { messageOf } from '../../ui/format.ts';

import { TEAM_POLL_MS } from '../../sync/status.ts';

export type TeamEntityAnswer = Response<'team:entity'>;

export interface TeamEntityView {
  answer: TeamEntityAnswer | null;
  error: string | null;
  /** Asks again now (after a write), instead of at the next tick. */
  refresh(): void;
}

export function useTeamEntity(transport: Transport, entityKey: string, pollMs = TEAM_POLL_MS): TeamEntityView {
  const [answer, setAnswer] = useState<TeamEntityAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    request(transport, { type: 'team:entity', entityKey })
      .then(
        (next) => {
          if (!current) return;
          setAnswer(next);
          setError(null);
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      )
      .finally(() => {
        if (current) timer = setTimeout(() => setTick((n) => n + 1), pollMs);
      });
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, entityKey, pollMs, tick]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { answer, error, refresh };
}
