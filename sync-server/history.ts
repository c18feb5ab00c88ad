/**
 * Server-attributed history (留痕): what each committed update changed in the team's entity records, attributed to
 * the user of the connection it came through and the server's clock. The client's own stamps (`updatedBy`,
 * `updatedAt`, a note's `author` and `at`) are CRDT content the server cannot take back without writing over them in
 * everybody's replica, so they stay as written and are kept beside the attribution as claims when they disagree.
 *
 * Cheap by construction: a deep observer on the entities map sees only the records the transaction touched (Yjs fires
 * no event for anything else), and reads only those, during the transaction's cleanup when its events are valid.
 */
import * as Y from 'yjs';
import * as z from 'zod';
import { ENTITIES_MAP, HistoryField, type HistoryEntry } from '#core';
import { SERVER_OWNER } from './ownership.ts';

/** One update's change to one entity record, as stored. */
export type HistoryRow = HistoryEntry & { team: string; key: string };

/** A client time this far from the server's is not latency or a slow clock: it is shown as claimed. */
export const CLAIM_TOLERANCE_MS = 2 * 60_000;

/** Newest rows kept per entity record unless HISTORY_PER_ENTITY says otherwise. */
export const HISTORY_PER_ENTITY = 500;

type Touch = { fields: Set<HistoryField>; notesAdded: number; claimedBy: string[]; claimedAt: string[] };

const NOTE_LIST = 'notes';

/** The schema's fields, looked up per changed key (a zod parse each cost more than the rest of the observer). */
const FIELDS: ReadonlySet<string> = new Set(HistoryField.options);
const isField = (name: string): name is HistoryField => FIELDS.has(name);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A note's claimed author and time, read without trusting its shape (other tools may write the document). */
function noteClaims(touch: Touch, note: unknown): void {
  if (typeof note !== 'object' || note === null) return;
  const { author, at } = note as { author?: unknown; at?: unknown };
  if (text(author)) touch.claimedBy.push(text(author)!);
  if (text(at)) touch.claimedAt.push(text(at)!);
}

function stampClaims(touch: Touch, entry: Y.Map<unknown>, field: string): void {
  if (field === 'updatedBy' && text(entry.get(field))) touch.claimedBy.unshift(text(entry.get(field))!);
  if (field === 'updatedAt' && text(entry.get(field))) touch.claimedAt.unshift(text(entry.get(field))!);
}

/** A record made (or replaced by a concurrent one) in this transaction: no inner events fire, so it is read whole. */
function created(touch: Touch, entry: unknown): void {
  touch.fields.add('created');
  if (!(entry instanceof Y.Map)) return;
  for (const [field, value] of entry.entries()) {
    if (isField(field) && value !== null && !(value instanceof Y.Array && value.length === 0)) touch.fields.add(field);
    stampClaims(touch, entry, field);
  }
  const notes = entry.get(NOTE_LIST);
  if (notes instanceof Y.Array) {
    touch.notesAdded += notes.length;
    for (const note of notes) noteClaims(touch, note);
  }
}

function touchedBy(events: Y.YEvent<Y.AbstractType<unknown>>[]): Map<string, Touch> {
  const touched = new Map<string, Touch>();
  const touch = (key: string): Touch => {
    let found = touched.get(key);
    if (!found) touched.set(key, (found = { fields: new Set(), notesAdded: 0, claimedBy: [], claimedAt: [] }));
    return found;
  };
  for (const event of events) {
    const [key, list] = event.path.map(String);
    if (key === undefined) {
      // The entities map itself: records made, replaced or deleted (keysChanged is cheaper than changes.keys).
      const entities = event.target as Y.Map<unknown>;
      for (const changed of (event as Y.YMapEvent<unknown>).keysChanged) {
        if (typeof changed !== 'string') continue;
        if (!entities.has(changed)) touch(changed).fields.add('deleted');
        else created(touch(changed), entities.get(changed));
      }
    } else if (list === undefined) {
      // A record's own fields.
      const entry = event.target as Y.Map<unknown>;
      for (const field of (event as Y.YMapEvent<unknown>).keysChanged) {
        if (typeof field !== 'string') continue;
        if (isField(field)) touch(key).fields.add(field);
        stampClaims(touch(key), entry, field);
        // A list made anew (entities-doc.ts list()) arrives with what it holds.
        const value = entry.get(field);
        if (field !== NOTE_LIST || !(value instanceof Y.Array)) continue;
        touch(key).notesAdded += value.length;
        for (const note of value) noteClaims(touch(key), note);
      }
    } else {
      // Inside one of its lists (tags, notes, listings).
      if (isField(list)) touch(key).fields.add(list);
      if (list !== NOTE_LIST) continue;
      for (const item of event.changes.added) {
        if (item.deleted) continue;
        const notes = item.content.getContent();
        touch(key).notesAdded += notes.length;
        for (const note of notes) noteClaims(touch(key), note);
      }
    }
  }
  return touched;
}

/** The user an update is attributed to: its connection's token user; the server's own merges are `(server)`. */
export function userOf(origin: unknown): string {
  const principal =
    typeof origin === 'object' && origin !== null && 'principal' in origin ? (origin as { principal: unknown }).principal : undefined;
  const user =
    typeof principal === 'object' && principal !== null && 'user' in principal ? (principal as { user: unknown }).user : undefined;
  return typeof user === 'string' ? user : SERVER_OWNER;
}

