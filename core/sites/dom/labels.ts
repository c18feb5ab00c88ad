/**
 * Label：value pairs wherever a page puts them — <dt>/<dd>, label and value cells of a table, or a label element
 * followed by its value in the same block (<b>统一社会信用代码：</b>9133…) — found by the label's text alone.
 */
import { labelForm } from '../../lib/text.ts';
import { all, type PageText } from './text.ts';

/** Known labels (label form) → the key they fill. Checked longest first so 统一社会信用代码/注册号 beats 注册号. */
export type LabelTable = ReadonlyArray<readonly [label: string, key: string]>;

function keyOf(label: string, labels: LabelTable): string | undefined {
  return labels.find(([l]) => l === label)?.[1];
}

/** "统一社会信用代码: 9133… 登记机关: …" → the value after `label`, cut at the next known label. */
function valueAfter(text: string, label: string, labels: LabelTable): string | null {
  const compact = text.replace(/ /g, '');
  if (!compact.startsWith(label)) return null;
  let rest = text;
  // Skip the label in the spaced text (the sites pad labels with em spaces).
  for (const ch of label) rest = rest.slice(rest.indexOf(ch) + 1);
  const m = /^\s*[:：]\s*/.exec(rest);
  if (!m) return null;
  let value = rest.slice(m[0].length);
  for (const [other] of labels) {
    const at = value.replace(/ /g, '').indexOf(`${other}:`);
    if (at > 0) {
      // Map the index in the compact form back to the spaced value.
      let seen = 0;
      let i = 0;
      for (; i < value.length && seen < at; i++) if (value[i] !== ' ') seen++;
      value = value.slice(0, i);
    }
  }
  return value.trim();
}

/** All label → value pairs for the given labels; the first occurrence of a key wins. */
export function readLabels(root: ParentNode, labels: LabelTable, t: PageText): Map<string, string> {
  const found = new Map<string, string>();
  const put = (key: string | undefined, value: string | null | undefined) => {
    if (key && value && !found.has(key)) found.set(key, value.trim());
  };
  for (const dt of all(root, 'dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName === 'DD') put(keyOf(labelForm(t.of(dt)), labels), t.of(dd));
  }
  for (const cell of all(root, 'td, th')) {
    // Labels are short: most cells are values and are skipped on their length.
    if (t.raw(cell).length > 60) continue;
    const key = keyOf(labelForm(t.of(cell)), labels);
    const next = cell.nextElementSibling;
    if (key && next && (next.tagName === 'TD' || next.tagName === 'TH')) put(key, t.of(next));
  }
  // Inline: the smallest block whose text starts with a known label and a colon.
  for (const el of all(root, 'b, strong, span, label, em, dt, th, td, div, p, li')) {
    // Only short blocks with a colon can be "label：value".
    const raw = t.raw(el);
    if (raw.length > 400 || !/[:：]/.test(raw)) continue;
    const text = t.of(el);
    for (const [label, key] of labels) {
      if (found.has(key)) continue;
      if (!text.replace(/ /g, '').startsWith(label) && !label.startsWith(text.replace(/ |:/g, ''))) continue;
      const parent = el.parentElement;
      const nearParent = parent && t.raw(parent).length <= 400 ? parent : null;
      const value = valueAfter(text, label, labels) ?? (nearParent ? valueAfter(t.of(nearParent), label, labels) : null);
      if (value) put(key, value);
    }
  }
  return found;
}
