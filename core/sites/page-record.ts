/**
 * Shared assembly of a parsed page: record items of each section with ids in page order (P1…, A1…, S1…), the
 * completeness of each section, the source, and a final check of the record against the contract — an adapter
 * never returns a record the engine would refuse.
 */
import {
  EntityRecordRuntime,
  type AbnormalListingInput,
  type Banner,
  type Entity,
  type PenaltyInput,
  type SeriousListingInput,
} from '../schemas/record.ts';
import {
  failure,
  type Completeness,
  type ParseResult,
  type ReaderInfo,
  type SectionCompleteness,
  type SectionDiagnostics,
  type SiteId,
} from './site.ts';

export interface SectionRead<T> {
  items: T[];
  total: number | null;
  from: 'json' | 'dom';
  /** What was matched for the section (header rows, labels): diagnostics for page reports. */
  matched?: readonly string[];
}

/** The reader that read the page: its version and the layout it recognised (ReaderInfo without the diagnostics). */
export interface Reader {
  version: string;
  layout: string;
  rulesVersion?: number;
}

export interface PageRead {
  entity: Entity;
  penalties: SectionRead<PenaltyInput>;
  abnormal: SectionRead<AbnormalListingInput>;
  serious: SectionRead<SeriousListingInput>;
  /** The page's own sentences about a listing of this entity (kept apart from rows: they carry no dates). */
  banners?: readonly Banner[];
}

function numbered<T extends { id: string }>(items: readonly T[], prefix: string): T[] {
  return items.map((item, i) => ({ ...item, id: `${prefix}${i + 1}` }));
}

function completeness<T>(section: SectionRead<T>): SectionCompleteness {
  return { read: section.items.length, total: section.total, from: section.from };
}

function diagnostics<T>(section: SectionRead<T>): SectionDiagnostics {
  return { matched: (section.matched ?? []).map((m) => m.slice(0, 500)), read: section.items.length, total: section.total };
}

/** The reader's description of itself, with or without what it matched. */
export function readerInfo(site: SiteId, reader: Reader, page?: PageRead): ReaderInfo {
  return {
    site,
    version: reader.version,
    layout: reader.layout,
    ...(reader.rulesVersion !== undefined ? { rulesVersion: reader.rulesVersion } : {}),
    ...(page
      ? { sections: { penalties: diagnostics(page.penalties), abnormal: diagnostics(page.abnormal), serious: diagnostics(page.serious) } }
      : {}),
  };
}

export function pageResult(page: PageRead, source: { url: URL; site: SiteId; observedAt: string }, reader: Reader): ParseResult {
  const sections: Completeness = {
    penalties: completeness(page.penalties),
    abnormal: completeness(page.abnormal),
    serious: completeness(page.serious),
  };
  const record = {
    entity: page.entity,
    penalties: numbered(page.penalties.items, 'P'),
    abnormalListings: numbered(page.abnormal.items, 'A'),
    seriousListings: numbered(page.serious.items, 'S'),
    // The rules need it: a section the page did not let us read is unknown, not empty.
    completeness: sections,
    ...(page.banners?.length ? { banners: [...page.banners] } : {}),
    source: { url: source.url.href, site: source.site, observedAt: source.observedAt },
  };
  const checked = EntityRecordRuntime.safeParse(record);
  if (!checked.success) {
    const first = checked.error.issues[0];
    return failure(
      'structure-changed',
      `the page gave a record that does not fit the contract: ${first?.path.join('.')}: ${first?.message}`,
      readerInfo(source.site, reader, page),
    );
  }
  return { ok: true, record: checked.data, completeness: sections, reader: readerInfo(source.site, reader, page) };
}
