/**
 * The folded panel: a slim tab at the page's edge with the three key facts — 失信, 异常 and the window's penalty
 * count — in a word each, 读取中 while a section is still being read and 未知 when it could not be read, as the open
 * panel says it. Its test hooks are its own (tab-*): the panel's data-testid elements stay where they are.
 */
import type { CoverageState } from '#core';
import { t } from '../../ui/i18n.ts';
import { keyFacts, type Summary, type Verdict } from '../../ui/summary.ts';
import { el } from './dom.ts';

export interface TabFacts {
  summary: Summary;
  /** The complete read is still running: a section not read yet may still come. */
  reading: boolean;
  /** How the window's years are written (近三年). */
  years: string;
}

const UNKNOWN: Verdict = { key: 'tab_unknown', subs: [], tone: 'unknown' };

/** The tab's facts; without any (a page not understood), each of the three is 未知. */
export function renderTab(tab: HTMLElement, facts: TabFacts | null): void {
  const doc = tab.ownerDocument;
  const reading = facts?.reading ?? false;
  const words = facts ? keyFacts(facts.summary) : { serious: UNKNOWN, abnormal: UNKNOWN, penalties: UNKNOWN };
  const coverage = facts?.summary.coverage;
  const fact = (label: string, testid: string, verdict: Verdict, section: CoverageState | undefined) => {
    const pending = reading && section === 'unknown' && verdict.tone === 'unknown';
    const [text, tone] = pending ? [t('tab_pending'), 'muted'] : [t(verdict.key, ...verdict.subs), verdict.tone];
    return el(
      doc,
      'span',
      { class: 'fact' },
      el(doc, 'span', { class: 'label' }, label),
      el(doc, 'span', { class: `value ${tone}`, 'data-testid': testid }, text),
    );
  };
  // The arrow says which way it opens; the tab's title attribute says it in words.
  tab.replaceChildren(
    el(doc, 'span', { class: 'tab-title', 'aria-hidden': 'true' }, '\u00ab'),
    fact(t('tab_serious_label'), 'tab-serious', words.serious, coverage?.serious.state),
    fact(t('tab_abnormal_label'), 'tab-abnormal', words.abnormal, coverage?.abnormal.state),
    fact(
      facts ? t('tab_penalties_label', facts.years) : t('coverage_penalties'),
      'tab-penalties',
      words.penalties,
      coverage?.penalties.state,
    ),
  );
}
