/**
 * 读取有误？ in the overlay panel: a button that opens a small form — an optional comment, 发送 and 取消 — and then says
 * what became of the report (已发送, 已保存为文件 and why, or why it failed). Only the user's own clicks count
 * (`isTrusted`): the page's scripts can reach into the open shadow root and click, but cannot start a report.
 */
import { PAGE_REPORT_COMMENT_MAX } from '#core/page';
import { t } from '../../ui/i18n.ts';
import { el } from './dom.ts';

/** What became of a report: `text` is shown as it is. */
export type ReportOutcome = { outcome: 'sent' | 'saved' | 'failed'; text: string };

export function reportControl(doc: Document, send: (comment: string) => Promise<ReportOutcome>): HTMLElement {
  const open = el(doc, 'button', { type: 'button', 'data-testid': 'page-report-open' }, t('page_report_open'));
  const comment = el(doc, 'textarea', {
    'data-testid': 'page-report-comment',
    maxlength: String(PAGE_REPORT_COMMENT_MAX),
    rows: '3',
    placeholder: t('page_report_comment_placeholder'),
  });
  const sendButton = el(doc, 'button', { type: 'button', 'data-testid': 'page-report-send' }, t('page_report_send'));
  const cancel = el(doc, 'button', { type: 'button', 'data-testid': 'page-report-cancel' }, t('page_report_cancel'));
  const form = el(
    doc,
    'div',
    { class: 'report-form', hidden: '' },
    el(doc, 'div', { class: 'muted' }, t('page_report_hint')),
    el(doc, 'label', {}, t('page_report_comment'), comment),
    el(doc, 'div', {}, sendButton, ' ', cancel),
  );
  const status = el(doc, 'div', { class: 'line muted', 'data-testid': 'page-report-status' });
  const show = (formShown: boolean) => {
    form.hidden = !formShown;
    open.hidden = formShown;
  };
  open.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    status.textContent = '';
    show(true);
    comment.focus();
  });
  cancel.addEventListener('click', (event) => event.isTrusted && show(false));
  sendButton.addEventListener('click', (event) => {
    if (!event.isTrusted || sendButton.disabled) return;
    sendButton.disabled = true;
    status.textContent = t('page_report_sending');
    status.dataset.state = 'sending';
    void send(comment.value.trim()).then(({ outcome, text }) => {
      sendButton.disabled = false;
      status.textContent = text;
      status.dataset.state = outcome;
      if (outcome !== 'failed') {
        comment.value = '';
        show(false);
      }
    });
  });
  return el(doc, 'div', { class: 'report' }, open, form, status);
}
