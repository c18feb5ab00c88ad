/**
 * Snapshots stored before the assessment carried its coverage read as they did then (every section read whole,
 * listed / not listed as stored), through the same zod contract; snapshots of a page whose sections were not read
 * say 未知 in what the ledger lists, never 未列入.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { Assessment, assessRecord, type EntityRecord } from '#core';
import { Snapshot } from './contract.ts';
import { CreditLensDb } from './db.ts';
import { lookup, saveSnapshot } from './repository.ts';
import { latestSnapshot, seenSummaries } from './seen.ts';

const open: Dexie[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
function freshDb(): CreditLensDb {
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  open.push(db);
  return db;
}

const AS_OF = '2024-06-30';
const LISTED: EntityRecord = {
  entity: { name: '示例市丙商贸有限公司', uscc: '91330100MA2B3C4D5N' },
  penalties: [],
  abnormalListings: [],
  seriousListings: [{ id: 'S1', listedDate: '2023-03-01' }],
};
const CLEAN: EntityRecord = {
  entity: { name: '北京乙科技有限公司', uscc: '91110000101623741K' },
  penalties: [
    { id: 'P1', decisionNo: '示市监罚〔2024〕1号', decisionDate: '2024-01-10', authority: '示例市市场监督管理局', content: '罚款' },
  ],
  abnormalListings: [],
  seriousListings: [],
};
const unread = { read: 0, total: null } as const;
const UNREAD: EntityRecord = {
  ...CLEAN,
  entity: { name: '示例市丁未读贸易有限公司' },
  penalties: [],
  completeness: { penalties: unread, abnormal: unread, serious: unread },
};

/** An assessment as stored before coverage existed: without coverage, entity kind and the status fields. */
function oldShaped(a: Assessment): unknown {
  const { coverage: _c, entityKind: _k, ...rest } = a;
  const { status: _rs, atLeast: _al, ...repeatOffender } = a.repeatOffender;
  const { status: _ss, ...seriousList } = a.seriousList;
  return { ...rest, repeatOffender, seriousList };
}

/** A row as version 2 of the database stored it, written past today's contract. */
async function storeOld(db: CreditLensDb, record: EntityRecord, observedAt: string): Promise<void> {
  const row = {
    entityKey: record.entity.uscc,
    nameKey: record.entity.name,
    person: '',
    record,
    assessment: oldShaped(assessRecord(record, { asOf: AS_OF })),
    url: 'https://www.gsxt.gov.cn/%7BOLD%7D',
    site: 'gsxt-gov-cn',
    observedAt,
  };
  await db.snapshots.add(row as unknown as Snapshot);
}

describe('snapshots stored before coverage', () => {
  it('read as they did: listed / not listed, every section read whole', async () => {
    // Today's assessment contract alone would refuse them.
    expect(Assessment.safeParse(oldShaped(assessRecord(LISTED, { asOf: AS_OF }))).success).toBe(false);
    const db = freshDb();
    await storeOld(db, LISTED, '2024-06-30T08:00:00.000Z');
    await storeOld(db, CLEAN, '2024-06-30T09:00:00.000Z');
    const listed = await latestSnapshot(db, '91330100MA2B3C4D5N');
    expect(listed?.assessment.seriousList.status).toBe('LISTED');
    expect(listed?.assessment.coverage.serious).toEqual({ state: 'complete', read: 1, total: 1 });
    const clean = await latestSnapshot(db, '91110000101623741K');
    expect(clean?.assessment.seriousList.status).toBe('NOT_LISTED');
    expect(clean?.assessment.repeatOffender).toMatchObject({ status: 'NOT_FLAGGED', atLeast: false, count: 1 });
    expect(clean?.assessment.coverage.penalties).toEqual({ state: 'complete', read: 1, total: 1 });
    const seen = new Map((await seenSummaries(db)).map((s) => [s.entityKey, s.serious]));
    expect(seen).toEqual(
      new Map([
        ['91330100MA2B3C4D5N', 'listed'],
        ['91110000101623741K', 'none'],
      ]),
    );
    expect((await lookup(db, '北京乙')).map((s) => s.entityKey)).toEqual(['91110000101623741K']);
  });

  it('are still refused when they do not fit even the older contract', () => {
    const bad = { ...(oldShaped(assessRecord(CLEAN, { asOf: AS_OF })) as object), seriousList: { active: 'yes' } };
    const row = {
      entityKey: 'k',
      nameKey: 'k',
      person: '',
      record: CLEAN,
      assessment: bad,
      url: '',
      site: 's',
      observedAt: '2024-06-30T08:00:00.000Z',
    };
    expect(Snapshot.safeParse(row).success).toBe(false);
  });
});

describe('snapshots of a page whose sections were not read', () => {
  it('keep the statuses and coverage, and the ledger lists them as 未知, never 未列入', async () => {
    const db = freshDb();
    const saved = await saveSnapshot(db, {
      record: UNREAD,
      assessment: assessRecord(UNREAD, { asOf: AS_OF }),
      url: 'https://www.gsxt.gov.cn/%7BNEW%7D',
      site: 'gsxt-gov-cn',
      observedAt: '2024-06-30T10:00:00.000Z',
    });
    const stored = await latestSnapshot(db, saved.entityKey);
    expect(stored?.assessment.seriousList.status).toBe('UNKNOWN');
    expect(stored?.assessment.abnormalList.status).toBe('UNKNOWN');
    expect(stored?.assessment.coverage.serious).toEqual({ state: 'unknown', read: 0, total: null });
    expect((await seenSummaries(db)).map((s) => s.serious)).toEqual(['unknown']);
  });
});
