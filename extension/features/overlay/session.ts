/**
 * One overlay on one page: reads the page with its site adapter, assesses, paints the panel and marks the rows at
 * once from what is rendered, then reads the complete sections (the site's own endpoints, when its adapter declares them) and paints again. It
 * follows the page — re-reading after its tables change and on in-page navigation — and `dispose()` removes
 * everything it added. Browser APIs come in as `SessionDeps`, so the whole flow runs under happy-dom in tests.
 */
import {
  PAGE_REPORT_FORMAT,
  assessRecord,
  chinaDateOfEpochMs,
  entityKey,
  savedPageHtml,
  type AppliedRules,
  type Assessment,
  type EntityRecord,
  type IsoDate,
  type PageReport,
  type ParseResult,
  type ParseSuccess,
  type RuleSettings,
  type SiteAdapter,
  type SiteId,
} from '#core/page';
import type { ReadOutcome } from '../../storage/reader-health.ts';
import { fetchSectionsOnce, memoryCache, type SectionCache, type SectionsRead, type Sender } from './sections.ts';
import { openSections } from './open-sections.ts';
import { frameOrigin } from '../../frames/frame-token.ts';
import type { FramePurpose } from '../../messaging/protocol.ts';
import { t } from '../../ui/i18n.ts';
import { summarize } from '../../ui/summary.ts';
import { CHIP_TAG, RowChips, marksOf } from './chips.ts';
import type { EvidenceSaved } from './evidence.ts';
import { HOST_TAG, mountHost, type OverlayHost } from './host.ts';
import { HINT_TAG } from './page-hint.ts';
import { Panel, type FrameOpening, type PanelModel } from './panel.ts';
import type { PlacementStore } from './placer.ts';
import type { ReportOutcome } from './report-form.ts';
import { watchPage } from './watch.ts';

export interface SessionDeps {
  settings: RuleSettings;
  /** The team's site rules for this site (storage/site-rules-items.ts); absent: the reader reads as built. */
  rules?: AppliedRules;
  /** Counts this page's read for the reader-health counters, once, after the settled read. */
  countRead?(read: { site: SiteId; layout: string; outcome: ReadOutcome }): void;
  /** Epoch ms now (the as-of date is today in China; observedAt is this instant). */
  now(): number;
  /** The section sender in the page's world, made ready when first needed (after the first paint); null where the site has no section endpoints. */
  sender(): Promise<Sender | null>;
  /** The extension-origin notes page for an entity (the legal representative, '' when unknown, names it in the team record). */
  notesUrl(entityKey: string, name: string, legalRepresentative: string): string;
  /** A one-time token for a frame about to be opened for the entity (the background binds it to this tab). */
  frameToken?(purpose: FramePurpose, entityKey: string): Promise<string>;
  /**
   * Asks the background to open the browser's side panel beside this tab (true: opened, no frame needed). Called
   * synchronously from the click (the browser opens a side panel only within its user gesture); absent: none.
   */
  openSidePanel?(): Promise<boolean>;
  /** The origin the frame documents run at, the only one the token is posted to (frames/frame-token.ts frameOrigin). */
  frameOrigin?: string;
  /** The extension-origin person-link frame (穿透式监管) for an entity with a known legal representative. */
  linksUrl?(entityKey: string, legalRepresentative: string): string;
  /** Keeps what was seen (snapshot + badge); failures are reported, never thrown into the page. */
  saveSnapshot(seen: { record: EntityRecord; assessment: Assessment; url: string; site: string; observedAt: string }): Promise<void>;
  clearBadge(): Promise<void>;
  /** The page is an entity page that could not be read: the badge says "?" (what an earlier page showed would mislead). */
  unknownBadge(): Promise<void>;
  /** Where complete reads are kept so an entity is read from the site once (default: for this page view only). */
  cache?: SectionCache;
  /** Where the user put the panel on this site, and whether folded (default: nothing remembered, nothing kept). */
  placement?: PlacementStore;
  /** 保存取证: the background reads the page again and makes and downloads the ZIP (absent: no button). */
  saveEvidence?: () => Promise<EvidenceSaved>;
  /** Shows (true) or takes away (false) the "不是主体详情页" hint of a search results page. */
  pageHint?(show: boolean): void;
  /** 读取有误？: sends the report to the background (absent: the form says it failed); never throws. */
  sendPageReport?(report: PageReport): Promise<ReportOutcome>;
  /** The extension's version, in page reports. */
  extensionVersion?: string;
}

type Json = { path: string; read: SectionsRead } | null;

