/**
 * The overlay panel: statuses at a glance, the same-name legal representative check, each finding expandable to its
 * legal source and records, and the notes frame. It updates in place — the status block and the findings are rebuilt, but which findings are open, whether
 * the panel is collapsed, and the notes frame (with whatever is being typed in it) survive every update.
 */
import type { Finding } from '#core';
import { t, uiLanguage } from '../ui/i18n.ts';
import type { Summary } from '../ui/summary.ts';
import { el } from './dom.ts';

export type PanelModel =
  | { state: 'not-understood'; detail: string }
  | {
    state: 'reading' | 'ready';
    summary: Summary;
    findings: Finding[];
    /** Record id → what staff recognise it by (the 决定书文号 of a penalty). */
    recordLabels: ReadonlyMap<string, string>;
    /** Why the complete read stopped early, when it did. */
    stopped: string | null;
    notesUrl: string;
    /** The person-link frame, when the entity's legal representative is known. */
    linksUrl: string | null;
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
  private readonly open = new Set<string>();
  private notesUrl = '';
  private linksUrl: string | null = null;

  constructor(private readonly mount: HTMLElement) {
    this.doc = mount.ownerDocument;
    const doc = this.doc;
    const toggle = el(doc, 'button', { type: 'button', 'data-testid': 'collapse' }, t('overlay_collapse'));
    toggle.addEventListener('click', () => {
      const collapsed = mount.classList.toggle('collapsed');
      toggle.textContent = t(collapsed ? 'overlay_expand' : 'overlay_collapse');
    });
    this.status = el(doc, 'div', { class: 'status' });
    this.findings = el(doc, 'div', { class: 'findings' });
    this.notes = el(doc, 'div', { class: 'notes' });
    this.links = el(doc, 'div', { class: 'links' });
    mount.replaceChildren(
      el(doc, 'div', { class: 'head' }, el(doc, 'span', { class: 'title' }, t('overlay_title')), toggle),
      el(doc, 'div', { class: 'body' }, this.status, this.links, this.findings, this.notes),
    );
  }

  update(model: PanelModel): void {
    if (model.state === 'not-understood') {
      this.status.replaceChildren(el(this.doc, 'div', { class: 'notice warning', 'data-testid': 'not-understood', title: model.detail }, t('overlay_not_understood')));
      this.findings.replaceChildren();
      this.notes.replaceChildren();
      this.notesUrl = '';
      this.links.replaceChildren();
      this.linksUrl = null;
      return;
    }
    this.status.replaceChildren(...this.statusRows(model));
    this.findings.replaceChildren(...this.findingList(model));
    if (model.notesUrl !== this.notesUrl) this.renderNotes(model.notesUrl);
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
    const row = (label: string, testid: string, value: string, tone: string) =>
      el(doc, 'div', { class: 'row' }, el(doc, 'span', { class: 'label' }, label), el(doc, 'span', { class: `value ${tone}`, 'data-testid': testid }, value));
    const serious = { listed: ['overlay_serious_listed', 'alert'], due: ['overlay_serious_due', 'alert'], none: ['overlay_serious_none', 'ok'] } as const;
    const [seriousKey, seriousTone] = serious[summary.serious];
    const { total, windowYears, byDomain } = summary.penaltiesInWindow;
    const penalties = () => el(doc, 'div', { class: 'line', 'data-testid': 'penalties-3y' },
      el(doc, 'strong', {}, t('overlay_penalties_total', years(windowYears), total)),
      byDomain.length > 0 && el(doc, 'div', { class: 'domains' },
        ...byDomain.map(({ domain, count }) => el(doc, 'span', { class: 'domain', 'data-domain': domain }, `${t(`domain_${domain}`)} ${count}`))));
    const { read, total: stated, complete } = summary.read;
    const readText = stated === null ? t('overlay_read_unknown', read) : complete ? t('overlay_read_complete', read, stated) : t('overlay_read_partial', read, stated);
    // A section the page has shown nothing of (no row, no count) says so — 读取中 while the complete read runs, 未能读取
    // after it — instead of a reassuring 0 / 未列入 / 否.
    const reading = model.state === 'reading';
    const pending = (section: keyof Summary['unread']) => summary.unread[section];
    const notYet = reading ? t('overlay_pending') : t('overlay_unread');
    const notYetTone = reading ? 'muted' : 'warning';
    const penaltiesLine = pending('penalties')
      ? el(doc, 'div', { class: `line ${notYetTone}`, 'data-testid': 'penalties-3y' },
        t(reading ? 'overlay_penalties_pending' : 'overlay_penalties_unread', years(windowYears)))
      : penalties();
    return [
      pending('serious') ? row(t('overlay_serious_label'), 'serious-status', notYet, notYetTone)
        : row(t('overlay_serious_label'), 'serious-status', t(seriousKey), seriousTone),
      pending('abnormal') ? row(t('overlay_abnormal_label'), 'abnormal-status', notYet, notYetTone)
        : row(t('overlay_abnormal_label'), 'abnormal-status', t(`overlay_abnormal_${summary.abnormal}`), summary.abnormal === 'NONE' ? 'ok' : 'warning'),
      penaltiesLine,
      pending('penalties') ? row(t('overlay_repeat_label'), 'repeat-offender', notYet, notYetTone)
        : row(t('overlay_repeat_label'), 'repeat-offender',
          t(summary.repeat.flag ? 'overlay_repeat_yes' : 'overlay_repeat_no', summary.repeat.count, summary.repeat.threshold), summary.repeat.flag ? 'alert' : 'ok'),
      el(doc, 'div', { class: `line ${complete ? 'muted' : 'warning'}`, 'data-testid': 'completeness' }, readText),
      model.state === 'reading' ? el(doc, 'div', { class: 'line muted', 'data-testid': 'reading' }, t('overlay_reading')) : null,
      model.stopped !== null ? el(doc, 'div', { class: 'line warning', 'data-testid': 'read-stopped' }, t('overlay_read_stopped', model.stopped)) : null,
    ].filter((node) => node !== null);
  }

  private findingList(model: Extract<PanelModel, { state: 'reading' | 'ready' }>): HTMLElement[] {
    const doc = this.doc;
    if (model.findings.length === 0) return [];
    const lang = uiLanguage();
    const items = model.findings.map((finding) => {
      const id = `${finding.rule}:${finding.message.zh}`;
      const source = [finding.source.title, finding.source.article].filter(Boolean).join(' ');
      const records = finding.recordIds.map((rid) => model.recordLabels.get(rid) ?? rid).join(t('list_separator'));
      const details = el(doc, 'details', { 'data-testid': 'finding', 'data-rule': finding.rule, 'data-level': finding.level },
        el(doc, 'summary', { class: finding.level === 'alert' ? 'alert' : finding.level === 'warning' ? 'warning' : '' }, finding.message[lang]),
        el(doc, 'div', { class: 'detail', 'data-testid': 'finding-source' }, t('overlay_source', source)),
        records !== '' && el(doc, 'div', { class: 'detail', 'data-testid': 'finding-records' }, t('overlay_records', records)));
      details.open = this.open.has(id);
      details.addEventListener('toggle', () => (details.open ? this.open.add(id) : this.open.delete(id)));
      return details;
    });
    return [el(doc, 'div', { class: 'findings-title' }, t('overlay_findings')), ...items];
  }

  /** The notes live in an extension-origin frame: the host page cannot read what is written there. */
  private renderNotes(url: string): void {
    const doc = this.doc;
    this.notesUrl = url;
    const button = el(doc, 'button', { type: 'button', 'data-testid': 'notes-toggle' }, t('overlay_notes'));
    button.addEventListener('click', () => {
      const frame = this.notes.querySelector('iframe');
      if (frame) frame.remove();
      else this.notes.append(el(doc, 'iframe', { src: url, 'data-testid': 'notes-frame', title: t('overlay_notes') }));
    });
    this.notes.replaceChildren(button);
  }
}
