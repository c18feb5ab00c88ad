/**
 * The local database (Dexie over IndexedDB), versioned: each version lists its stores, and a version that changes
 * the shape of stored rows says how to upgrade them. Never edit an old version; add one.
 */
import Dexie, { type EntityTable } from 'dexie';
import { matchForm } from '#core';
import type { EvidenceEntry, Note, Snapshot } from './contract.ts';

export const DB_NAME = 'creditlens';

export class CreditLensDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  snapshots!: EntityTable<Snapshot, 'seq'>;
  evidence!: EntityTable<EvidenceEntry, 'id'>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(DB_NAME, options);
    // v1: notes and snapshots by entity.
    this.version(1).stores({
      notes: '&id, entityKey, editedAt',
      snapshots: '++seq, entityKey, observedAt, [entityKey+observedAt]',
    });
    // v2: the popup looks entities up by name and by person: both indexed, filled in for rows stored by v1.
    this.version(2)
      .stores({ snapshots: '++seq, entityKey, observedAt, [entityKey+observedAt], nameKey, person' })
      .upgrade((tx) =>
        tx
          .table('snapshots')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            const entity = (row.record as { entity?: { name?: string; legalRepresentative?: string } } | undefined)?.entity;
            row.nameKey = matchForm(entity?.name ?? '');
            row.person = matchForm(entity?.legalRepresentative ?? '');
          }),
      );
    // v3: the evidence ZIPs taken (保存取证), listed by entity; nothing stored before changes.
    this.version(3).stores({ evidence: '++id, entityKey, takenAt' });
  }
}
