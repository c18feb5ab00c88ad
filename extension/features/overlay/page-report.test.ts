/**
 * 读取有误？ in the overlay, under happy-dom: the page's own (untrusted) clicks open and send nothing; the user's clicks
 * send a report of the page as it is — the saved-page line on top, without scripts, the panel or the row chips — with
 * the latest reading's reader, the verdict and the comment, whether the page was understood or not.
 */
import { readFileSync } from 'node:fs';
import type { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PageReport, savedFromUrl, siteById } from '#core';
import { inertWindow } from '../../../cli/html.ts';
import { FIXTURE_DIR } from '../../../test/support/fixtures.ts';
import type { ReportOutcome } from './report-form.ts';
import { OverlaySession } from './session.ts';

const windows: Window[] = [];
const sessions: OverlaySession[] = [];
afterEach(async () => {
  sessions.splice(0).forEach((s) => s.dispose());
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function pageOf(name: string, edit: (html: string) => string = (h) => h): Document {
  const html = edit(readFileSync(`${FIXTURE_DIR}gsxt-gov-cn/${name}.html`, 'utf8'));
  const window = inertWindow((savedFromUrl(html) as URL).href);
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

async function started(doc: Document, answer: ReportOutcome = { outcome: 'sent', text: '已发送' }) {
  const reports: PageReport[] = [];
  const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
    settings: DEFAULT_SETTINGS,
    now: () => Date.parse('2026-11-30T04:00:00Z'),
    sender: async () => null,
    notesUrl: () => 'chrome-extension://test/notes.html',
    saveSnapshot: async () => {},
    clearBadge: async () => {},
    unknownBadge: async () => {},
    extensionVersion: '0.1.0',
    sendPageReport: async (report) => {
      reports.push(report);
      return answer;
    },
  });
  sessions.push(session);
  await session.start();
  return reports;
}

const part = (doc: Document, id: string) =>
  doc.querySelector('creditlens-overlay')!.shadowRoot!.querySelector(`[data-testid="${id}"]`) as HTMLElement;

/** A click as the browser makes it for the user (happy-dom's own are untrusted, like a page script's). */
function userClick(element: HTMLElement): void {
  const event = new (element.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('读取有误？', () => {
  it('ignores the page\u2019s clicks, and sends the page as it is with the reading and the comment on the user\u2019s', async () => {
    const doc = pageOf('listed-2026');
    const reports = await started(doc);
    part(doc, 'page-report-open').click();
    expect(part(doc, 'page-report-comment').closest('.report-form')!.hasAttribute('hidden')).toBe(true);
    userClick(part(doc, 'page-report-open'));
    expect(part(doc, 'page-report-comment').closest('.report-form')!.hasAttribute('hidden')).toBe(false);
    (part(doc, 'page-report-comment') as HTMLTextAreaElement).value = '  第二页没读到 ';
    part(doc, 'page-report-send').click();
    await settled();
    expect(reports).toEqual([]);
    userClick(part(doc, 'page-report-send'));
    await settled();
    expect(reports).toHaveLength(1);
    const report = PageReport.parse(reports[0]);
    expect(report).toMatchObject({
      url: doc.location.href,
      comment: '第二页没读到',
      extensionVersion: '0.1.0',
      result: { ok: true },
      reader: { site: 'gsxt-gov-cn', layout: 'web-2026', version: siteById('gsxt-gov-cn').readerVersion },
    });
    expect(savedFromUrl(report.html)?.href).toBe(doc.location.href);
    expect(report.html).not.toMatch(/<script|creditlens-overlay|creditlens-chip/i);
    // The live page keeps its panel and chips.
    expect(doc.querySelector('creditlens-overlay')).not.toBeNull();
    expect(part(doc, 'page-report-status').dataset.state).toBe('sent');
    expect(part(doc, 'page-report-status').textContent).toBe('已发送');
  });

  it('reports a page that was not understood, with its reason', async () => {
    const doc = pageOf('listed-2026', (html) =>
      html.replace(/<body[\s\S]*<\/body>/, '<body><div>网站已改版</div><div id="resultMenu"></div></body>'),
    );
    const reports = await started(doc, { outcome: 'saved', text: '已保存为文件' });
    expect(part(doc, 'not-understood')).not.toBeNull();
    userClick(part(doc, 'page-report-open'));
    userClick(part(doc, 'page-report-send'));
    await settled();
    expect(reports[0]).toMatchObject({ result: { ok: false }, reader: { site: 'gsxt-gov-cn' } });
    expect(reports[0]).not.toHaveProperty('comment');
    expect(part(doc, 'page-report-status').dataset.state).toBe('saved');
  });
});
