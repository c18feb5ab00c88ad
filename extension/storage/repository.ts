/**
 * Everything the extension reads and writes locally, through the zod contract: snapshots of what was seen, private
 * notes, lookup for the popup, export and all-or-nothing import, retention and wipe. Rows that no longer parse are
 * left out of answers and counted, never shown half-read.
 */
import { entityKey, matchForm, normalizeIdentifier, type Assessment, type EntityRecord } from '#core';
import * as z from 'zod';
import { ExportFile, Note, Snapshot } from './contract.ts';
import type { CreditLensDb } from './db.ts';
import { issueLines } from '../ui/issues.ts';

function parsedRows<T>(schema: z.ZodType<T>, rows: readonly unknown[]): { rows: T[]; invalid: number } {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return { rows: out, invalid: rows.length - out.length };
}

export interface Observation {
  record: EntityRecord;
  assessment: Assessment;
  url: string;
  site: string;
  observedAt: string;
}

/** How a snapshot is found again: by entity key, by name and by legal representative (match form). */
function lookupKeys(record: EntityRecord): Pick<Snapshot, 'entityKey' | 'nameKey' | 'person'> {
  return {
    entityKey: entityKey(record.entity),
    nameKey: matchForm(record.entity.name),
    person: matchForm(record.entity.legalRepresentative ?? ''),
  };
}

export async function saveSnapshot(db: CreditLensDb, seen: Observation): Promise<Snapshot> {
  const snapshot = Snapshot.parse({ ...seen, ...lookupKeys(seen.record) });
  const seq = await db.snapshots.add(snapshot);
  return { ...snapshot, seq };
}

/** Snapshots of one entity, newest first. */
export async function snapshotsOf(db: CreditLensDb, key: string): Promise<Snapshot[]> {
  const rows = await db.snapshots.where('[entityKey+observedAt]').between([key, ''], [key, '\uffff']).reverse().toArray();
  return parsedRows(Snapshot, rows).rows;
}

export async function saveNote(db: CreditLensDb, note: Note): Promise<Note> {
  const valid = Note.parse(note);
  await db.notes.put(valid);
  return valid;
}

export async function notesOf(db: CreditLensDb, key: string): Promise<Note[]> {
  return parsedRows(Note, await db.notes.where('entityKey').equals(key).sortBy('editedAt')).rows;
}

export async function deleteNote(db: CreditLensDb, id: string): Promise<void> {
  await db.notes.delete(id);
}

/**
 * Popup lookup over local snapshots and notes: a credit code or 注册号 (exact or prefix), an entity name (prefix or
 * contains) or a legal representative's name. One hit per entity, its latest snapshot, newest first.
 */
export async function lookup(db: CreditLensDb, query: string, limit = 20): Promise<Snapshot[]> {
  const code = normalizeIdentifier(query);
  const text = matchForm(query);
  if (text === '') return [];
  const rows = await db.snapshots
    .filter(
      (s: Snapshot) =>
        (code.length >= 4 && (s.entityKey.startsWith(code) || (s.record.entity.regNo ?? '').startsWith(code))) ||
        s.nameKey.includes(text) ||
        (s.person !== '' && s.person.includes(text)),
    )
    .toArray();
  const latest = new Map<string, Snapshot>();
  for (const s of parsedRows(Snapshot, rows).rows) {
    const seen = latest.get(s.entityKey);
    if (!seen || s.observedAt > seen.observedAt) latest.set(s.entityKey, s);
  }
  const rank = (s: Snapshot) => (s.entityKey === code ? 0 : s.nameKey.startsWith(text) ? 1 : 2);
  return [...latest.values()].sort((a, b) => rank(a) - rank(b) || b.observedAt.localeCompare(a.observedAt)).slice(0, limit);
}

/** The entities seen most recently: one hit each, its latest snapshot, newest first. */
export async function recent(db: CreditLensDb, limit: number): Promise<Snapshot[]> {
  const latest = new Map<string, Snapshot>();
  // Newest first by the observedAt index; stop once `limit` entities were found.
  await db.snapshots
    .orderBy('observedAt')
    .reverse()
    .until(() => latest.size >= limit)
    .each((row: unknown) => {
      const s = Snapshot.safeParse(row);
      if (s.success && !latest.has(s.data.entityKey)) latest.set(s.data.entityKey, s.data);
    });
  return [...latest.values()];
}

/**
 * Notes of the entity whose code starts with the query, and notes whose text or tags contain it (match form: width,
 * case and spaces do not matter), newest first.
 */
export async function searchNotes(db: CreditLensDb, query: string, limit = 20): Promise<Note[]> {
  const code = normalizeIdentifier(query);
  const text = matchForm(query);
  if (text === '') return [];
  const rows = await db.notes
    .filter(
      (n: Note) =>
        (code.length >= 4 && n.entityKey.startsWith(code)) ||
        matchForm(n.text).includes(text) ||
        n.tags.some((tag) => matchForm(tag).includes(text)),
    )
    .toArray();
  return parsedRows(Note, rows)
    .rows.sort((a, b) => b.editedAt.localeCompare(a.editedAt))
    .slice(0, limit);
}

export async function exportAll(db: CreditLensDb, exportedAt: string): Promise<ExportFile> {
  const notes = parsedRows(Note, await db.notes.toArray()).rows;
  const snapshots = parsedRows(Snapshot, await db.snapshots.toArray()).rows.map(({ seq: _seq, ...rest }) => rest);
  return ExportFile.parse({ format: 'creditlens-local', version: 1, exportedAt, notes, snapshots });
}

export type ImportResult = { ok: true; notes: number; snapshots: number } | { ok: false; problems: string[] };

/**
 * Imports an export file: all or nothing. The whole file is checked first (every problem reported with its path);
 * then one transaction writes it — notes by id (a note in the file replaces the local one), snapshots added unless
 * the same observation is already there.
 */
export async function importAll(db: CreditLensDb, input: unknown): Promise<ImportResult> {
  const file = ExportFile.safeParse(input);
  if (!file.success) return { ok: false, problems: issueLines(file.error.issues) };
  const { notes, snapshots } = file.data;
  let added = 0;
  await db.transaction('rw', db.notes, db.snapshots, async () => {
    await db.notes.bulkPut(notes);
    for (const { seq: _seq, ...stored } of snapshots) {
      // The lookup keys come from the record, as saveSnapshot makes them, never from the file: an edited or older
      // file must not file a snapshot under another entity.
      const snapshot = { ...stored, ...lookupKeys(stored.record) };
      const same = await db.snapshots
        .where('[entityKey+observedAt]')
        .equals([snapshot.entityKey, snapshot.observedAt])
        .filter((s: Snapshot) => s.url === snapshot.url)
        .count();
      if (same === 0) {
        await db.snapshots.add(snapshot);
        added++;
      }
    }
  });
  return { ok: true, notes: notes.length, snapshots: added };
}

/** Retention: snapshots observed before `before` are deleted; notes are kept. Returns how many went. */
export async function purgeSnapshots(db: CreditLensDb, before: string): Promise<number> {
  return db.snapshots.where('observedAt').below(before).delete();
}

export async function wipe(db: CreditLensDb): Promise<void> {
  await db.transaction('rw', db.notes, db.snapshots, db.evidence, async () => {
    await db.notes.clear();
    await db.snapshots.clear();
    await db.evidence.clear();
  });
}
