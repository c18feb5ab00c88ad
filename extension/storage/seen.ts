/**
 * For the ledger page: what this computer saw of each entity — its latest local snapshot, cut down to what the ledger
 * lists and charts (when and where it was seen, the serious-list status, and each penalty's decision month and
 * domain), one small summary per entity, so thousands of them fit one message. The full snapshot of one entity is
 * asked for when its row is opened (latestSnapshot).
 */
import * as z from 'zod';
import { Domain } from '#core';
import { seriousView } from '../ui/summary.ts';
import { Snapshot } from './contract.ts';
import type { CreditLensDb } from './db.ts';

export const SeenSummary = z.strictObject({
  entityKey: z.string().min(1),
  observedAt: z.iso.datetime(),
  url: z.string(),
  site: z.string(),
  /** 已列入 / 应列未列 / 未列入 by the snapshot's assessment, or 未知 when the page did not let the section be read. */
  serious: z.enum(['listed', 'listed-banner', 'due', 'none', 'unknown', 'partial']),
  /** Every penalty on the record: the month of its decision (YYYY-MM) and its domain. */
  penalties: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), domain: Domain })),
});
export type SeenSummary = z.infer<typeof SeenSummary>;

function summaryOf(snapshot: Snapshot): SeenSummary {
  const domains = new Map(snapshot.assessment.penalties.map((p) => [p.id, p.domain]));
  return {
    entityKey: snapshot.entityKey,
    observedAt: snapshot.observedAt,
    url: snapshot.url,
    site: snapshot.site,
    serious: seriousView(snapshot.assessment),
    penalties: snapshot.record.penalties.flatMap((p) => {
      const domain = domains.get(p.id);
      return domain && p.decisionDate ? [{ month: p.decisionDate.slice(0, 7), domain }] : [];
    }),
  };
}

/** The latest snapshot of each entity seen, summarised; rows that no longer parse are skipped. */
export async function seenSummaries(db: CreditLensDb): Promise<SeenSummary[]> {
  // In [entityKey+observedAt] order: the last row of each key is its latest. Only that one is parsed.
  const latest = new Map<string, unknown>();
  await db.snapshots.orderBy('[entityKey+observedAt]').each((row: { entityKey?: unknown }) => {
    if (typeof row.entityKey === 'string') latest.set(row.entityKey, row);
  });
  const out: SeenSummary[] = [];
  for (const row of latest.values()) {
    const parsed = Snapshot.safeParse(row);
    if (parsed.success) out.push(summaryOf(parsed.data));
  }
  return out;
}

/** The latest snapshot of one entity, or null. */
export async function latestSnapshot(db: CreditLensDb, key: string): Promise<Snapshot | null> {
  const rows = await db.snapshots.where('[entityKey+observedAt]').between([key, ''], [key, '\uffff']).reverse().toArray();
  for (const row of rows) {
    const parsed = Snapshot.safeParse(row);
    if (parsed.success) return parsed.data;
  }
  return null;
}
