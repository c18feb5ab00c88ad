/**
 * The overlay panel: statuses at a glance, the same-name legal representative check, each finding expandable to its
 * legal source and records, and the notes frame; folded, a slim tab with the key facts (tab.ts, placed by placer.ts).
 * It updates in place — the status block, the findings and the tab are rebuilt, but which findings are open, whether
 * the panel is folded and where, the notes frame (with whatever is being typed in it) and the 读取有误？ form survive
 * every update.
 */
import type { Coverage, Finding, ParseFailure } from '#core/page';
import type { StopReason } from './sections.ts';
import { postFrameToken } from '../../frames/frame-token.ts';
import { t, uiLanguage, type MessageKey } from '../../ui/i18n.ts';
import type { Summary, Verdict } from '../../ui/summary.ts';
import { el, type Child } from './dom.ts';
import { evidenceAction, type EvidenceSaved } from './evidence.ts';
import { Placer, type PlacementStore } from './placer.ts';
import { reportControl, type ReportOutcome } from './report-form.ts';
import { renderTab } from './tab.ts';

/** A frame about to open: its address, and the token the overlay posts into it once loaded (null: none) at its origin. */
export interface FrameOpening {
  src: string;
  token: string | null;
  origin: string;
}

/** 读取有误？: a report of this page with the user's comment (report-form.ts), in every state. */
type Reporting = { report(comment: string): Promise<ReportOutcome> };

export type PanelModel = Reporting &
  /** `message`: the team administrator's words when the reading was switched off (reason 'disabled'). */
  (
    | { state: 'not-understood'; reason: ParseFailure; message?: string }
    | {
        state: 'reading' | 'ready';
        summary: Summary;
        findings: Finding[];
        /** Record id → what staff recognise it by (the 决定书文号 of a penalty). */
        recordLabels: ReadonlyMap<string, string>;
        /** Why the complete read stopped early, when it did, and the figure its message names. */
        stopped: { reason: StopReason; value: string } | null;
        notesUrl: string;
        /** The notes frame's address and a fresh one-time frame token, asked for each time the frame is opened; null: opened in the side panel. */
        openNotes(): Promise<FrameOpening | null>;
        /** The person-link frame, when the entity's legal representative is known. */
        linksUrl: string | null;
        /** 保存取证 of what is shown; null: not offered (still reading, or no way to save). */
        saveEvidence?: (() => Promise<EvidenceSaved>) | null;
      }
  );

/** Each reason a complete read stops has its own words: the site's captcha and firewall replies above all. */
const STOP_MESSAGE: Record<StopReason, MessageKey> = {
  blocked: 'overlay_stop_blocked',
  captcha: 'overlay_stop_captcha',
  'not-json': 'overlay_stop_not_json',
  'http-error': 'overlay_stop_http_error',
  timeout: 'overlay_stop_timeout',
  'cap-reached': 'overlay_stop_cap_reached',
  network: 'overlay_stop_network',
  cancelled: 'overlay_stop_cancelled',
};

/** Why a page was not understood, in words (the reader's English detail stays in the log). */
const NOT_UNDERSTOOD: Record<ParseFailure, MessageKey> = {
  'unsupported-page': 'overlay_reason_unsupported_page',
  'structure-changed': 'overlay_reason_structure_changed',
  empty: 'overlay_reason_empty',
  disabled: 'overlay_reason_disabled',
};

/** "近三年" in Chinese, "3" in English: the window is a setting, the text reads naturally either way. */
function years(n: number): string {
  return t('number_words').split(',')[n] ?? String(n);
}

export class Panel {
  private readonly doc: Document;
  private readonly status: HTMLElement;
  private readonly findings: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly links: HTMLElement;
  private readonly evidence: HTMLElement;
  /** The folded panel's tab with the key facts. */
  private readonly tab: HTMLElement;
  private readonly open = new Set<string>();
  private notesUrl = '';
  private linksUrl: string | null = null;
  private report: Reporting['report'] = async () => ({ outcome: 'failed', text: '' });

  constructor(mount: HTMLElement, store: PlacementStore = { initial: {}, save: () => {} }) {
    this.doc = mount.ownerDocument;
    const doc = this.doc;
    const collapse = el(doc, 'button', { type: 'button', 'data-testid': 'collapse', 'aria-expanded': 'true' }, t('overlay_collapse'));
    const handle = el(
      doc,
      'div',
      { class: 'head', tabindex: '0', title: t('overlay_move') },
      el(doc, 'span', { class: 'title' }, t('overlay_title')),
      collapse,
    );
    this.status = el(doc, 'div', { class: 'status' });
    this.findings = el(doc, 'div', { class: 'findings' });
    this.notes = el(doc, 'div', { class: 'notes' });
    this.links = el(doc, 'div', { class: 'links' });
    this.evidence = el(doc, 'div');
    const panel = el(
      doc,
      'section',
      { class: 'panel' },
      handle,
      el(
        doc,
        'div',
        { class: 'body' },
        this.status,
        this.links,
        this.findings,
        this.notes,
        this.evidence,
        reportControl(doc, (comment) => this.report(comment)),
      ),
    );
    // Its hooks are tab-*: the panel's data-testid elements stay single, in the panel, folded or not.
    this.tab = el(doc, 'button', {
      type: 'button',
      class: 'tab',
      'data-testid': 'panel-tab',
      'aria-expanded': 'false',
      title: t('tab_title'),
    });
    renderTab(this.tab, null);
    mount.replaceChildren(panel, this.tab);
    new Placer({ mount, panel, handle, tab: this.tab, collapse }, store);
  }

