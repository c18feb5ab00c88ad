/**
 * What the extension keeps on this computer, as zod schemas: private notes, observed snapshots, and the export
 * file. Every read from IndexedDB and every import passes through these; nothing unparsed reaches the UI.
 */
import * as z from 'zod';
import { EntityRecord } from '#core';
import { StoredAssessment, wholeAssessment } from './stored-assessment.ts';

const Iso = z.iso.datetime();

export const Note = z.strictObject({
  id: z.string().min(1),
  /** entityKey(): the USCC, or name:<entity name>. */
  entityKey: z.string().min(1),
  text: z.string().max(100_000),
  tags: z.array(z.string().min(1).max(50)).max(50),
  createdAt: Iso,
  editedAt: Iso,
});
export type Note = z.infer<typeof Note>;

/** A snapshot's assessment is always read as a whole one: those stored before coverage existed are completed. */
export const Snapshot = z
  .strictObject({
    /** Assigned by IndexedDB; absent until stored. */
    seq: z.number().int().positive().optional(),
    entityKey: z.string().min(1),
    /** For lookups: the entity name and the legal representative, in match form. */
    nameKey: z.string(),
    person: z.string(),
    record: EntityRecord,
    assessment: StoredAssessment,
    url: z.string(),
    site: z.string(),
    observedAt: Iso,
  })
  .transform((s) => ({ ...s, assessment: wholeAssessment(s.assessment, s.record) }));
export type Snapshot = z.output<typeof Snapshot>;

/** The file of "export all local data"; import accepts exactly this. */
export const ExportFile = z.strictObject({
  format: z.literal('creditlens-local'),
  version: z.literal(1),
  exportedAt: Iso,
  notes: z.array(Note),
  snapshots: z.array(Snapshot),
});
export type ExportFile = z.infer<typeof ExportFile>;

/**
 * One evidence ZIP taken on this computer (保存取证): which entity, when, the file's name and the browser's download
 * id (to show the file again). The ZIP itself is in the user's download folder, not here.
 */
export const EvidenceEntry = z.strictObject({
  id: z.number().int().positive().optional(),
  entityKey: z.string().min(1),
  takenAt: Iso,
  /** The instant of the reading the ZIP holds (its manifest's observedAt). */
  observedAt: Iso,
  fileName: z.string().min(1).max(300),
  downloadId: z.number().int().nonnegative(),
  /** Whether page.mhtml is in it (manifest's mhtml). */
  mhtml: z.enum(['included', 'not-granted', 'unsupported', 'failed']),
});
export type EvidenceEntry = z.output<typeof EvidenceEntry>;
