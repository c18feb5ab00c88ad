/**
 * Reading and writing the team document (a Y.Doc) through the TeamEntity contract, for the extension and the sync
 * server alike. Every write is checked first and made in one transaction, or not at all; every read is parsed, and
 * an entry that does not parse (another tool wrote it wrongly, a newer version) comes back as invalid with its
 * problems — never as a crash, never half-read. Lists are Y.Arrays and change by adding and removing items, so two
 * people adding notes or tags at the same time both keep theirs.
 */
import * as Y from 'yjs';
import type * as z from 'zod';
import { entityKey } from '../lib/entity-key.ts';
import { problemLines, problemsOf } from '../lib/issues.ts';
import { TeamEdit, TeamEntity, TeamEntityPatch, TeamListing, TeamNote, TeamTag } from '../schemas/team.ts';

/** The document's top-level map of entities, keyed by entityKey(). */
export const ENTITIES_MAP = 'entities';

export type TeamRead = { key: string; ok: true; value: TeamEntity } | { key: string; ok: false; problems: string[] };
export type TeamWrite = { ok: true; key: string } | { ok: false; problems: string[] };

type Entry = Y.Map<unknown>;

function entries(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ENTITIES_MAP);
}

function read(key: string, raw: unknown): TeamRead {
  if (!(raw instanceof Y.Map)) return { key, ok: false, problems: ['not a map of fields'] };
  const parsed = TeamEntity.safeParse(raw.toJSON());
  if (!parsed.success) return { key, ok: false, problems: problemLines(problemsOf(parsed.error)) };
  // Each note and listing once per id, each tag once: two merges of the same concurrently created record (two
  // server instances noticing it) may both have added them.
  parsed.data.notes = firstOfEach(parsed.data.notes, (n) => n.id);
  parsed.data.listings = firstOfEach(parsed.data.listings, (l) => l.id);
  parsed.data.tags = firstOfEach(parsed.data.tags, (t) => t);
  const expected = entityKey({ name: parsed.data.name, uscc: parsed.data.uscc ?? undefined });
  if (expected !== key) return { key, ok: false, problems: [`key ${key} does not match the entity (${expected})`] };
  return { key, ok: true, value: parsed.data };
}

function firstOfEach<T>(items: T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(idOf(item)) && (seen.add(idOf(item)), true));
}

/** One entity's record; null when the team has none. */
export function readTeamEntity(doc: Y.Doc, key: string): TeamRead | null {
  const raw = entries(doc).get(key);
  return raw === undefined ? null : read(key, raw);
}

/** Every entity's record, valid or not, by key. */
export function readTeamEntities(doc: Y.Doc): TeamRead[] {
  return [...entries(doc).entries()].map(([key, raw]) => read(key, raw)).sort((a, b) => a.key.localeCompare(b.key));
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): { ok: true; value: T } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: problemLines(problemsOf(parsed.error)).map((p) => `${what}: ${p}`) };
}

function stamp(entry: Entry, edit: TeamEdit): void {
  entry.set('updatedAt', edit.at);
  entry.set('updatedBy', edit.by);
}

/**
 * The entity's record, made if the team has none: every field present, unset ones null, lists empty. The name and
 * code come from the page; an existing record keeps everything else.
 */
export function ensureTeamEntity(
  doc: Y.Doc,
  entity: { name: string; uscc?: string | undefined; legalRepresentative?: string | undefined },
  edit: TeamEdit,
): TeamWrite {
  const who = checked(TeamEdit, edit, 'edit');
  if (!who.ok) return who;
  const fields = checked(
    TeamEntity.pick({ name: true, uscc: true, legalRepresentative: true }),
    {
      name: entity.name.trim(),
      uscc: entity.uscc?.trim().toUpperCase() || null,
      legalRepresentative: entity.legalRepresentative?.trim() || null,
    },
    'entity',
  );
  if (!fields.ok) return fields;
  const key = entityKey({ name: fields.value.name, uscc: fields.value.uscc ?? undefined });
  doc.transact(() => {
    const map = entries(doc);
    if (map.get(key) instanceof Y.Map) return;
    const entry: Entry = new Y.Map();
    entry.set('name', fields.value.name);
    entry.set('uscc', fields.value.uscc);
    entry.set('legalRepresentative', fields.value.legalRepresentative);
    for (const field of ['status', 'domain', 'assignee', 'repeatOffenderPublicizedOn', 'typicalCaseExposedOn'] as const)
      entry.set(field, null);
    for (const list of ['tags', 'notes', 'listings'] as const) entry.set(list, new Y.Array());
    stamp(entry, who.value);
    map.set(key, entry);
  });
  return { ok: true, key };
}