/** The stamps are not changes of their own unless nothing else changed. */
const STAMPS: ReadonlySet<HistoryField> = new Set(['updatedAt', 'updatedBy']);

/** Rows for one transaction's touches, attributed to `user` at `atMs`; the claims that disagree kept beside. */
export function historyRows(team: string, touched: Map<string, Touch>, user: string, atMs: number): HistoryRow[] {
  const at = new Date(atMs).toISOString();
  return [...touched].map(([key, touch]) => {
    const changed = [...touch.fields].filter((f) => !STAMPS.has(f));
    const fields = changed.length > 0 ? changed : [...touch.fields];
    const claimedBy = touch.claimedBy.find((by) => by !== user);
    const claimedAt = touch.claimedAt.find((claim) => {
      const ms = Date.parse(claim);
      return Number.isFinite(ms) && Math.abs(ms - atMs) > CLAIM_TOLERANCE_MS;
    });
    return {
      team,
      key,
      at,
      user,
      fields,
      notesAdded: touch.notesAdded,
      ...(claimedBy !== undefined ? { claimedBy } : {}),
      ...(claimedAt !== undefined ? { claimedAt: new Date(Date.parse(claimedAt)).toISOString() } : {}),
    };
  });
}

/**
 * Watches a room's document: `rowsOf(transaction, origin)`, called from the document's update event (which Yjs emits
 * after the transaction's observers), answers the rows of that transaction, or none when it touched no record.
 */
export class EntityHistoryWatch {
  #last: { transaction: Y.Transaction; touched: Map<string, Touch> } | undefined;
  readonly #entities: Y.Map<unknown>;
  readonly #observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    this.#last = { transaction, touched: touchedBy(events) };
  };

  constructor(
    doc: Y.Doc,
    private readonly team: string,
    private readonly now: () => number = Date.now,
  ) {
    this.#entities = doc.getMap(ENTITIES_MAP);
    this.#entities.observeDeep(this.#observer);
  }

  rowsOf(transaction: Y.Transaction, origin: unknown): HistoryRow[] {
    const last = this.#last;
    this.#last = undefined;
    if (!last || last.transaction !== transaction || last.touched.size === 0) return [];
    return historyRows(this.team, last.touched, userOf(origin), this.now());
  }

  stop(): void {
    this.#entities.unobserveDeep(this.#observer);
  }
}

/** A stored row as either store reads it back: checked, since other tools and older versions share the database. */
const StoredRow = z.object({
  team: z.string(),
  entity: z.string(),
  at: z.union([z.string(), z.date()]).transform((at) => new Date(at).toISOString()),
  user: z.string(),
  fields: z.union([z.string(), z.array(z.string())]).transform((f) => (typeof f === 'string' ? (JSON.parse(f) as unknown) : f)),
  notes_added: z.coerce.number(),
  claimed_by: z.string().nullable(),
  claimed_at: z.string().nullable(),
});

export function historyOfRow(raw: unknown): HistoryRow {
  const row = StoredRow.parse(raw);
  return {
    team: row.team,
    key: row.entity,
    at: row.at,
    user: row.user,
    fields: z.array(HistoryField).parse(row.fields),
    notesAdded: row.notes_added,
    ...(row.claimed_by !== null ? { claimedBy: row.claimed_by } : {}),
    ...(row.claimed_at !== null ? { claimedAt: row.claimed_at } : {}),
  };
}

/** A record's history is trimmed after this many rows were added to it (the trim reads N index entries). */
export const TRIM_EVERY = 32;
/** Records counted at most; past that the counts start again (every record is then trimmed on its next row). */
const TRIM_COUNTS = 100_000;

/**
 * Which records' history to trim in a commit: each once when this process first writes to it, then after every
 * TRIM_EVERY rows. A record so keeps at most HISTORY_PER_ENTITY + TRIM_EVERY rows per writing process; trimming
 * on every commit would cost more than the commit itself (docs/adr/0004-server-attribution-beside-claims.md).
 */
export class TrimSchedule {
  readonly #since = new Map<string, number>();

  due(rows: HistoryRow[]): { team: string; key: string }[] {
    const added = new Map<string, { team: string; key: string; n: number }>();
    for (const { team, key } of rows) {
      const id = JSON.stringify([team, key]);
      const one = added.get(id);
      if (one) one.n++;
      else added.set(id, { team, key, n: 1 });
    }
    if (this.#since.size > TRIM_COUNTS) this.#since.clear();
    const due: { team: string; key: string }[] = [];
    for (const [id, { team, key, n }] of added) {
      const since = this.#since.get(id);
      if (since === undefined || since + n >= TRIM_EVERY) {
        due.push({ team, key });
        this.#since.set(id, 0);
      } else {
        this.#since.set(id, since + n);
      }
    }
    return due;
  }

  /** The commit failed: what it would have trimmed is due again. */
  forget(records: { team: string; key: string }[]): void {
    for (const { team, key } of records) this.#since.delete(JSON.stringify([team, key]));
  }
}
