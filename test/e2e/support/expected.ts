/**
 * What the overlay must show for a simulated entity, computed from the truth data (test/sim-site/entities.ts) with
 * core's own assessment on the overlay's as-of date (today in China), and the texts from the extension's message
 * files. Isolates the expectations, so the scenarios hold no numbers without a source.
 */
import { readFileSync } from 'node:fs';
import {
  assess,
  chinaDateOfEpochMs,
  cleanText,
  DEFAULT_SETTINGS,
  running,
  type AbnormalStatus,
  type Assessment,
  type Domain,
  type IsoDate,
  type SectionCoverage,
} from '#core';
import { ENTITIES, pageByName, type EntityKey } from '../../sim-site/entities.ts';
import { expectedFor } from '../../sim-site/expected.ts';
import type { UiLanguage } from './browser.ts';
import { ROOT } from './paths.ts';

export type SeriousStatus = 'listed' | 'due' | 'none' | 'unknown';

/** A status line as the overlay must write it: a message key and its placeholders. */
export type Line = [key: string, ...subs: Array<string | number>];

export interface ExpectedOverlay {
  asOf: IsoDate;
  assessment: Assessment;
  serious: SeriousStatus;
  abnormal: AbnormalStatus;
  /** Penalties decided within the repeat-offender window before asOf, and how many of them per domain. */
  penaltiesInWindow: number;
  byDomain: ReadonlyMap<Domain, number>;
  repeat: { flag: boolean; count: number; threshold: number };
  /** The four status lines (the penalty line's first placeholder, the window's years, is left to the pattern). */
  lines: { serious: Line; abnormal: Line; penalties: Line; repeat: Line };
  /** Every record of the entity: penalties, abnormal and serious listings. */
  records: number;
  penalties: number;
  /** Clean decision number → the chip its row must get. */
  chips: ReadonlyMap<string, { domain: Domain; heavy: boolean }>;
}

/** The overlay's as-of date: today's calendar date in China (Asia/Shanghai), whatever the machine's time zone. */
export function chinaToday(): IsoDate {
  const today = chinaDateOfEpochMs(Date.now());
  if (today === null) throw new Error('no date for now');
  return today;
}

export type SectionRead = { read: number; total: number | null };
export type SectionsRead = Record<'penalties' | 'abnormal' | 'serious', SectionRead>;

const unknownKey = (c: SectionCoverage) => (c.state === 'unknown' ? 'status_unknown_unloaded' : 'status_unknown_partial');

/** The status lines for an assessment, as the issue "Honest verdicts" words them: 未知 for a section not read whole. */
function linesOf(a: Assessment, penaltiesInWindow: number, threshold: number): ExpectedOverlay['lines'] {
  const { seriousList: s, abnormalList: ab, repeatOffender: r, coverage } = a;
  const serious: Line =
    s.status === 'LISTED'
      ? [s.activeListingIds.length ? 'overlay_serious_listed' : 'overlay_serious_listed_banner']
      : s.status === 'NOT_LISTED'
        ? [s.shouldBeListed ? 'overlay_serious_due' : 'overlay_serious_none']
        : [unknownKey(coverage.serious)];
  const abnormal: Line = ab.status === 'UNKNOWN' ? [unknownKey(coverage.abnormal)] : [`overlay_abnormal_${ab.status}`];
  const penalties: Line =
    coverage.penalties.state === 'unknown'
      ? ['overlay_penalties_unread']
      : [
          coverage.penalties.state === 'partial' ? 'overlay_penalties_at_least' : 'overlay_penalties_total',
          '\\S+',
          String(penaltiesInWindow),
        ];
  const repeat: Line =
    r.status === 'FLAGGED'
      ? [r.atLeast ? 'overlay_repeat_yes_at_least' : 'overlay_repeat_yes', r.count, threshold]
      : r.status === 'NOT_FLAGGED'
        ? ['overlay_repeat_no', r.count, threshold]
        : coverage.penalties.state === 'unknown'
          ? [unknownKey(coverage.penalties)]
          : ['overlay_repeat_unknown_at_least', r.count, threshold];
  return { serious, abnormal, penalties, repeat };
}

/**
 * What the overlay must show for an entity's truth record; `read`: how much of each section the page lets the
 * overlay read (default: all of it), which decides where the answer is 未知.
 */
