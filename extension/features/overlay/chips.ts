/**
 * Marks the rows of the page's own penalty table: a small domain chip on each row whose 决定书文号 is a penalty of the
 * record, and a "较重" mark on heavy ones (较重行政处罚, docs/rules.md R1). Chips are `<creditlens-chip>` elements with their
 * own shadow root (the page's CSS cannot restyle them; their text is not part of the cell's text, so reading the page
 * again is not disturbed). Every chip added is remembered and removed on `clear()`.
 */
import { cleanText, type Assessment, type Domain, type EntityRecord } from '#core/page';
import { t } from '../../ui/i18n.ts';

export const CHIP_TAG = 'creditlens-chip';

const CHIP_CSS = `:host{all:initial;display:inline-block;margin-left:4px;vertical-align:middle}
span{font:12px/1.4 "Microsoft YaHei",system-ui,sans-serif;border-radius:3px;padding:0 4px;background:#eef1f8;color:#2c3e66}
span.heavy{background:#b5161c;color:#fff;margin-left:2px}`;

export interface ChipMark {
  domain: Domain;
  heavy: boolean;
}

/** decisionNo (clean form) → the mark for its row. */
export function marksOf(record: EntityRecord, assessment: Assessment): Map<string, ChipMark> {
  const assessed = new Map(assessment.penalties.map((p) => [p.id, p]));
  const marks = new Map<string, ChipMark>();
  for (const p of record.penalties) {
    const a = assessed.get(p.id);
    const key = cleanText(p.decisionNo);
    if (a && key !== '') marks.set(key, { domain: a.domain, heavy: a.severity === 'HEAVY' });
  }
  return marks;
}

export class RowChips {
  private readonly added = new Set<HTMLElement>();

  constructor(private readonly doc: Document) {}

  /** Puts a chip in every row showing one of the record's decisions; rows already marked the same are left alone. */
  update(marks: ReadonlyMap<string, ChipMark>): void {
    for (const chip of this.added) if (!chip.isConnected) this.added.delete(chip);
    if (marks.size === 0) return;
    for (const cell of Array.from(this.doc.querySelectorAll('td'))) {
      const mark = marks.get(cleanText(cell.textContent ?? ''));
      if (!mark) continue;
      const existing = cell.querySelector<HTMLElement>(CHIP_TAG);
      if (existing && existing.dataset.domain === mark.domain && existing.dataset.heavy === String(mark.heavy)) continue;
      existing?.remove();
      cell.append(this.chip(mark));
    }
  }

  clear(): void {
    for (const chip of this.added) chip.remove();
    this.added.clear();
  }

  private chip(mark: ChipMark): HTMLElement {
    const chip = this.doc.createElement(CHIP_TAG);
    chip.dataset.domain = mark.domain;
    chip.dataset.heavy = String(mark.heavy);
    const shadow = chip.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CHIP_CSS;
    const label = this.doc.createElement('span');
    label.textContent = t(`domain_${mark.domain}`);
    shadow.append(style, label);
    if (mark.heavy) {
      const heavy = this.doc.createElement('span');
      heavy.className = 'heavy';
      heavy.textContent = t('overlay_heavy');
      shadow.append(heavy);
    }
    this.added.add(chip);
    return chip;
  }
}