/** What staff recognise each record by — a penalty's 决定书文号, a listing's list and date — never the reader's own ids. */
function recordLabels(record: EntityRecord): Map<string, string> {
  return new Map([
    ...record.penalties.map((p) => [p.id, p.decisionNo || t('overlay_record_penalty', p.decisionDate)] as const),
    ...record.abnormalListings.map((a) => [a.id, t('overlay_record_abnormal', a.listedDate)] as const),
    ...record.seriousListings.map((s) => [s.id, t('overlay_record_serious', s.listedDate)] as const),
  ]);
}

/**
 * How a read went, for reader health: understood, partial (some section read short of its stated total, or with no
 * total), not understood; null for what is no read of an entity page (a search page, a reading the team switched off).
 */
export function outcomeOf(result: ParseResult): ReadOutcome | null {
  if (!result.ok) return result.reason === 'disabled' || result.reason === 'unsupported-page' ? null : 'notUnderstood';
  const { penalties, abnormal, serious } = result.completeness;
  return [penalties, abnormal, serious].every((s) => s.total !== null && s.read >= s.total) ? 'understood' : 'partial';
}

/** `lastSaved` while the page is not understood: nothing saved, the badge set to "?". */
const UNREADABLE = 'not-understood';

export class OverlaySession {
  private overlay: { host: OverlayHost; panel: Panel } | null = null;
  private readonly chips: RowChips;
  private readonly stopWatching: () => void;
  private json: Json = null;
  /** The complete read is over (finished or stopped): from then on, what is shown is kept as a snapshot. */
  private settled = false;
  /** The complete read of this page, once started. */
  private completion: Promise<void> | null = null;
  private lastSaved = '';
  private firstPaint = false;
  /** The first paint is scheduled but not done: page changes meanwhile wait for it (the panel comes first). */
  private paintPending = false;
  private changedWhilePending = false;
  private readonly cache: SectionCache;
  /** Bumped on each in-page navigation: a complete read started for an earlier address leaves the new one alone. */
  private generation = 0;
  /** Cancels the complete read of the current address (no further requests) when the page is left or disposed. */
  private cancelRead = new AbortController();
  /** The address the current reading is for (a change of only the hash is no new entity). */
  private path: string;
  private disposed = false;
  /** The latest reading of the page and when it was made: what a page report says of it, and reader health counts. */
  private reading: { result: ParseResult; observedAt: string } | null = null;
  /** This address's read was counted for reader health. */
  private counted = false;

  constructor(
    private readonly doc: Document,
    private readonly site: SiteAdapter,
    private deps: SessionDeps,
  ) {
    this.chips = new RowChips(doc);
    this.cache = deps.cache ?? memoryCache();
    this.path = new URL(doc.location.href).pathname;
    const isOurs = (node: Node): boolean => {
      const element = node.nodeType === node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      return element !== null && element.closest(`${HOST_TAG}, ${CHIP_TAG}, ${HINT_TAG}`) !== null;
    };
    this.stopWatching = watchPage(doc, isOurs, () => this.pageChanged());
  }

  /** First paint from the rendered page, then the complete read (which starts with the first reading that works). */
  async start(): Promise<void> {
    this.refresh();
    await this.completion;
  }

  /** The address changed without a page load: a new entity, a fresh start (a change of the hash alone is none). */
  async navigated(): Promise<void> {
    const path = new URL(this.doc.location.href).pathname;
    if (path === this.path || this.disposed) return;
    this.path = path;
    this.generation++;
    this.cancelRead.abort();
    this.cancelRead = new AbortController();
    this.json = null;
    this.settled = false;
    this.completion = null;
    this.chips.clear();
    this.lastSaved = '';
    this.counted = false;
    this.reading = null;
    await this.start();
  }

  updateSettings(settings: RuleSettings): void {
    this.deps = { ...this.deps, settings };
    this.refresh();
  }

  /** Stops following the page and removes everything added to it (the extension was disabled or updated). */
  dispose(): void {
    this.disposed = true;
    this.cancelRead.abort();
    this.stopWatching();
    this.removeAdded();
    this.deps.pageHint?.(false);
  }

  private removeAdded(): void {
    this.chips.clear();
    this.overlay?.host.remove();
    this.overlay = null;
  }

