/**
 * The background's handlers of the ledger page's ledger:* messages: the team document read a page at a time through
 * core's checked reader, the local snapshots summarised (storage/seen.ts), and the bulk writes — one status or one
 * report date (集中公示, 典型案例曝光) for many records, and a clue list's import — each in one Yjs transaction, stamped with the token's user, refused for a
 * readonly role before anything is written (team-handlers.ts writer()).
 */
import * as Y from 'yjs';
import { ENTITIES_MAP, importClues, parseClueRows, readTeamEntity, updateTeamEntity, type TeamEntityPatch } from '#core';
import type { CreditLensDb } from '../storage/db.ts';
import { latestSnapshot, seenSummaries } from '../storage/seen.ts';
import type { TeamBackend } from '../sync/team-service.ts';
import type { TeamRecord } from './protocol.ts';
import type { Handlers } from './router.ts';
import { writer } from './team-handlers.ts';

export type LedgerHandlers = Pick<Handlers, Extract<keyof Handlers, `ledger:${string}`>>;

/** The document's state vector as hex: equal versions, equal documents (as far as this replica knows). */
function versionOf(doc: Y.Doc): string {
  return Array.from(Y.encodeStateVector(doc), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function ledgerHandlersFor(team: TeamBackend, db: CreditLensDb, now: () => string): LedgerHandlers {
  /** One patch on many records in one transaction; keys without a sound record are skipped and named. */
  const bulk = async (entityKeys: readonly string[], patch: TeamEntityPatch) => {
    const { doc, edit } = await writer(team, now);
    let updated = 0;
    const skipped: string[] = [];
    doc.transact(() => {
      for (const key of new Set(entityKeys)) {
        // A record that does not parse is left alone: writing into it would pretend it is sound.
        if (readTeamEntity(doc, key)?.ok !== true || !updateTeamEntity(doc, key, patch, edit).ok) skipped.push(key);
        else updated++;
      }
    });
    return { ok: true as const, updated, skipped };
  };
  return {
    'ledger:list': async ({ offset, limit }) => {
      const status = await team.status();
      const session = await team.session();
      if (!session) return { ok: true, status, total: 0, version: '', records: [] };
      // Keys in code-unit order, so pages asked one after another fit together; only the page's records are read.
      const keys = [...session.doc.getMap(ENTITIES_MAP).keys()].sort();
      const records: TeamRecord[] = [];
      for (const key of keys.slice(offset, offset + limit)) {
        const record = readTeamEntity(session.doc, key);
        if (record) records.push(record);
      }
      return { ok: true, status, total: keys.length, version: versionOf(session.doc), records };
    },
    'ledger:seen': async () => ({ ok: true, seen: await seenSummaries(db) }),
    'ledger:snapshot': async ({ entityKey }) => ({ ok: true, snapshot: await latestSnapshot(db, entityKey) }),
    'ledger:history': async ({ entityKey }) => ({ ok: true, history: await team.history(entityKey) }),
    'ledger:bulk-status': ({ entityKeys, status }) => bulk(entityKeys, { status }),
    'ledger:bulk-date': ({ entityKeys, field, date }) => bulk(entityKeys, { [field]: date }),
    'ledger:import': async ({ importId, rows, mapping, firstRow }) => {
      const { doc, edit } = await writer(team, now);
      const { good, bad } = parseClueRows(rows, mapping, firstRow);
      const imported = importClues(doc, good, edit, (row) => `${importId}-${row}`);
      return { ok: true, imported, bad: bad.map(({ row, reason }) => ({ row, reason })) };
    },
  };
}
