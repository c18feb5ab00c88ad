/**
 * The local database under fake-indexeddb: snapshots and notes by entity, the v1 → v2 migration, lookup for the
 * popup, export and all-or-nothing import, retention that keeps notes, wipe.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { assessRecord, type EntityRecord } from '#core';
import { CreditLensDb, DB_NAME } from './db.ts';
import { addEvidence, evidenceByDownload, evidenceOf } from './evidence-index.ts';
import {
  deleteNote,
  exportAll,
  importAll,
  lookup,
  notesOf,
  purgeSnapshots,
  recent,
  saveNote,
  saveSnapshot,
  searchNotes,
  snapshotsOf,
  wipe,
} from './repository.ts';

const open: Dexie[] = [];
function freshDb(indexedDB = new IDBFactory()): CreditLensDb {
  const db = new CreditLensDb({ indexedDB, IDBKeyRange });
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function seen(name: string, uscc: string | undefined, observedAt: string, person = '王某某') {
  const record: EntityRecord = {
    entity: { name, ...(uscc ? { uscc } : {}), legalRepresentative: person },
    penalties: [
      { id: 'P1', decisionNo: '示市监罚〔2024〕1号', decisionDate: '2024-01-10', authority: '示例市市场监督管理局', content: '罚款' },
    ],
    abnormalListings: [],
    seriousListings: [],
  };
  return {
    record,
    assessment: assessRecord(record, { asOf: '2024-06-30' }),
    url: 'https://www.gsxt.gov.cn/%7BX%7D',
    site: 'gsxt-gov-cn',
    observedAt,
  };
}

const note = (id: string, key: string, text: string, at = '2024-06-30T08:00:00.000Z') => ({
  id,
  entityKey: key,
  text,
  tags: ['线索'],
  createdAt: at,
  editedAt: at,
});

describe('recent entities and note search', () => {
  it('lists the entities seen most recently, one each, newest first', async () => {
    const db = freshDb();
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市某某便利店', undefined, '2024-06-15T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-30T08:00:00.000Z'));
    expect((await recent(db, 10)).map((s) => [s.entityKey, s.observedAt])).toEqual([
      ['91330100MA2B3C4D5N', '2024-06-30T08:00:00.000Z'],
      ['name:示例市某某便利店', '2024-06-15T08:00:00.000Z'],
    ]);
    expect(await recent(db, 1)).toHaveLength(1);
  });

  it('finds notes by text, by tag (any width or case) and by the entity’s code', async () => {
    const db = freshDb();
    await saveNote(db, note('n1', '91330100MA2B3C4D5N', '电话核实：ＡＢＣ已停业', '2024-06-01T08:00:00.000Z'));
    await saveNote(db, { ...note('n2', 'name:示例市某某便利店', '待复查', '2024-06-02T08:00:00.000Z'), tags: ['食品'] });
    expect((await searchNotes(db, 'abc')).map((n) => n.id)).toEqual(['n1']);
    expect((await searchNotes(db, '食品')).map((n) => n.id)).toEqual(['n2']);
    expect((await searchNotes(db, '91330100')).map((n) => n.id)).toEqual(['n1']);
    expect((await searchNotes(db, '线索')).map((n) => n.id)).toEqual(['n1']);
    expect(await searchNotes(db, '  ')).toEqual([]);
  });
});

describe('snapshots and notes', () => {
  it('keeps the history of one entity, newest first, and its notes', async () => {
    const db = freshDb();
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-30T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市某某便利店', undefined, '2024-06-15T08:00:00.000Z'));
    const history = await snapshotsOf(db, '91330100MA2B3C4D5N');
    expect(history.map((s) => s.observedAt)).toEqual(['2024-06-30T08:00:00.000Z', '2024-06-01T08:00:00.000Z']);
    expect((await snapshotsOf(db, 'name:示例市某某便利店')).length).toBe(1);
    await saveNote(db, note('n1', '91330100MA2B3C4D5N', '复核处罚记录'));
    expect((await notesOf(db, '91330100MA2B3C4D5N')).map((n) => n.text)).toEqual(['复核处罚记录']);
    await deleteNote(db, 'n1');
    expect(await notesOf(db, '91330100MA2B3C4D5N')).toEqual([]);
  });

  it('refuses a note that does not fit the contract', async () => {
    const db = freshDb();
    await expect(saveNote(db, { ...note('n1', 'k', 'x'), createdAt: 'yesterday' })).rejects.toThrow();
    expect(await db.notes.count()).toBe(0);
  });
});

describe('migration v1 → v2', () => {
  it('fills the lookup indexes of snapshots stored by version 1', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ notes: '&id, entityKey, editedAt', snapshots: '++seq, entityKey, observedAt, [entityKey+observedAt]' });
    const old = seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z', '李某某');
    await v1.table('snapshots').add({ entityKey: '91330100MA2B3C4D5N', ...old });
    v1.close();
    const db = freshDb(indexedDB);
    const [hit] = await lookup(db, '李某某');
    expect(hit?.entityKey).toBe('91330100MA2B3C4D5N');
    expect(hit?.nameKey).toBe('示例市甲贸易有限公司');
  });
});

describe('lookup', () => {
  it('finds by credit code prefix, name prefix or contains, and person; one hit per entity', async () => {
    const db = freshDb();
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-30T08:00:00.000Z'));
    await saveSnapshot(db, seen('示例市乙商行', '92330106MA2KQ7L853', '2024-06-15T08:00:00.000Z', '赵某某'));
    expect((await lookup(db, '9133 0100')).map((s) => s.observedAt)).toEqual(['2024-06-30T08:00:00.000Z']);
    expect((await lookup(db, '示例市')).map((s) => s.record.entity.name)).toEqual(['示例市甲贸易有限公司', '示例市乙商行']);
    expect((await lookup(db, '商行')).map((s) => s.entityKey)).toEqual(['92330106MA2KQ7L853']);
    expect((await lookup(db, '赵某某')).map((s) => s.entityKey)).toEqual(['92330106MA2KQ7L853']);
    expect(await lookup(db, '   ')).toEqual([]);
  });
});

describe('export, import, retention, wipe', () => {
  it('round-trips everything into another profile', async () => {
    const a = freshDb();
    await saveSnapshot(a, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z'));
    await saveNote(a, note('n1', '91330100MA2B3C4D5N', '复核'));
    const file = JSON.parse(JSON.stringify(await exportAll(a, '2024-07-01T00:00:00.000Z'))) as unknown;
    const b = freshDb();
    expect(await importAll(b, file)).toEqual({ ok: true, notes: 1, snapshots: 1 });
    expect(await importAll(b, file)).toEqual({ ok: true, notes: 1, snapshots: 0 });
    expect((await snapshotsOf(b, '91330100MA2B3C4D5N')).length).toBe(1);
  });

  it('files imported snapshots by their record, not by the lookup keys written in the file', async () => {
    const a = freshDb();
    await saveSnapshot(a, seen('示例市甲贸易有限公司', '91330100MA2B3C4D5N', '2024-06-01T08:00:00.000Z'));
    const file = JSON.parse(JSON.stringify(await exportAll(a, '2024-07-01T00:00:00.000Z'))) as {
      snapshots: Array<Record<string, unknown>>;
    };
    Object.assign(file.snapshots[0] ?? {}, { entityKey: '91110000101623741K', nameKey: '别的公司', person: '别人' });
    const b = freshDb();
    expect(await importAll(b, file)).toMatchObject({ ok: true, snapshots: 1 });
    expect((await snapshotsOf(b, '91330100MA2B3C4D5N')).length).toBe(1);
    expect(await snapshotsOf(b, '91110000101623741K')).toEqual([]);
    expect((await lookup(b, '甲贸易')).map((s) => s.entityKey)).toEqual(['91330100MA2B3C4D5N']);
  });

  it('refuses a bad file with the reason and changes nothing', async () => {
    const db = freshDb();
    await saveNote(db, note('n0', 'k', '原有'));
    const bad = {
      format: 'creditlens-local',
      version: 1,
      exportedAt: '2024-07-01T00:00:00.000Z',
      notes: [note('n1', 'k', 'x'), { id: 'n2' }],
      snapshots: [],
    };
    const result = await importAll(db, bad);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join('\n')).toContain('notes[1].entityKey');
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n0']);
    expect((await importAll(db, { format: 'other' })).ok).toBe(false);
  });

  it('purges old snapshots but keeps notes; wipe clears all', async () => {
    const db = freshDb();
    await saveSnapshot(db, seen('甲', '91330100MA2B3C4D5N', '2023-01-01T00:00:00.000Z'));
    await saveSnapshot(db, seen('甲', '91330100MA2B3C4D5N', '2024-06-30T00:00:00.000Z'));
    await saveNote(db, note('n1', '91330100MA2B3C4D5N', '保留'));
    expect(await purgeSnapshots(db, '2024-01-01T00:00:00.000Z')).toBe(1);
    expect(await db.snapshots.count()).toBe(1);
    expect(await db.notes.count()).toBe(1);
    await wipe(db);
    expect((await db.snapshots.count()) + (await db.notes.count())).toBe(0);
  });
});

describe('migration v2 → v3: the evidence index', () => {
  it('keeps notes and snapshots stored by version 2 and adds an empty evidence index, listed by entity, newest first', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v2.version(2).stores({
      notes: '&id, entityKey, editedAt',
      snapshots: '++seq, entityKey, observedAt, [entityKey+observedAt], nameKey, person',
    });
    await v2.table('notes').add(note('n1', '91330100MA2B3C4D5N', '旧笔记'));
    v2.close();
    const db = freshDb(indexedDB);
    expect((await notesOf(db, '91330100MA2B3C4D5N')).map((n) => n.text)).toEqual(['旧笔记']);
    expect(await evidenceOf(db, '91330100MA2B3C4D5N')).toEqual([]);
    const entry = (takenAt: string, downloadId: number) => ({
      entityKey: '91330100MA2B3C4D5N',
      takenAt,
      observedAt: takenAt,
      fileName: `取证-${downloadId}.zip`,
      downloadId,
      mhtml: 'included' as const,
    });
    await addEvidence(db, entry('2026-12-01T08:00:00.000Z', 1));
    await addEvidence(db, entry('2026-12-02T08:00:00.000Z', 2));
    await db.evidence.add({ ...entry('2026-12-03T08:00:00.000Z', 3), fileName: '' });
    expect((await evidenceOf(db, '91330100MA2B3C4D5N')).map((e) => e.downloadId)).toEqual([2, 1]);
    expect((await evidenceByDownload(db, 1))?.fileName).toBe('取证-1.zip');
    expect(await evidenceByDownload(db, 3)).toBeUndefined();
    await wipe(db);
    expect(await evidenceOf(db, '91330100MA2B3C4D5N')).toEqual([]);
  });
});
