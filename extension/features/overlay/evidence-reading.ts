/**
 * What 保存取证 takes of a page, read where the page is: the overlay answers the background's request for it
 * (evidence-answer.ts) only when evidence is asked for.
 * The same reading the overlay shows: the page's adapter on the live DOM, with the complete read the overlay used
 * (kept for the tab's session, fetch/session-cache.ts); the page saved without our own elements.
 */
import { savedPageHtml, siteFor, type AppliedRules, type EntityRecord, type JsonSection, type ReaderInfo } from '#core/page';
import { storedSections } from './session-cache.ts';
import { CHIP_TAG } from './chips.ts';
import { HOST_TAG } from './host.ts';
import { HINT_TAG } from './page-hint.ts';

export interface EvidenceReading {
  html: string;
  record: EntityRecord;
  sections: JsonSection[];
  url: string;
  observedAt: string;
  reader: ReaderInfo;
  /** The team's site rules the page was read with (the overlay's), when any: they go into the ZIP. */
  rules?: AppliedRules;
}

/** null: no entity page that could be read. `rules`: the team's site rules the overlay reads with. */
export function evidenceReading(
  doc: Document,
  now: number,
  storage: Pick<Storage, 'getItem'>,
  rules?: AppliedRules,
): EvidenceReading | null {
  const url = new URL(doc.location.href);
  const site = siteFor(url);
  if (!site || site.pageKind(url, doc) !== 'entity') return null;
  const observedAt = new Date(now).toISOString();
  // Read as the overlay reads, so the ZIP holds what the panel showed (an alias of the team's makes a renamed column read).
  const dom = site.parse(doc, url, observedAt, rules ? { rules } : {});
  if (!dom.ok) return null;
  const sections = storedSections(storage, url.pathname)?.sections ?? [];
  const result = sections.length > 0 && site.completeRead ? site.completeRead.merge(dom, sections) : dom;
  if (!result.ok) return null;
  return {
    html: savedPageHtml(doc, url.href, `${HOST_TAG}, ${CHIP_TAG}, ${HINT_TAG}`),
    record: result.record,
    sections,
    url: url.href,
    observedAt,
    reader: result.reader ?? { site: site.id, version: site.readerVersion, layout: 'unknown' },
    ...(rules ? { rules } : {}),
  };
}
