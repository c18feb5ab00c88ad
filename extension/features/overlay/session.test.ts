/**
 * The overlay's whole flow on saved pages of the simulated site, in happy-dom: first paint from the rendered rows,
 * the complete read through the site's real section endpoints (the simulated server on loopback), row chips,
 * following table changes, "not understood" in one line, page text kept as text, and removal of everything.
 */
import { readFileSync } from 'node:fs';
import type { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, assessRecord, chinaDateOfEpochMs, entityKey, type IsoDate, siteById } from '#core';
import { inertWindow } from '../../../cli/html.ts';
import { savedFromUrl } from '#core/page';
import { ENTITIES, pageByName, pageUrl } from '../../../test/sim-site/entities.ts';
import { renderPage, startSimSite, type SimSite } from '../../../test/sim-site/server.ts';
import { FIXTURE_DIR } from '../../../test/support/fixtures.ts';
import type { Sender } from './sections.ts';
import { badgeFor } from '../../background/badge.ts';
import type { PanelPlacement } from '../../storage/panel-placement.ts';
import { pageHint } from './page-hint.ts';
import { OverlaySession, type SessionDeps } from './session.ts';

const NOW = Date.parse('2026-11-30T04:00:00Z');
const AS_OF = chinaDateOfEpochMs(NOW) as IsoDate;
let sim: SimSite;
beforeAll(async () => (sim = await startSimSite({ port: 0 })));
afterAll(() => sim.close());

