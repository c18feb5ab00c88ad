/**
 * Two people offline both start the team's record of the same entity: each replica makes its own Y.Map under the
 * same key, and when they meet Yjs keeps one map and deletes the other, with everything written into it. Left alone,
 * one colleague's notes, tags and status would vanish. So whoever holds the authoritative copy (the sync server)
 * watches its document: a transaction that deletes a record map while another map stays under its key hands over
 * the deleted map's content (read before Yjs frees it), and mergeLostRecord() writes it into the surviving map —
 * notes and listings by id, tags by value, the single fields from the more recently updated record. The servers
 * merge (every instance that notices); two merges of the same loss may each add the same items, so readers
 * (entities-doc.ts) take each note and listing once per id and each tag once.
 */
import * as Y from 'yjs';
import { ENTITIES_MAP } from './entities-doc.ts';
import { TeamEntity, TeamListing, TeamNote, TeamTag } from '../schemas/team.ts';

/** The content of a record map that lost to another under the same key, as plain JSON. */
export type LostRecord = { key: string; content: Record<string, unknown> };

type AnyItem = Y.Item;

/** Present after the transaction, or deleted by this very transaction (so it was present before). */
function wasPresent(item: AnyItem, transaction: Y.Transaction): boolean {
  return !item.deleted || Y.isDeleted(transaction.deleteSet, item.id);
}

function plain(value: unknown, transaction: Y.Transaction): unknown {
  if (value instanceof Y.Map) return plainMap(value, transaction);
  if (value instanceof Y.Array) return plainArray(value, transaction);
  return value;
}

function plainMap(map: Y.Map<unknown>, transaction: Y.Transaction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, item] of map._map) {
    if (!wasPresent(item, transaction)) continue;
    const content = item.content.getContent();
    out[field] = plain(content[content.length - 1], transaction);
  }
  return out;
}

function plainArray(array: Y.Array<unknown>, transaction: Y.Transaction): unknown[] {
  const out: unknown[] = [];
  for (let item = array._start; item !== null; item = item.right) {
    if (item.countable && wasPresent(item, transaction)) out.push(...item.content.getContent().map((v) => plain(v, transaction)));
  }
  return out;
}

/** Record maps under `key` that this transaction deleted while another map survives there. */
function lostUnder(entities: Y.Map<unknown>, key: string, transaction: Y.Transaction): LostRecord[] {
  const survivor = entities._map.get(key);
  if (survivor === undefined || survivor.deleted || !(survivor.content instanceof Y.ContentType)) return [];
  const lost: LostRecord[] = [];
  for (let item = survivor.left; item !== null; item = item.left) {
    if (item.parentSub !== key || !(item.content instanceof Y.ContentType) || !Y.isDeleted(transaction.deleteSet, item.id)) continue;
    const type = item.content.type;
    if (type instanceof Y.Map) lost.push({ key, content: plainMap(type, transaction) });
  }
  return lost;
}

/**
 * Watches `doc` for record maps lost to a concurrent one. `take()` hands over (and forgets) what was lost since the
 * last call — call it after applying a remote update, outside any transaction, and merge each.
 */
export function watchConcurrentRecords(doc: Y.Doc): { take(): LostRecord[]; stop(): void } {
  const entities = doc.getMap(ENTITIES_MAP);
  let lost: LostRecord[] = [];
  const onTransaction = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      if ((type as unknown) !== entities) continue;
      for (const key of keys) if (key !== null) lost.push(...lostUnder(entities, key, transaction));
    }
  };
  doc.on('afterTransaction', onTransaction);
  return {
    take() {
      const taken = lost;
      lost = [];
      return taken;
    },
    stop: () => doc.off('afterTransaction', onTransaction),
  };
}

function parsedItems<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const parsed = schema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

const SINGLE_FIELDS = [
  'legalRepresentative',
  'status',
  'domain',
  'assignee',
  'repeatOffenderPublicizedOn',
  'typicalCaseExposedOn',
] as const;

/**
 * Writes what a lost record held into the surviving record under the same key, in one transaction: missing notes,
 * listings (by id) and tags; each single field the survivor leaves empty, or all of them when the lost record was
 * updated later. Values that do not parse are left out. Returns whether anything changed.
 */
export function mergeLostRecord(doc: Y.Doc, lost: LostRecord): boolean {
  const survivor = doc.getMap(ENTITIES_MAP).get(lost.key);
  if (!(survivor instanceof Y.Map)) return false;
  const fields = TeamEntity.partial().safeParse(
    Object.fromEntries(
      Object.entries(lost.content).filter(
        ([field, value]) => TeamEntity.shape[field as keyof typeof TeamEntity.shape]?.safeParse(value).success,
      ),
    ),
  );
  if (!fields.success) return false;
  const theirs = fields.data;
  const ours = survivor.get('updatedAt');
  const theirsNewer = typeof theirs.updatedAt === 'string' && (typeof ours !== 'string' || theirs.updatedAt > ours);
  let changed = false;
  doc.transact(() => {
    for (const field of SINGLE_FIELDS) {
      const value = theirs[field];
      if (value === null || value === undefined) continue;
      if (survivor.get(field) === value) continue;
      if (survivor.get(field) === null || survivor.get(field) === undefined || theirsNewer) {
        survivor.set(field, value);
        changed = true;
      }
    }
    changed = addMissing(survivor, 'tags', parsedItems(TeamTag, lost.content.tags), (a, b) => a === b) || changed;
    changed = addMissing(survivor, 'notes', parsedItems(TeamNote, lost.content.notes), (a, b) => a.id === b.id) || changed;
    changed = addMissing(survivor, 'listings', parsedItems(TeamListing, lost.content.listings), (a, b) => a.id === b.id) || changed;
    if (theirsNewer && changed) {
      survivor.set('updatedAt', theirs.updatedAt);
      if (theirs.updatedBy !== undefined) survivor.set('updatedBy', theirs.updatedBy);
    }
  });
  return changed;
}

function addMissing<T>(record: Y.Map<unknown>, name: string, items: T[], same: (a: T, b: T) => boolean): boolean {
  let list = record.get(name);
  if (!(list instanceof Y.Array)) {
    if (items.length === 0) return false;
    list = new Y.Array<unknown>();
    record.set(name, list);
  }
  const array = list as Y.Array<unknown>;
  const present = array.toArray() as T[];
  const missing = items.filter((item, i) => !present.some((p) => same(p, item)) && items.findIndex((o) => same(o, item)) === i);
  if (missing.length > 0) array.push(missing);
  return missing.length > 0;
}
