/** The local index of evidence ZIPs taken (保存取证): one row per ZIP, listed by entity, newest first. */
import { EvidenceEntry } from './contract.ts';
import type { CreditLensDb } from './db.ts';

export async function addEvidence(db: CreditLensDb, entry: EvidenceEntry): Promise<EvidenceEntry> {
  const checked = EvidenceEntry.parse(entry);
  const id = await db.evidence.add(checked);
  return { ...checked, id };
}

/** Rows that no longer parse (a hand edit, a damaged database) are left out, never shown half. */
export async function evidenceOf(db: CreditLensDb, entityKey: string, limit = 50): Promise<EvidenceEntry[]> {
  const rows = await db.evidence.where('entityKey').equals(entityKey).toArray();
  return rows
    .flatMap((row) => {
      const parsed = EvidenceEntry.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0))
    .slice(0, limit);
}

/** The row of a download, to check that a page asks to show a file this index holds. */
export async function evidenceByDownload(db: CreditLensDb, downloadId: number): Promise<EvidenceEntry | undefined> {
  const row = await db.evidence.filter((entry) => entry.downloadId === downloadId).first();
  return row && EvidenceEntry.safeParse(row).success ? row : undefined;
}