/** Runs `change` on an existing, well-formed entry in one transaction; nothing happens when the checks fail. */
function change(doc: Y.Doc, key: string, edit: TeamEdit, apply: (entry: Entry) => void): TeamWrite {
  const who = checked(TeamEdit, edit, 'edit');
  if (!who.ok) return who;
  const entry = entries(doc).get(key);
  if (!(entry instanceof Y.Map)) return { ok: false, problems: [`no team record for ${key}`] };
  doc.transact(() => {
    apply(entry);
    stamp(entry, who.value);
  });
  return { ok: true, key };
}

/** Sets the given fields (status, domain, assignee, dates, legal representative); null clears one. */
export function updateTeamEntity(doc: Y.Doc, key: string, patch: TeamEntityPatch, edit: TeamEdit): TeamWrite {
  const fields = checked(TeamEntityPatch, patch, 'patch');
  if (!fields.ok) return fields;
  return change(doc, key, edit, (entry) => {
    for (const [field, value] of Object.entries(fields.value)) entry.set(field, value ?? null);
  });
}

function list(entry: Entry, name: 'tags' | 'notes' | 'listings'): Y.Array<unknown> {
  const found = entry.get(name);
  if (found instanceof Y.Array) return found;
  // A record written wrongly by another tool: the list is made anew rather than the write refused.
  const made = new Y.Array<unknown>();
  entry.set(name, made);
  return made;
}

export function addTeamTag(doc: Y.Doc, key: string, tag: string, edit: TeamEdit): TeamWrite {
  const valid = checked(TeamTag, tag.trim(), 'tag');
  if (!valid.ok) return valid;
  return change(doc, key, edit, (entry) => {
    const tags = list(entry, 'tags');
    if (!tags.toArray().includes(valid.value)) tags.push([valid.value]);
  });
}

export function removeTeamTag(doc: Y.Doc, key: string, tag: string, edit: TeamEdit): TeamWrite {
  return change(doc, key, edit, (entry) => {
    const tags = list(entry, 'tags');
    // From the end, so the indexes of the ones still to look at do not move.
    for (let i = tags.length - 1; i >= 0; i--) if (tags.get(i) === tag) tags.delete(i, 1);
  });
}

/** Adds a note by the editing user, at the edit's time. */
export function addTeamNote(doc: Y.Doc, key: string, note: { id: string; text: string }, edit: TeamEdit): TeamWrite {
  const valid = checked(TeamNote, { id: note.id, text: note.text, author: edit.by, at: edit.at }, 'note');
  if (!valid.ok) return valid;
  return change(doc, key, edit, (entry) => list(entry, 'notes').push([valid.value]));
}

export function addTeamListing(doc: Y.Doc, key: string, listing: TeamListing, edit: TeamEdit): TeamWrite {
  const valid = checked(TeamListing, listing, 'listing');
  if (!valid.ok) return valid;
  return change(doc, key, edit, (entry) => list(entry, 'listings').push([valid.value]));
}

/** Index of the listing `id` in the list, or -1 (a listing added twice by two merges counts as its first copy). */
function listingIndex(listings: Y.Array<unknown>, id: string): number {
  return listings.toArray().findIndex((item) => TeamListing.safeParse(item).data?.id === id);
}

/** Replaces the listing with the same id (a corrected 决定书文号, date or domain); refused when there is none. */
export function updateTeamListing(doc: Y.Doc, key: string, listing: TeamListing, edit: TeamEdit): TeamWrite {
  const valid = checked(TeamListing, listing, 'listing');
  if (!valid.ok) return valid;
  const entry = entries(doc).get(key);
  if (!(entry instanceof Y.Map) || listingIndex(list(entry, 'listings'), valid.value.id) < 0) {
    return { ok: false, problems: [`no listing ${valid.value.id} for ${key}`] };
  }
  return change(doc, key, edit, (e) => {
    const listings = list(e, 'listings');
    const at = listingIndex(listings, valid.value.id);
    // Every copy goes, the corrected one takes the first's place: the record keeps one listing per id.
    for (let i = listings.length - 1; i >= 0; i--)
      if (TeamListing.safeParse(listings.get(i)).data?.id === valid.value.id) listings.delete(i, 1);
    listings.insert(at, [valid.value]);
  });
}

/** Removes the listing `id` (every copy of it); removing one that is not there changes nothing and is no error. */
export function removeTeamListing(doc: Y.Doc, key: string, id: string, edit: TeamEdit): TeamWrite {
  return change(doc, key, edit, (entry) => {
    const listings = list(entry, 'listings');
    for (let i = listings.length - 1; i >= 0; i--) if (TeamListing.safeParse(listings.get(i)).data?.id === id) listings.delete(i, 1);
  });
}