  /** Reads and paints what the page shows now; returns the page's reading (null when it is no entity page). */
  refresh(): ParseResult | null {
    if (this.disposed) return null;
    const url = new URL(this.doc.location.href);
    const kind = this.site.pageKind(url, this.doc);
    // Search results get a small hint saying why no panel shows; an entity page never does.
    this.deps.pageHint?.(kind === 'search');
    if (kind !== 'entity') return this.hide();
    const started = this.doc.defaultView?.performance.now() ?? 0;
    const now = this.deps.now();
    const observedAt = new Date(now).toISOString();
    let result = this.site.parse(this.doc, url, observedAt, this.deps.rules ? { rules: this.deps.rules } : {});
    const complete = this.site.completeRead;
    if (result.ok && complete && this.json?.path === url.pathname) result = complete.merge(result, this.json.read.sections);
    this.reading = { result, observedAt };
    const report = (comment: string) => this.pageReport(comment);
    if (!result.ok) {
      if (result.reason === 'unsupported-page') return this.hide();
      this.chips.clear();
      console.warn('[CreditLens] page not understood:', result.detail);
      // The kill switch's message is the administrator's own words, shown as text.
      this.panel().update({
        state: 'not-understood',
        reason: result.reason,
        report,
        ...(result.reason === 'disabled' ? { message: result.detail } : {}),
      });
      this.painted('not-understood');
      this.badgeUnknown();
      this.countWhenLoaded();
      return result;
    }
    const record = result.record;
    const asOf = chinaDateOfEpochMs(now) as IsoDate;
    const assessment = assessRecord(record, { asOf, settings: this.deps.settings });
    const key = entityKey(record.entity);
    const notesUrl = this.deps.notesUrl(key, record.entity.name, record.entity.legalRepresentative ?? '');
    // Until the complete read is over, what is shown may still change: the panel says it is reading.
    const state = this.settled ? 'ready' : 'reading';
    this.panel().update({
      state,
      report,
      summary: summarize(record, assessment, this.deps.settings),
      findings: assessment.findings,
      recordLabels: recordLabels(record),
      stopped: this.json?.read.stopped ?? null,
      notesUrl,
      openNotes: () => this.notesWithToken(notesUrl, key),
      linksUrl: record.entity.legalRepresentative && this.deps.linksUrl ? this.deps.linksUrl(key, record.entity.legalRepresentative) : null,
      saveEvidence: this.settled ? (this.deps.saveEvidence ?? null) : null,
    });
    const marks = marksOf(record, assessment);
    // The first time, rows are marked just after the panel's first paint: the panel is what staff wait for.
    if (this.firstPaint) this.chips.update(marks);
    else this.overlay?.host.host.setAttribute('data-first-work', String((this.doc.defaultView?.performance.now() ?? 0) - started));
    this.painted(state, () => this.chips.update(marks));
    if (this.settled) this.save(record, assessment, url.href, observedAt);
    else this.completion ??= this.completeRead(result);
    return result;
  }

  private pageChanged(): void {
    if (this.paintPending) this.changedWhilePending = true;
    else this.refresh();
  }

  /** Every row of each section from the endpoints the page declares (the adapter's completeRead); else open unrendered sections. */
  private async completeRead(dom: ParseSuccess): Promise<void> {
    const generation = this.generation;
    const path = this.path;
    const current = () => generation === this.generation && !this.disposed;
    try {
      const complete = this.site.completeRead;
      const sender = complete ? await this.deps.sender() : null;
      const scripts = sender ? Array.from(this.doc.scripts, (s) => s.text).join('\n') : '';
      const targets = complete && sender ? complete.targets(scripts, dom.record.entity) : [];
      if (complete && sender && targets.length > 0) {
        const read = await fetchSectionsOnce(path, targets, complete, sender, this.cache, undefined, this.cancelRead.signal);
        if (current()) this.json = { path, read };
      } else if (this.site.openSections && current()) {
        await openSections(this.doc, this.site, this.site.openSections, undefined, this.deps.rules);
      }
    } catch (error) {
      // Reading stays honest whatever failed: the panel shows what the page gave, sections not read say so.
      console.warn('[CreditLens] complete read:', error instanceof Error ? error.message : error);
    }
    // A read for an address the page has left has nothing to say about the new one.
    if (!current()) return;
    this.settled = true;
    this.count(this.refresh());
    this.markComplete();
  }

  /** Counts the read once per address (reader health). */
  private count(result: ParseResult | null): void {
    const outcome = result && outcomeOf(result);
    if (this.counted || !result || !outcome) return;
    this.counted = true;
    this.deps.countRead?.({ site: this.site.id, layout: result.reader?.layout ?? 'unknown', outcome });
  }