const windows: Window[] = [];
const sessions: OverlaySession[] = [];
afterEach(async () => {
  sessions.splice(0).forEach((s) => s.dispose());
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A saved fixture page as the browser shows it, at its own address. */
function pageOf(site: string, name: string, edit: (html: string) => string = (h) => h): Document {
  const html = edit(readFileSync(`${FIXTURE_DIR}${site}/${name}.html`, 'utf8'));
  const window = inertWindow((savedFromUrl(html) as URL).href);
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

/** The section endpoints of the simulated site over real HTTP, as the page's own requests would reach them. */
const simSender: Sender = async (path, form, signal) => {
  const reply = await fetch(`${sim.origin}${path}`, { method: 'POST', body: form, signal });
  return { status: reply.status, body: await reply.text() };
};

function start(doc: Document, siteId: string, sender: Sender | null = simSender, dismissed = false) {
  const saved: Parameters<SessionDeps['saveSnapshot']>[0][] = [];
  const memory = { dismissed: async () => dismissed, dismiss: async () => void (dismissed = true) };
  let badgeCleared = 0;
  let badgeUnknown = 0;
  const session = new OverlaySession(doc, siteById(siteId), {
    settings: DEFAULT_SETTINGS,
    now: () => NOW,
    sender: async () => sender,
    notesUrl: (key) => `chrome-extension://test/notes.html?key=${encodeURIComponent(key)}`,
    linksUrl: (key, rep) => `chrome-extension://test/links.html?${new URLSearchParams({ key, rep })}`,
    saveSnapshot: async (seen) => void saved.push(seen),
    clearBadge: async () => void badgeCleared++,
    unknownBadge: async () => void badgeUnknown++,
    pageHint: pageHint(doc, memory),
  });
  sessions.push(session);
  return { session, saved, badgeCleared: () => badgeCleared, badgeUnknown: () => badgeUnknown };
}

const shadowOf = (doc: Document) => doc.querySelector('creditlens-overlay')?.shadowRoot ?? null;
const hook = (doc: Document, id: string) => shadowOf(doc)?.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

describe('overlay session', () => {
  it('paints from the 5 rendered rows at once, then reads all 23 penalties from the page\u2019s endpoints', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    const { session, saved } = start(doc, 'gsxt-gov-cn');
    const started = session.start();
    // Painted before the first request was answered.
    expect(hook(doc, 'completeness')).toMatch(/^行政处罚 5\/23 · /);
    await started;
    const truth = ENTITIES.repeat.record;
    const expected = assessRecord(truth, { asOf: AS_OF }).repeatOffender;
    expect(doc.querySelector('creditlens-overlay')?.getAttribute('data-state')).toBe('ready');
    expect(hook(doc, 'penalties-3y')).toMatch(/^近三年行政处罚 \d+ 件/);
    expect(hook(doc, 'repeat-offender')).toBe(`${expected.flag ? '是' : '否'}（${expected.count}/10）`);
    const { penalties, abnormalListings: abnormal, seriousListings: serious } = truth;
    expect(hook(doc, 'completeness')).toBe(
      `行政处罚 ${penalties.length}/${penalties.length} · 经营异常 ${abnormal.length}/${abnormal.length} · 严重违法 ${serious.length}/${serious.length}`,
    );
    // The snapshot kept is the complete one, once.
    expect(saved).toHaveLength(1);
    expect(saved[0]?.record.penalties).toHaveLength(23);
  });

  it('says 读取中 for sections the page has not shown yet, instead of 0 or 未列入, until the complete read is in', async () => {
    // The page as served, before its scripts drew any table (scripts are off here).
    const page = pageByName('repeat-2017');
    const window = inertWindow(pageUrl(page));
    windows.push(window);
    window.document.write(renderPage(page, { saved: false }));
    const doc = window.document as unknown as Document;
    const { session } = start(doc, 'gsxt-gov-cn');
    const started = session.start();
    expect(hook(doc, 'serious-status')).toBe('读取中…');
    expect(hook(doc, 'abnormal-status')).toBe('读取中…');
    expect(hook(doc, 'penalties-3y')).toBe('近三年行政处罚：读取中…');
    expect(hook(doc, 'repeat-offender')).toBe('读取中…');
    expect(['tab-serious', 'tab-abnormal', 'tab-penalties'].map((id) => hook(doc, id))).toEqual(['读取中', '读取中', '读取中']);
    await started;
    expect(hook(doc, 'serious-status')).toBe('未列入');
    expect(hook(doc, 'tab-serious')).toBe('未列入');
    expect(hook(doc, 'tab-penalties')).toMatch(/^\d+件$/);
    expect(hook(doc, 'penalties-3y')).toMatch(/^近三年行政处罚 \d+ 件/);
  });

  it('says 未知（页面未载入） for sections a stopped read left unread, and saves them so: never 未列入, 否 or a green 0', async () => {
    const page = pageByName('repeat-2017');
    const window = inertWindow(pageUrl(page));
    windows.push(window);
    window.document.write(renderPage(page, { saved: false }));
    const doc = window.document as unknown as Document;
    const captcha: Sender = async () => ({ status: 200, body: '<html><body>请输入验证码</body></html>' });
    const { session, saved } = start(doc, 'gsxt-gov-cn', captcha);
    await session.start();
    expect(doc.querySelector('creditlens-overlay')?.getAttribute('data-state')).toBe('ready');
    expect(hook(doc, 'serious-status')).toBe('未知（页面未载入）');
    expect(hook(doc, 'abnormal-status')).toBe('未知（页面未载入）');
    expect(hook(doc, 'penalties-3y')).toBe('近三年行政处罚：未知（页面未载入）');
    expect(hook(doc, 'repeat-offender')).toBe('未知（页面未载入）');
    expect(hook(doc, 'completeness')).toBe('行政处罚 未载入 · 经营异常 未载入 · 严重违法 未载入');
    expect(hook(doc, 'read-stopped')).toBe('完整记录读取已停止：网站返回了验证码或登录页面，不再重试；请在网站上完成验证后刷新页面');
    expect(['tab-serious', 'tab-abnormal', 'tab-penalties'].map((id) => hook(doc, id))).toEqual(['未知', '未知', '未知']);
    expect(shadowOf(doc)?.textContent).not.toMatch(/未列入|否（/);
    // What is kept is as unknown as what was shown, and the badge says so.
    expect(saved).toHaveLength(1);
    const kept = saved[0]!;
    expect([kept.assessment.seriousList.status, kept.assessment.abnormalList.status, kept.assessment.repeatOffender.status]).toEqual([
      'UNKNOWN',
      'UNKNOWN',
      'UNKNOWN',
    ]);
    expect(badgeFor(kept, DEFAULT_SETTINGS)).toEqual({ text: '?', color: '#8c8c8c' });
  });

  it('adds nothing back when disposed while the complete read is still out', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    let answer: () => void = () => {};
    let asked = 0;
    const slow: Sender = async (path, form, signal) => {
      if (++asked === 1) await new Promise<void>((resolve) => (answer = resolve));
      return simSender(path, form, signal);
    };
    const { session } = start(doc, 'gsxt-gov-cn', slow);
    const started = session.start();
    await vi.waitFor(() => expect(asked).toBe(1));
    expect(doc.querySelector('creditlens-overlay')).not.toBeNull();
    session.dispose();
    answer();
    await started;
    expect(doc.querySelectorAll('creditlens-overlay, creditlens-chip').length).toBe(0);
  });

  it('does not let a complete read for the previous address settle the page navigated to', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    let answer: () => void = () => {};
    const paths: string[] = [];
    const gated: Sender = async (path, form, signal) => {
      paths.push(path);
      if (paths.length === 1) await new Promise<void>((resolve) => (answer = resolve));
      return simSender(path, form, signal);
    };
    const { session, saved } = start(doc, 'gsxt-gov-cn', gated);
    const first = session.start();
    await vi.waitFor(() => expect(paths).toHaveLength(1));
    // The page moves to another entity of the site while the first read is out (same rows here: what matters is
    // which read settles which address).
    doc.defaultView?.history.pushState({}, '', '/%7BANOTHER-ENTITY-1%7D');
    const second = session.navigated();
    answer();
    await Promise.all([first, second]);
    // The new address got its own complete read, and only the reading made for it was kept.
    expect(saved.map((s) => new URL(s.url).pathname)).toEqual(['/%7BANOTHER-ENTITY-1%7D']);
  });

  it("names the records behind each finding as staff know them, never by the reader's ids (P1, A1, S1)", async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    await start(doc, 'gsxt-gov-cn').session.start();
    const records = Array.from(shadowOf(doc)?.querySelectorAll('[data-testid=finding-records]') ?? [], (n) => n.textContent ?? '');
    expect(records.join('\n')).toContain(`严重违法失信名单（${ENTITIES.listed.record.seriousListings[0]?.listedDate} 列入）`);
    for (const line of records) expect(line).not.toMatch(/(^|[^A-Za-z0-9])[PAS]\d+($|[^0-9])/);
  });

  it('marks each rendered penalty row with its domain and heavy penalties with 较重', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    await start(doc, 'gsxt-gov-cn').session.start();
    const chips = Array.from(doc.querySelectorAll('creditlens-chip'));
    const decisions = new Set(ENTITIES.listed.record.penalties.map((p) => p.decisionNo));
    const rows = Array.from(doc.querySelectorAll('tr')).filter((tr) =>
      Array.from(tr.cells).some((td) => decisions.has(td.textContent?.trim() ?? '')),
    );
    expect(chips.length).toBe(rows.length);
    expect(chips.length).toBeGreaterThan(0);
    const heavy = chips.filter((c) => c.getAttribute('data-heavy') === 'true');
    expect(heavy).toHaveLength(1);
    expect(heavy[0]?.shadowRoot?.textContent).toContain('较重');
    expect(chips.every((c) => c.shadowRoot?.textContent !== '')).toBe(true);
    expect(hook(doc, 'serious-status')).toBe('已列入');
  });

  it('follows the page: rows replaced by another page of the table get chips, counts stay complete', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    await start(doc, 'gsxt-gov-cn').session.start();
    const before = hook(doc, 'penalties-3y');
    const row = Array.from(doc.querySelectorAll('creditlens-chip'))[0]?.closest('tr') as HTMLTableRowElement;
    const decision = ENTITIES.repeat.record.penalties[7]?.decisionNo ?? '';
    const cell = Array.from(row.cells).find((td) => td.querySelector('creditlens-chip')) as HTMLTableCellElement;
    cell.textContent = decision; // the page pages its table: the row now shows penalty 8
    await settle();
    expect(cell.querySelector('creditlens-chip')).not.toBeNull();
    expect(hook(doc, 'penalties-3y')).toBe(before);
  });

  it('shows entity names and cells as text: script payloads never become elements', async () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const notesUrls: string[] = [];
    const name = doc.querySelector('h1, .fullName, .entName');
    expect(name).not.toBeNull();
    (name as Element).textContent = payload;
    const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
      settings: DEFAULT_SETTINGS,
      now: () => NOW,
      sender: async () => null,
      saveSnapshot: async () => {},
      clearBadge: async () => {},
      unknownBadge: async () => {},
      notesUrl: (key, entityName) => (notesUrls.push(entityName), `chrome-extension://test/notes.html?key=${key}`),
    });
    sessions.push(session);
    await session.start();
    expect(shadowOf(doc)?.querySelectorAll('img, script').length).toBe(0);
    expect(doc.querySelectorAll('img[src=x]').length).toBe(0);
  });

  it('starts folded to its tab under 1600 px unless the user opened it on the site, the panel\u2019s hooks in its shadow root either way', async () => {
    const cases: Array<[number, PanelPlacement, boolean]> = [
      [1400, {}, true],
      [1920, {}, false],
      [1400, { collapsed: false }, false],
      [1920, { collapsed: true }, true],
    ];
    for (const [width, initial, folded] of cases) {
      const doc = pageOf('gsxt-gov-cn', 'listed-2026');
      windows.at(-1)?.happyDOM.setViewport({ width, height: 800 });
      const kept: PanelPlacement[] = [];
      const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
        settings: DEFAULT_SETTINGS,
        now: () => NOW,
        sender: async () => simSender,
        saveSnapshot: async () => {},
        clearBadge: async () => {},
        unknownBadge: async () => {},
        notesUrl: (key) => `chrome-extension://test/notes.html?key=${key}`,
        placement: { initial, save: (p) => void kept.push(p) },
      });
      sessions.push(session);
      await session.start();
      const what = `${width} ${JSON.stringify(initial)}`;
      expect(shadowOf(doc)?.querySelector('.overlay')?.classList.contains('collapsed'), what).toBe(folded);
      for (const id of ['serious-status', 'abnormal-status', 'penalties-3y', 'repeat-offender', 'completeness'])
        expect(hook(doc, id), `${what} ${id}`).not.toBeNull();
      expect(hook(doc, 'tab-serious'), what).toBe('已列入');
      // A click the page's own script makes is no user's choice: nothing changes, nothing is remembered.
      (shadowOf(doc)?.querySelector(folded ? '[data-testid=panel-tab]' : '[data-testid=collapse]') as HTMLButtonElement).click();
      expect(shadowOf(doc)?.querySelector('.overlay')?.classList.contains('collapsed'), what).toBe(folded);
      expect(kept).toEqual([]);
    }
  });

  it('opens the notes frame with a new one-time token each time, posted into the frame once loaded and never in its address', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const asked: string[] = [];
    let n = 0;
    const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
      settings: DEFAULT_SETTINGS,
      now: () => NOW,
      sender: async () => null,
      saveSnapshot: async () => {},
      clearBadge: async () => {},
      unknownBadge: async () => {},
      notesUrl: (key) => `chrome-extension://test/notes.html?key=${key}`,
      frameToken: async (purpose, key) => (asked.push(`${purpose} ${key}`), `${'t'.repeat(42)}${++n}`),
    });
    sessions.push(session);
    await session.start();
    const toggle = () => (shadowOf(doc)?.querySelector('[data-testid=notes-toggle]') as HTMLButtonElement).click();
    const frame = () => shadowOf(doc)?.querySelector('[data-testid=notes-frame]') as HTMLIFrameElement | null;
    /** What the overlay posts into the frame at its load event, and to which origin. */
    const postedAtLoad = () => {
      const posted: unknown[] = [];
      const target = { postMessage: (data: unknown, origin: string) => posted.push([data, origin]) };
      Object.defineProperty(frame(), 'contentWindow', { value: target, configurable: true });
      frame()?.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('load'));
      frame()?.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('load'));
      return posted;
    };
    toggle();
    await vi.waitFor(() => expect(frame()?.src).toMatch(/^chrome-extension:\/\/test\/notes\.html\?key=[^#]+$/));
    expect(postedAtLoad()).toEqual([[{ type: 'creditlens:frame-token', token: `${'t'.repeat(42)}1` }, 'chrome-extension://test']]);
    const key = new URL(frame()?.src ?? '').searchParams.get('key');
    toggle();
    expect(frame()).toBeNull();
    toggle();
    await vi.waitFor(() => expect(frame()).not.toBeNull());
    expect(postedAtLoad()).toEqual([[{ type: 'creditlens:frame-token', token: `${'t'.repeat(42)}2` }, 'chrome-extension://test']]);
    expect(asked).toEqual([`notes ${key}`, `notes ${key}`]);
  });

  it('asks for the side panel within the click, and opens the frame (with its token) only where that fails', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const calls: string[] = [];
    let sidePanel = true;
    const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
      settings: DEFAULT_SETTINGS,
      now: () => NOW,
      sender: async () => null,
      saveSnapshot: async () => {},
      clearBadge: async () => {},
      unknownBadge: async () => {},
      notesUrl: (key) => `chrome-extension://test/notes.html?key=${key}`,
      openSidePanel: () => (calls.push('side panel'), sidePanel ? Promise.resolve(true) : Promise.reject(new Error('no side panel'))),
      frameToken: async () => (calls.push('token'), 't'.repeat(43)),
    });
    sessions.push(session);
    await session.start();
    const toggle = () => (shadowOf(doc)?.querySelector('[data-testid=notes-toggle]') as HTMLButtonElement).click();
    const frame = () => shadowOf(doc)?.querySelector('[data-testid=notes-frame]');
    toggle();
    // Asked synchronously, inside the click: the browser opens a side panel only within its user gesture.
    expect(calls).toEqual(['side panel']);
    await settle();
    expect(frame()).toBeNull();
    expect(calls).toEqual(['side panel']);
    sidePanel = false;
    toggle();
    await vi.waitFor(() => expect(frame()).not.toBeNull());
    expect(calls).toEqual(['side panel', 'side panel', 'token']);
  });

  it('says in one line when an entity page is not understood, with no numbers, and the badge says "?"', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017', (html) =>
      html.replace(/<body[\s\S]*<\/body>/, '<body><div>一些内容，但是没有任何可识别的标签或代码。</div></body>'),
    );
    const { session, saved, badgeUnknown } = start(doc, 'gsxt-gov-cn');
    await session.start();
    expect(saved).toEqual([]);
    expect(badgeUnknown()).toBe(1);
    expect(doc.querySelector('creditlens-overlay')?.getAttribute('data-state')).toBe('not-understood');
    expect(hook(doc, 'not-understood')).toBe('页面结构已变化，无法可靠读取');
    expect(hook(doc, 'penalties-3y')).toBeNull();
    expect(shadowOf(doc)?.textContent).not.toMatch(/\d+ 件/);
  });

  it('removes the panel when the page stops being an entity page, and shows it again when it becomes one', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const saved = doc.body.innerHTML;
    const entityPath = doc.location.pathname;
    const { session, badgeCleared } = start(doc, 'gsxt-gov-cn', null);
    await session.start();
    expect(doc.querySelector('creditlens-overlay')).not.toBeNull();
    doc.body.innerHTML = '<div>一些内容，但是没有任何可识别的标签或代码。</div>';
    doc.defaultView?.history.pushState({}, '', '/corp-query-search-1.html');
    await session.navigated();
    expect(doc.querySelector('creditlens-overlay')).toBeNull();
    expect(badgeCleared()).toBe(1);
    doc.defaultView?.history.pushState({}, '', entityPath);
    doc.body.innerHTML = saved;
    await settle();
    expect(hook(doc, 'serious-status')).toBe('已列入');
  });

  it('starts the complete read with the first reading that works, even when the page was not understood at first', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const body = doc.body.innerHTML;
    doc.body.innerHTML = '<div>一些内容，但是没有任何可识别的标签或代码。</div>';
    const { session, saved } = start(doc, 'gsxt-gov-cn', null);
    await session.start();
    expect(doc.querySelector('creditlens-overlay')?.getAttribute('data-state')).toBe('not-understood');
    doc.body.innerHTML = body;
    await settle();
    expect(doc.querySelector('creditlens-overlay')?.getAttribute('data-state')).toBe('ready');
    expect(hook(doc, 'serious-status')).toBe('已列入');
    expect(saved).toHaveLength(1);
  });

  it('embeds the same-name legal representative check as an extension-origin frame, only when the person is known', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    const { session } = start(doc, 'gsxt-gov-cn', null);
    await session.start();
    // Added after the panel's first paint.
    await vi.waitFor(() => expect(shadowOf(doc)?.querySelector('[data-testid=links-frame]')).toBeTruthy());
    const frame = shadowOf(doc)?.querySelector('[data-testid=links-frame]');
    const rep = ENTITIES.repeat.record.entity.legalRepresentative!;
    expect(frame?.getAttribute('src')).toBe(
      `chrome-extension://test/links.html?${new URLSearchParams({ key: entityKey(ENTITIES.repeat.record.entity), rep })}`,
    );
    // The answer lives in that frame only: nothing of it is in the page's DOM.
    expect(shadowOf(doc)?.textContent).not.toContain('同名');
  });

  it('adds no panel to a search page, only the dismissible "不是主体详情页" hint, which 不再提示 takes away for good', async () => {
    const doc = pageOf('gsxt-gov-cn', 'search');
    const { session } = start(doc, 'gsxt-gov-cn');
    await session.start();
    expect(doc.querySelector('creditlens-overlay')).toBeNull();
    const hint = () =>
      doc.querySelector('creditlens-hint')?.shadowRoot?.querySelector<HTMLElement>('[data-testid=not-entity-hint]') ?? null;
    await vi.waitFor(() => expect(hint()?.textContent).toContain('这不是主体详情页'));
    (hint()?.querySelector('[data-testid=hint-dismiss]') as HTMLElement).click();
    expect(doc.querySelector('creditlens-hint')).toBeNull();
    // Remembered: a later search page (the same memory) shows none.
    session.dispose();
    const again = pageOf('gsxt-gov-cn', 'search');
    await start(again, 'gsxt-gov-cn', simSender, true).session.start();
    await settle();
    expect(again.querySelector('creditlens-hint')).toBeNull();
  });

  it('shows no hint on an entity page', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    await start(doc, 'gsxt-gov-cn', null).session.start();
    await settle();
    expect(doc.querySelector('creditlens-hint')).toBeNull();
  });

  it('stops reading on a captcha reply and says so, keeping what the page rendered', async () => {
    const doc = pageOf('gsxt-gov-cn', 'repeat-2017');
    const captcha: Sender = async () => ({ status: 200, body: '<html><body>请输入验证码</body></html>' });
    await start(doc, 'gsxt-gov-cn', captcha).session.start();
    expect(hook(doc, 'read-stopped')).toBe('完整记录读取已停止：网站返回了验证码或登录页面，不再重试；请在网站上完成验证后刷新页面');
    expect(hook(doc, 'tab-penalties')).toMatch(/^≥\d+件$/);
    expect(hook(doc, 'completeness')).toMatch(/^行政处罚 5\/23 · /);
    expect(hook(doc, 'penalties-3y')).toMatch(/^近三年行政处罚至少 \d+ 件/);
  });

  it('removes everything it added when disposed', async () => {
    const doc = pageOf('gsxt-gov-cn', 'listed-2026');
    const before = doc.documentElement.outerHTML;
    const { session } = start(doc, 'gsxt-gov-cn');
    await session.start();
    expect(doc.querySelectorAll('creditlens-overlay, creditlens-chip').length).toBeGreaterThan(1);
    session.dispose();
    expect(doc.querySelectorAll('creditlens-overlay, creditlens-chip').length).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a Credit China page (no section endpoints) and says the page states no totals', async () => {
    const doc = pageOf('creditchina-gov-cn', 'entity-detail');
    await start(doc, 'creditchina-gov-cn', null).session.start();
    expect(hook(doc, 'serious-status')).toBe('未列入');
    expect(hook(doc, 'completeness')).toMatch(/页面未显示总数/);
  });
});
