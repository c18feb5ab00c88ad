/**
 * The overlay with the team's site rules, in happy-dom on a saved page: a renamed penalty table is not read (the
 * panel and the reader-health count say partial) and is read through the aliases; the kill switch shows the
 * administrator's message as text instead of numbers and is not counted; a page not understood is counted once.
 */
import { readFileSync } from 'node:fs';
import type { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SiteRules, rulesForSite, siteById, type AppliedRules } from '#core';
import { savedFromUrl } from '#core/page';
import { inertWindow } from '../../../cli/html.ts';
import { FIXTURE_DIR } from '../../../test/support/fixtures.ts';
import { OverlaySession, type SessionDeps } from './session.ts';

const windows: Window[] = [];
const sessions: OverlaySession[] = [];
afterEach(async () => {
  sessions.splice(0).forEach((s) => s.dispose());
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

const rename = (html: string, from: string, to: string) => html.split(`<th>${from}</th>`).join(`<th>${to}</th>`);
/** listed-2026 with its penalty table's three telling headers renamed, as a site redesign would. */
const renamed = (html: string) =>
  rename(rename(rename(html, '决定书文号', '处罚文书编号'), '违法行为类型', '违法事项'), '行政处罚内容', '处罚措施');

function pageOf(edit: (html: string) => string = (h) => h): Document {
  const html = edit(readFileSync(`${FIXTURE_DIR}gsxt-gov-cn/listed-2026.html`, 'utf8'));
  const window = inertWindow((savedFromUrl(html) as URL).href);
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

function rules(layouts: Record<string, unknown>, version = 3): AppliedRules {
  return rulesForSite(
    SiteRules.parse({ format: 'creditlens-site-rules', version, sites: { 'gsxt-gov-cn': { layouts } } }),
    'gsxt-gov-cn',
  ) as AppliedRules;
}
const ALIASES = { 'web-2026': { columnAliases: { 处罚文书编号: '决定书文号', 违法事项: '违法行为类型', 处罚措施: '行政处罚内容' } } };

function start(doc: Document, applied?: AppliedRules) {
  const saved: Parameters<SessionDeps['saveSnapshot']>[0][] = [];
  const counted: Parameters<NonNullable<SessionDeps['countRead']>>[0][] = [];
  let unknown = 0;
  const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
    settings: DEFAULT_SETTINGS,
    ...(applied ? { rules: applied } : {}),
    countRead: (read) => void counted.push(read),
    now: () => Date.parse('2026-11-30T04:00:00Z'),
    sender: async () => null,
    notesUrl: (key) => `chrome-extension://test/notes.html?key=${encodeURIComponent(key)}`,
    saveSnapshot: async (seen) => void saved.push(seen),
    clearBadge: async () => {},
    unknownBadge: async () => void unknown++,
  });
  sessions.push(session);
  return { session, saved, counted, unknown: () => unknown };
}

const hook = (doc: Document, id: string) =>
  doc.querySelector('creditlens-overlay')?.shadowRoot?.querySelector(`[data-testid=${id}]`) ?? null;
/** Every task queued so far has run (the first paint's animation frame and the timer after it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

describe('overlay with site rules', () => {
  it('renamed columns: penalties not read, counted partial; with the aliases: read, counted understood', async () => {
    const without = start(pageOf(renamed));
    await without.session.start();
    await settle();
    expect(without.saved.at(-1)?.record.completeness?.penalties).toEqual({ read: 0, total: null, from: 'dom' });
    expect(without.counted).toEqual([{ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'partial' }]);

    const withRules = start(pageOf(renamed), rules(ALIASES));
    await withRules.session.start();
    await settle();
    expect(withRules.saved.at(-1)?.record.completeness?.penalties).toEqual({ read: 3, total: 3, from: 'dom' });
    expect(withRules.counted).toEqual([{ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'understood' }]);
  });

  it('switched off: the administrator\u2019s message as text, no numbers, "?" badge, not counted', async () => {
    const message = '页面改版，暂停读取 <img src=x onerror="alert(1)">';
    const doc = pageOf();
    const { session, saved, counted, unknown } = start(doc, rules({ '*': { disabled: { message } } }));
    await session.start();
    await settle();
    expect(hook(doc, 'not-understood')?.textContent).toContain('本站读取已由管理员暂停');
    expect(hook(doc, 'disabled-message')?.textContent).toBe(`管理员说明：${message}`);
    expect(hook(doc, 'disabled-message')?.querySelector('img')).toBeNull();
    expect(hook(doc, 'serious-status')).toBeNull();
    expect(saved).toEqual([]);
    expect(unknown()).toBe(1);
    expect(counted).toEqual([]);
  });

  it('a page not understood is counted once, as not understood', async () => {
    const doc = pageOf((html) => html.replace('<b>统一社会信用代码：</b>', '<b>信用代码：</b>'));
    const { session, counted } = start(doc);
    await session.start();
    await settle();
    session.refresh();
    expect(hook(doc, 'disabled-message')).toBeNull();
    expect(counted).toEqual([{ site: 'gsxt-gov-cn', layout: 'web-2026', outcome: 'notUnderstood' }]);
  });
});