  /** A page not understood is counted once it has loaded and is still not understood (it may be rendering yet). */
  private countWhenLoaded(): void {
    const view = this.doc.defaultView;
    if (this.counted || !this.deps.countRead || !view) return;
    const countIfStill = () => {
      const result = this.reading?.result;
      if (!this.disposed && result && !result.ok) this.count(result);
    };
    if (this.doc.readyState === 'complete') countIfStill();
    else view.addEventListener('load', countIfStill, { once: true });
  }

  /**
   * The side panel where the browser has one (null: opened there); else the frame. Without a token (none asked for,
   * or the background did not answer) the frame opens read-only and says why.
   */
  private async notesWithToken(url: string, key: string): Promise<FrameOpening | null> {
    // First, before any await: the request must leave within the click's user gesture.
    if (await this.deps.openSidePanel?.().catch(() => false)) return null;
    const origin = this.deps.frameOrigin ?? frameOrigin(url, new URL(url).host);
    if (!this.deps.frameToken) return { src: url, token: null, origin };
    try {
      return { src: url, token: await this.deps.frameToken('notes', key), origin };
    } catch (error) {
      console.warn('[CreditLens] frame token:', error instanceof Error ? error.message : error);
      return { src: url, token: null, origin };
    }
  }

  /**
   * The report of this page as it is now (our own elements left out) with the latest reading's diagnostics; only
   * the page and the reading go in — notes and team data live in extension pages, never in the page's DOM.
   */
  private async pageReport(comment: string): Promise<ReportOutcome> {
    const reading = this.reading;
    if (!reading || !this.deps.sendPageReport) return { outcome: 'failed', text: t('page_report_failed', t('error_unexpected')) };
    const { result, observedAt } = reading;
    const url = this.doc.location.href;
    const report: PageReport = {
      format: PAGE_REPORT_FORMAT,
      url,
      observedAt,
      html: savedPageHtml(this.doc, url, `${HOST_TAG}, ${CHIP_TAG}, ${HINT_TAG}`),
      reader: result.reader ?? { site: this.site.id, version: this.site.readerVersion, layout: 'unknown' },
      extensionVersion: this.deps.extensionVersion ?? '0.0.0',
      result: result.ok ? { ok: true } : { ok: false, reason: result.reason },
      ...(comment ? { comment } : {}),
    };
    return this.deps.sendPageReport(report);
  }

  private panel(): Panel {
    if (!this.overlay) {
      const host = mountHost(this.doc);
      this.overlay = { host, panel: new Panel(host.mount, this.deps.placement) };
    }
    return this.overlay.panel;
  }

  /** No entity on the page (any more): nothing shown, but the page is still followed (it may become one). */
  private hide(): null {
    if (this.overlay) {
      this.removeAdded();
      void this.deps.clearBadge();
    }
    return null;
  }

  /**
   * Test and benchmark hooks on the host: its state, when the first and the complete paint happened, and how long
   * the first reading took (data-first-work, ms: page read, assessment and panel, before the browser's frame).
   */
  private painted(state: PanelModel['state'], afterFirstPaint: () => void = () => {}): void {
    const host = this.overlay?.host.host;
    const view = host?.ownerDocument.defaultView;
    if (!host || !view) return;
    host.dataset.state = state;
    if (!this.firstPaint) {
      this.firstPaint = true;
      this.paintPending = true;
      // The next animation frame is when the browser paints what was just added; a task queued from its callback
      // runs after that paint.
      view.requestAnimationFrame(() => {
        host.dataset.firstPaint = String(view.performance.now());
        view.setTimeout(() => {
          this.paintPending = false;
          afterFirstPaint();
          if (this.changedWhilePending) {
            this.changedWhilePending = false;
            this.refresh();
          }
        }, 0);
      });
    }
  }

  private markComplete(): void {
    const host = this.overlay?.host.host;
    const view = host?.ownerDocument.defaultView;
    if (host && view) view.requestAnimationFrame(() => (host.dataset.completePaint = String(view.performance.now())));
  }

  /** Once per not-understood reading: a later reading that works saves a snapshot, which sets the badge again. */
  private badgeUnknown(): void {
    if (this.lastSaved === UNREADABLE) return;
    this.lastSaved = UNREADABLE;
    void this.deps.unknownBadge();
  }

  private save(record: EntityRecord, assessment: Assessment, url: string, observedAt: string): void {
    const { source: _source, ...content } = record;
    // The assessment too: new settings change it without changing the record, and the snapshot and badge follow.
    const fingerprint = JSON.stringify([content, assessment]);
    if (fingerprint === this.lastSaved) return;
    this.lastSaved = fingerprint;
    void this.deps.saveSnapshot({ record, assessment, url, site: this.site.id, observedAt });
  }
}
