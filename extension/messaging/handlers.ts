/** The background's handlers: the local database behind each message of the protocol. */
import type { CreditLensDb } from '../storage/db.ts';
import { deleteNote, lookup, notesOf, saveNote, saveSnapshot } from '../storage/repository.ts';
import type { Handlers } from './router.ts';

export function handlersFor(db: CreditLensDb): Handlers {
  return {
    'snapshot:save': async ({ record, assessment, url, site, observedAt }) => {
      const saved = await saveSnapshot(db, { record, assessment, url, site, observedAt });
      return { ok: true, seq: saved.seq ?? 0 };
    },
    'entity:lookup': async ({ query }) => ({ ok: true, hits: await lookup(db, query) }),
    'notes:list': async ({ entityKey }) => ({ ok: true, notes: await notesOf(db, entityKey) }),
    'notes:save': async ({ note }) => ({ ok: true, note: await saveNote(db, note) }),
    'notes:delete': async ({ id }) => {
      await deleteNote(db, id);
      return { ok: true };
    },
  };
}
