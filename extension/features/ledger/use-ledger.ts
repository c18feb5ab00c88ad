/**
 * The ledger page's data: every team record, asked for a page at a time (PAGE records per message — 20,000 records
 * in one message would be tens of megabytes), then what this computer saw of each entity. If the document changed
 * while the pages were read (its version moved), the reading starts again, so the page never shows a list stitched
 * from two states. Afterwards the version is asked for every VERSION_POLL_MS (one record, a few bytes): when a
 * colleague's change arrives, `stale` says so and the page offers to reload — reloading 20,000 rows by itself at
 * every change would take the table from under the user's hands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { TeamRecord } from '../../messaging/protocol.ts';
import type { SeenSummary } from '../../storage/seen.ts';
import type { TeamStatus } from '../../sync/status.ts';
import { messageOf } from '../../ui/format.ts';

export const PAGE = 2_000;
export const VERSION_POLL_MS = 5_000;

export type LedgerData =
  | { phase: 'loading'; loaded: number; total: number | null }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; status: TeamStatus; version: string; records: TeamRecord[]; seen: SeenSummary[] };

async function readAll(
  transport: Transport,
  onProgress: (loaded: number, total: number) => void,
): Promise<Extract<LedgerData, { phase: 'ready' }>> {
  for (let attempt = 0; ; attempt++) {
    const first = await request(transport, { type: 'ledger:list', offset: 0, limit: PAGE });
    const records = [...first.records];
    let consistent = true;
    onProgress(records.length, first.total);
    while (records.length < first.total) {
      const next = await request(transport, { type: 'ledger:list', offset: records.length, limit: PAGE });
      if (next.version !== first.version || next.records.length === 0) {
        consistent = false;
        break;
      }
      records.push(...next.records);
      onProgress(records.length, first.total);
    }
    if (consistent || attempt >= 3) {
      const { seen } = await request(transport, { type: 'ledger:seen' });
      return { phase: 'ready', status: first.status, version: first.version, records, seen };
    }
  }
}

export interface LedgerView {
  /** While reloading, the previous list stays (so filters, selection and tab stay as they were). */
  data: LedgerData;
  /** Reading under way: records read of the total. */
  progress: { loaded: number; total: number | null } | null;
  stale: boolean;
  reload(): void;
}

export function useLedger(transport: Transport, pollMs = VERSION_POLL_MS): LedgerView {
  const [data, setData] = useState<LedgerData>({ phase: 'loading', loaded: 0, total: null });
  const [progress, setProgress] = useState<LedgerView['progress']>({ loaded: 0, total: null });
  const [stale, setStale] = useState(false);
  const [generation, setGeneration] = useState(0);
  // The version of the list shown, and whether a reading is under way: read by the poll's answers, which may arrive
  // after a reload has already replaced the list.
  const shown = useRef<{ version: string | null; reading: boolean }>({ version: null, reading: true });
  useEffect(() => {
    shown.current.reading = true;
    let current = true;
    setProgress({ loaded: 0, total: null });
    setStale(false);
    readAll(transport, (loaded, total) => current && setProgress({ loaded, total })).then(
      (ready) => {
        if (!current) return;
        shown.current = { version: ready.version, reading: false };
        setData(ready);
        setProgress(null);
        setStale(false);
      },
      (error: unknown) => {
        if (!current) return;
        shown.current.reading = false;
        setData({ phase: 'error', message: messageOf(error) });
        setProgress(null);
      },
    );
    return () => {
      current = false;
    };
  }, [transport, generation]);

  const version = data.phase === 'ready' ? data.version : null;
  useEffect(() => {
    if (version === null) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      request(transport, { type: 'ledger:list', offset: 0, limit: 1 })
        .then(
          (answer) => {
            if (current && !shown.current.reading && answer.version !== shown.current.version) setStale(true);
          },
          () => {},
        )
        .finally(() => {
          if (current) timer = setTimeout(check, pollMs);
        });
    };
    timer = setTimeout(check, pollMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, version, pollMs]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, progress, stale, reload };
}