  update(model: PanelModel): void {
    this.report = model.report;
    if (model.state === 'not-understood') {
      this.status.replaceChildren(
        model.message === undefined
          ? el(
              this.doc,
              'div',
              { class: 'notice warning', 'data-testid': 'not-understood', title: t(NOT_UNDERSTOOD[model.reason]) },
              t('overlay_not_understood'),
            )
          : // The administrator's message goes in as a text node: never markup.
            el(
              this.doc,
              'div',
              { class: 'notice warning', 'data-testid': 'not-understood' },
              t(NOT_UNDERSTOOD[model.reason]),
              el(this.doc, 'div', { 'data-testid': 'disabled-message' }, t('overlay_disabled_note'), model.message),
            ),
      );
      this.findings.replaceChildren();
      this.notes.replaceChildren();
      this.notesUrl = '';
      this.links.replaceChildren();
      this.linksUrl = null;
      this.evidence.replaceChildren();
      renderTab(this.tab, null);
      return;
    }
    this.status.replaceChildren(...this.statusRows(model));
    renderTab(this.tab, {
      summary: model.summary,
      reading: model.state === 'reading',
      years: years(model.summary.penaltiesInWindow.windowYears),
    });
    this.findings.replaceChildren(...this.findingList(model));
    // Another entity: its own evidence line. The button waits for the complete read (what the ZIP is to hold).
    if (model.notesUrl !== this.notesUrl || !model.saveEvidence) this.evidence.replaceChildren();
    if (model.saveEvidence && !this.evidence.firstChild) this.evidence.append(evidenceAction(this.doc, model.saveEvidence));
    if (model.notesUrl !== this.notesUrl) this.renderNotes(model.notesUrl, model.openNotes);
    if (model.linksUrl !== this.linksUrl) this.renderLinks(model.linksUrl);
  }

  /**
   * Same-name legal representatives of listed entities (穿透式监管) come from local snapshots and the team ledger:
   * shown in an extension-origin frame of fixed size, so the page can read neither the answer nor its length.
   */
  private renderLinks(url: string | null): void {
    this.linksUrl = url;
    this.links.replaceChildren();
    if (url === null) return;
    // After the panel's first paint: loading a frame is work the statuses should not wait for.
    const view = this.doc.defaultView;
    const add = () => {
      if (this.linksUrl !== url || this.links.firstChild) return;
      this.links.append(el(this.doc, 'iframe', { src: url, class: 'links-frame', 'data-testid': 'links-frame', title: t('links_title') }));
    };
    if (view) view.requestAnimationFrame(() => view.setTimeout(add, 0));
    else add();
  }

  private statusRows(model: Extract<PanelModel, { state: 'reading' | 'ready' }>): HTMLElement[] {
    const doc = this.doc;
    const { summary } = model;
    // While the complete read runs, a section not read yet says 读取中, not 未知: the answer may still come.
    const reading = model.state === 'reading';
    const pending = (section: keyof Coverage) => reading && summary.coverage[section].state === 'unknown';
    const row = (label: string, testid: string, verdict: Verdict, section: keyof Coverage) => {
      // A banner's 已列入 is known at once, whatever is still loading.
      const [text, tone] =
        pending(section) && verdict.tone === 'unknown' ? [t('overlay_pending'), 'muted'] : [t(verdict.key, ...verdict.subs), verdict.tone];
      return el(
        doc,
        'div',
        { class: 'row' },
        el(doc, 'span', { class: 'label' }, label),
        el(doc, 'span', { class: `value ${tone}`, 'data-testid': testid }, text),
      );
    };
    return [
      row(t('overlay_serious_label'), 'serious-status', summary.serious, 'serious'),
      row(t('overlay_abnormal_label'), 'abnormal-status', summary.abnormal, 'abnormal'),
      this.penaltiesLine(summary, pending('penalties')),
      row(t('overlay_repeat_label'), 'repeat-offender', summary.repeat, 'penalties'),
      this.coverageLine(summary.coverage, reading),
      reading ? el(doc, 'div', { class: 'line muted', 'data-testid': 'reading' }, t('overlay_reading')) : null,
      model.stopped !== null
        ? el(
            doc,
            'div',
            { class: 'line warning', 'data-testid': 'read-stopped' },
            t('overlay_read_stopped', t(STOP_MESSAGE[model.stopped.reason], model.stopped.value)),
          )
        : null,
    ].filter((node) => node !== null);
  }