export function expectedOverlay(key: EntityKey, asOf: IsoDate = chinaToday(), read?: SectionsRead): ExpectedOverlay {
  const truth = ENTITIES[key].record;
  const record = read ? { ...truth, completeness: read } : truth;
  const settings = DEFAULT_SETTINGS;
  const result = assess(record, { asOf, settings });
  if (!result.ok) throw new Error(`truth record of ${key} does not parse`);
  const assessment = result.value;
  const decided = new Map(record.penalties.map((p) => [p.id, p.decisionDate]));
  const byDomain = new Map<Domain, number>();
  let penaltiesInWindow = 0;
  for (const p of assessment.penalties) {
    const date = decided.get(p.id);
    if (
      date === undefined ||
      !running(date, settings.repeatOffenderWindowYears, 'y', asOf, { boundaryInclusive: settings.boundaryInclusive })
    )
      continue;
    penaltiesInWindow++;
    byDomain.set(p.domain, (byDomain.get(p.domain) ?? 0) + 1);
  }
  const assessed = new Map(assessment.penalties.map((p) => [p.id, p]));
  const chips = new Map(
    record.penalties.flatMap((p) => {
      const a = assessed.get(p.id);
      return a ? [[cleanText(p.decisionNo), { domain: a.domain, heavy: a.severity === 'HEAVY' }] as const] : [];
    }),
  );
  const { seriousList } = assessment;
  return {
    asOf,
    assessment,
    serious: seriousList.status === 'UNKNOWN' ? 'unknown' : seriousList.active ? 'listed' : seriousList.shouldBeListed ? 'due' : 'none',
    abnormal: assessment.abnormalList.status,
    penaltiesInWindow,
    byDomain,
    repeat: { flag: assessment.repeatOffender.flag, count: assessment.repeatOffender.count, threshold: settings.repeatOffenderThreshold },
    lines: linesOf(assessment, penaltiesInWindow, settings.repeatOffenderThreshold),
    records: record.penalties.length + record.abnormalListings.length + record.seriousListings.length,
    penalties: record.penalties.length,
    chips,
  };
}

/**
 * How much of each section of a page's record the overlay can read. gsxt pages that declare section endpoints
 * answering data: all of it, from the JSON. Other pages: the rows as rendered, against the counts the page states
 * (null: states none).
 */
export function expectedSections(pageName: string): SectionsRead {
  const page = pageByName(pageName);
  const entity = page.entityKey ? ENTITIES[page.entityKey] : null;
  if (!entity) throw new RangeError(`${pageName} has no entity`);
  if ((page.layout === 'gsxt-2017' || page.layout === 'gsxt-2026') && entity.behaviour === 'normal') {
    const { penalties, abnormalListings, seriousListings } = entity.record;
    const all = (n: number) => ({ read: n, total: n });
    return { penalties: all(penalties.length), abnormal: all(abnormalListings.length), serious: all(seriousListings.length) };
  }
  const result = expectedFor(page);
  if (!result.ok) throw new RangeError(`${pageName} is no entity page`);
  const { penalties, abnormal, serious } = result.completeness;
  const only = (c: SectionRead) => ({ read: c.read, total: c.total });
  return { penalties: only(penalties), abnormal: only(abnormal), serious: only(serious) };
}

/** The same, added up over the record: [read, total], total null when some section states no count. */
export function expectedRead(pageName: string): { read: number; total: number | null } {
  const sections = Object.values(expectedSections(pageName));
  const stated = sections.every((s) => s.total !== null);
  return { read: sections.reduce((n, s) => n + s.read, 0), total: stated ? sections.reduce((n, s) => n + (s.total ?? 0), 0) : null };
}

type Messages = Record<string, { message: string }>;
const cache = new Map<UiLanguage, Messages>();

function messages(language: UiLanguage): Messages {
  let loaded = cache.get(language);
  if (!loaded) {
    const folder = language === 'zh_CN' ? 'zh_CN' : 'en';
    loaded = JSON.parse(readFileSync(`${ROOT}extension/public/_locales/${folder}/messages.json`, 'utf8')) as Messages;
    cache.set(language, loaded);
  }
  return loaded;
}

/** The extension's text for `key` in `language`, with $1…$9 replaced as chrome.i18n does. */
export function message(language: UiLanguage, key: string, ...subs: Array<string | number>): string {
  const text = messages(language)[key]?.message;
  if (text === undefined) throw new RangeError(`no message ${key}`);
  return text.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/**
 * A pattern for a message whose placeholders are given as regular-expression source (e.g. the window's years, which
 * the overlay may write as a numeral or in Chinese): literal text escaped, `$n` replaced by `parts[n-1]`.
 */
export function messagePattern(language: UiLanguage, key: string, ...parts: string[]): RegExp {
  const text = messages(language)[key]?.message;
  if (text === undefined) throw new RangeError(`no message ${key}`);
  const source = text
    .split(/(\$\d)/)
    .map((piece) => {
      const slot = /^\$(\d)$/.exec(piece);
      return slot ? `(?:${parts[Number(slot[1]) - 1] ?? '.*?'})` : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}`);
}

/** The completeness line, each section on its own: 行政处罚 23/23 · 经营异常 1/1 · 严重违法 0/0 (未载入 when not read). */
export function completenessText(language: UiLanguage, sections: SectionsRead): string {
  return (['penalties', 'abnormal', 'serious'] as const)
    .map((section) => {
      const { read, total } = sections[section];
      const name = message(language, `coverage_${section}`);
      if (total === null)
        return read === 0 ? message(language, 'coverage_unloaded', name) : message(language, 'coverage_no_total', name, read);
      return message(language, 'coverage_read', name, read, total);
    })
    .join(' · ');
}