  /** 近三年行政处罚 N 件 by domain; 至少 N when the section was read in part; 未知 when it was not read. */
  private penaltiesLine(summary: Summary, pending: boolean): HTMLElement {
    const doc = this.doc;
    const { total, windowYears, byDomain, read } = summary.penaltiesInWindow;
    const line = (tone: string, ...children: Child[]) =>
      el(doc, 'div', { class: `line ${tone}`, 'data-testid': 'penalties-3y' }, ...children);
    if (pending) return line('muted', t('overlay_penalties_pending', years(windowYears)));
    if (read === 'unknown') return line('unknown', t('overlay_penalties_unread', years(windowYears)));
    const head = t(read === 'partial' ? 'overlay_penalties_at_least' : 'overlay_penalties_total', years(windowYears), total);
    return line(
      read === 'partial' ? 'unknown' : '',
      el(doc, 'strong', {}, head),
      byDomain.length > 0 &&
        el(
          doc,
          'div',
          { class: 'domains' },
          ...byDomain.map(({ domain, count }) =>
            el(doc, 'span', { class: 'domain', 'data-domain': domain }, `${t(`domain_${domain}`)} ${count}`),
          ),
        ),
    );
  }

  /** 行政处罚 23/23 · 经营异常 1/1 · 严重违法 0/0: each section on its own, never one added-up figure. */
  private coverageLine(coverage: Coverage, reading: boolean): HTMLElement {
    const doc = this.doc;
    const sections = (['penalties', 'abnormal', 'serious'] as const).map((section) => {
      const { state, read, total } = coverage[section];
      const name = t(`coverage_${section}`);
      const text =
        state === 'unknown'
          ? t(reading ? 'coverage_pending' : 'coverage_unloaded', name)
          : total === null
            ? t('coverage_no_total', name, read)
            : t('coverage_read', name, read, total);
      return el(doc, 'span', { class: 'section', 'data-section': section, 'data-state': state }, text);
    });
    const complete = Object.values(coverage).every((c) => c.state === 'complete');
    const parts = sections.flatMap((span, i) => (i === 0 ? [span] : [' · ', span]));
    return el(doc, 'div', { class: `line ${complete ? 'muted' : 'warning'}`, 'data-testid': 'completeness' }, ...parts);
  }

  private findingList(model: Extract<PanelModel, { state: 'reading' | 'ready' }>): HTMLElement[] {
    const doc = this.doc;
    if (model.findings.length === 0) return [];
    const lang = uiLanguage();
    const items = model.findings.map((finding) => {
      const id = `${finding.rule}:${finding.message.zh}`;
      const source = [finding.source.title, finding.source.article].filter(Boolean).join(' ');
      const records = finding.recordIds.map((rid) => model.recordLabels.get(rid) ?? rid).join(t('list_separator'));
      const details = el(
        doc,
        'details',
        { 'data-testid': 'finding', 'data-rule': finding.rule, 'data-level': finding.level },
        el(
          doc,
          'summary',
          { class: finding.level === 'alert' ? 'alert' : finding.level === 'warning' ? 'warning' : '' },
          finding.message[lang],
        ),
        el(doc, 'div', { class: 'detail', 'data-testid': 'finding-source' }, t('overlay_source', source)),
        records !== '' && el(doc, 'div', { class: 'detail', 'data-testid': 'finding-records' }, t('overlay_records', records)),
      );
      details.open = this.open.has(id);
      details.addEventListener('toggle', () => (details.open ? this.open.add(id) : this.open.delete(id)));
      return details;
    });
    return [el(doc, 'div', { class: 'findings-title' }, t('overlay_findings')), ...items];
  }

  /**
   * The notes open in the browser's side panel where there is one (`open` answers null); else in an extension-origin
   * frame: the host page cannot read what is written there. Each opening asks for a new frame token (a token works
   * once), so only the frame opened here can write.
   */
  private renderNotes(url: string, open: () => Promise<FrameOpening | null>): void {
    const doc = this.doc;
    this.notesUrl = url;
    let opening = false;
    const button = el(doc, 'button', { type: 'button', 'data-testid': 'notes-toggle' }, t('overlay_notes'));
    button.addEventListener('click', () => {
      const frame = this.notes.querySelector('iframe');
      if (frame) frame.remove();
      else if (!opening) {
        opening = true;
        void open().then((framed) => {
          opening = false;
          // Opened in the browser's side panel (null), the entity changed, or the frame was opened meanwhile: no frame.
          if (!framed || this.notesUrl !== url || this.notes.querySelector('iframe')) return;
          const { src, token, origin } = framed;
          const frame = el(doc, 'iframe', { src, 'data-testid': 'notes-frame', title: t('overlay_notes') }) as HTMLIFrameElement;
          postFrameToken(frame, token, origin);
          this.notes.append(frame);
        });
      }
    });
    this.notes.replaceChildren(button);
  }
}
