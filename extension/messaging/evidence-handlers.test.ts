/**
 * 保存取证 from the overlay to the ZIP, without a browser: the overlay session reads the simulated site's repeat
 * offender (23 penalties, the complete read through its real JSON endpoints), the tab's evidence reading takes what
 * the overlay used (the page and the kept complete read), the background's handlers build the ZIP
 * with private notes, a team record with notes and a configured token beside it; nothing private is in any file,
 * `creditlens verify-evidence` accepts it, and it is indexed for the entity. Who may ask: only a content script for its
 * own tab, the popup for a tab whose overlay answers; a page's script clicking the button starts nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, EvidenceManifest, addTeamNote, ensureTeamEntity, entityKey, savedFromUrl, siteById } from '#core';
import { inertWindow } from '../../cli/html.ts';
import { main as cli } from '../../cli/main.ts';
import { startSimSite, type SimSite } from '../../test/sim-site/server.ts';
import { testTeam } from '../../test/support/extension/test-team.ts';
import { FIXTURE_DIR } from '../../test/support/fixtures.ts';
import { storageCache } from '../features/overlay/session-cache.ts';
import { evidenceReading } from '../features/overlay/evidence-reading.ts';
import { OverlaySession } from '../features/overlay/session.ts';
import { CreditLensDb } from '../storage/db.ts';
import { saveNote } from '../storage/repository.ts';
import type { EvidenceEnv } from './evidence-handlers.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';

const NOW = Date.parse('2026-11-30T04:00:00Z');
const PRIVATE_NOTE = '私密笔记：线人王某提供，勿外传 Q7ZK';
const TEAM_NOTE = '团队内部研判：拟立案 X4PV';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbGljZSJ9.SECRET-TOKEN-M3NB';
const MHTML = 'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.gsxt.gov.cn/\r\n\r\nMHTML-BODY-9F2A';

let sim: SimSite;
beforeAll(async () => (sim = await startSimSite({ port: 0 })));
afterAll(() => sim.close());
const windows: Window[] = [];
afterEach(async () => void (await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()))));

/** The repeat offender's page as the browser shows it, the overlay read to the end (its JSON endpoints on the simulated site). */
async function overlayOnRepeatOffender(saveEvidence?: () => void) {
  const html = readFileSync(`${FIXTURE_DIR}gsxt-gov-cn/repeat-2017.html`, 'utf8');
  const window = inertWindow((savedFromUrl(html) as URL).href);
  windows.push(window);
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const session = new OverlaySession(doc, siteById('gsxt-gov-cn'), {
    settings: DEFAULT_SETTINGS,
    now: () => NOW,
    sender: async () => async (path, form, signal) => {
      const reply = await fetch(`${sim.origin}${path}`, { method: 'POST', body: form, signal });
      return { status: reply.status, body: await reply.text() };
    },
    notesUrl: (key) => `chrome-extension://test/notes.html?key=${key}`,
    // Where the extension keeps the complete read (start.ts): what the evidence reading takes it from.
    cache: storageCache(window.sessionStorage as unknown as Storage),
    saveSnapshot: async () => {},
    clearBadge: async () => {},
    unknownBadge: async () => {},
    ...(saveEvidence ? { saveEvidence: async () => (saveEvidence(), { fileName: 'x.zip', mhtml: 'included' as const }) } : {}),
  });
  await session.start();
  // What the tab's overlay answers (features/overlay/evidence-answer.ts).
  const reading = () => evidenceReading(doc, NOW, window.sessionStorage as unknown as Storage);
  return { doc, session, reading };
}

function background(mhtml: Awaited<ReturnType<EvidenceEnv['mhtml']>>, collect: () => unknown = () => null) {
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const team = testTeam({ user: 'zhang.wei' });
  const downloads: Array<{ zip: Uint8Array; fileName: string }> = [];
  const env: EvidenceEnv = {
    extensionVersion: '0.1.0',
    mhtml: async () => mhtml,
    collect: async () => collect(),
    ruleSettings: async () => DEFAULT_SETTINGS,
    download: async (zip, fileName) => downloads.push({ zip, fileName }) + 100,
    show: async () => true,
    sha256: async (data) => createHash('sha256').update(data).digest('hex'),
  };
  const handle = router(
    handlersFor(db, { now: () => new Date(NOW).toISOString(), setBadge: async () => {}, afterSave: async () => {}, evidence: env }, team),
  );
  return { db, team, downloads, handle };
}

const FROM_OVERLAY = { tabId: 7, frameId: 0, extensionPage: false };

/** `creditlens verify-evidence` on a ZIP the background downloaded: its exit code and what it printed. */
async function verify(zip: Uint8Array): Promise<{ code: number; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'creditlens-evidence-'));
  writeFileSync(join(dir, 'e.zip'), zip);
  let out = '';
  const code = await cli(['verify-evidence', join(dir, 'e.zip')], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    now: () => NOW,
    errIsTerminal: false,
  });
  return { code, out };
}

describe('evidence from the overlay', () => {
  it('holds the page, the MHTML, the reading and its JSON replies, nothing private; verify-evidence accepts it; it is indexed', async () => {
    const { reading } = await overlayOnRepeatOffender();
    const payload = reading();
    expect(payload?.record.penalties).toHaveLength(23);
    const { db, team, downloads, handle } = background({ state: 'included', bytes: new TextEncoder().encode(MHTML) }, reading);
    const key = entityKey(payload?.record.entity ?? { name: '' });
    await team.configure({ server: 'wss://team.example.invalid', token: TOKEN });
    team.set({ state: 'connected' });
    await saveNote(db, {
      id: 'n1',
      entityKey: key,
      text: PRIVATE_NOTE,
      tags: ['线索'],
      createdAt: '2026-11-01T00:00:00.000Z',
      editedAt: '2026-11-01T00:00:00.000Z',
    });
    ensureTeamEntity(team.doc, payload?.record.entity ?? { name: '' }, { by: 'li', at: '2026-11-01T00:00:00.000Z' });
    addTeamNote(team.doc, key, { id: 't1', text: TEAM_NOTE }, { by: 'li', at: '2026-11-01T00:00:00.000Z' });

    const answer = await handle({ type: 'evidence:save' }, FROM_OVERLAY);
    expect(answer).toMatchObject({ ok: true, mhtml: 'included' });
    const [download] = downloads;
    expect(download?.fileName).toMatch(/^取证-.+-20261130-120000\.zip$/);
    const files = unzipSync(download?.zip ?? new Uint8Array());
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['page.html', 'page.mhtml', 'record.json', 'assessment.json', 'manifest.json', 'sections/penalties-1.json']),
    );
    const manifest = EvidenceManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    expect(manifest).toMatchObject({
      officer: 'zhang.wei',
      mhtml: 'included',
      observedAt: '2026-11-30T04:00:00.000Z',
      observedAtBeijing: '2026-11-30 12:00:00',
    });
    for (const [name, data] of Object.entries(files)) {
      const text = new TextDecoder().decode(data);
      for (const secret of [PRIVATE_NOTE, TEAM_NOTE, TOKEN, 'SECRET-TOKEN', 'team.example.invalid', 'Q7ZK', 'X4PV'])
        expect(text, `${name} holds ${secret}`).not.toContain(secret);
      // Nothing of the overlay itself: the page as a visitor's browser would save it.
      expect(text, name).not.toMatch(/creditlens-(overlay|chip|hint)/);
    }
    const { out, code } = await verify(download?.zip ?? new Uint8Array());
    expect(out).toContain('evidence verified');
    expect(code).toBe(0);
    expect(await handle({ type: 'evidence:list', entityKey: key })).toMatchObject({
      ok: true,
      entries: [{ fileName: download?.fileName, downloadId: 101, mhtml: 'included' }],
    });
    expect(await handle({ type: 'evidence:show', downloadId: 101 })).toEqual({ ok: true, shown: true });
    // Only files of the index: another download of the browser is not shown on a page's word.
    expect(await handle({ type: 'evidence:show', downloadId: 5 })).toEqual({ ok: true, shown: false });
  });

  it('says so in the manifest when page capture is not allowed, and names no officer without a team connection', async () => {
    const { reading } = await overlayOnRepeatOffender();
    const { downloads, handle, team } = background({ state: 'not-granted' }, reading);
    team.set({ state: 'offline' });
    expect(await handle({ type: 'evidence:save' }, FROM_OVERLAY)).toMatchObject({ ok: true, mhtml: 'not-granted' });
    const files = unzipSync(downloads[0]?.zip ?? new Uint8Array());
    expect(files['page.mhtml']).toBeUndefined();
    const manifest = EvidenceManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])));
    expect(manifest.mhtml).toBe('not-granted');
    expect(manifest.officer).toBeUndefined();
  });
});

describe('evidence read with the team\u2019s site rules', () => {
  it('is read as the overlay reads (a renamed column through its alias), holds the rules, and verify-evidence re-reads with them', async () => {
    const html = readFileSync(`${FIXTURE_DIR}gsxt-gov-cn/repeat-2017.html`, 'utf8').split('>决定书文号<').join('>处罚文书编号<');
    const window = inertWindow((savedFromUrl(html) as URL).href);
    windows.push(window);
    window.document.write(html);
    const doc = window.document as unknown as Document;
    const rules = { version: 6, site: { layouts: { '*': { columnAliases: { 处罚文书编号: '决定书文号' } } } } };
    const storage = window.sessionStorage as unknown as Storage;
    expect(evidenceReading(doc, NOW, storage)?.record.penalties).toEqual([]);
    const reading = () => evidenceReading(doc, NOW, storage, rules);
    expect(reading()?.record.penalties.length).toBeGreaterThan(0);
    const { downloads, handle } = background({ state: 'not-granted' }, reading);
    expect(await handle({ type: 'evidence:save' }, FROM_OVERLAY)).toMatchObject({ ok: true });
    const zip = downloads[0]?.zip ?? new Uint8Array();
    const files = unzipSync(zip);
    expect(JSON.parse(new TextDecoder().decode(files['site-rules.json']))).toEqual({
      format: 'creditlens-site-rules',
      version: 6,
      sites: { 'gsxt-gov-cn': rules.site },
    });
    expect(EvidenceManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json']))).rulesVersion).toBe(6);
    const { out, code } = await verify(zip);
    expect(out).toContain('evidence verified');
    expect(code).toBe(0);
  });
});

describe('who may ask for evidence', () => {
  it('a content script only for its own tab\u2019s top frame; a frame page not at all; the popup for a tab whose overlay answers', async () => {
    const { reading } = await overlayOnRepeatOffender();
    const { handle, downloads } = background({ state: 'unsupported' }, reading);
    expect(await handle({ type: 'evidence:save' }, { tabId: 7, frameId: 3, extensionPage: false })).toMatchObject({ ok: false });
    expect(await handle({ type: 'evidence:save' }, { extensionPage: true })).toMatchObject({ ok: false });
    const frame = { purpose: 'notes' as const, url: 'chrome-extension://x/notes.html', grant: null };
    expect(await handle({ type: 'evidence:tab', tabId: 7 }, { tabId: 7, extensionPage: true, frame })).toMatchObject({
      ok: false,
      key: 'error_frame_refused',
    });
    expect(await handle({ type: 'evidence:tab', tabId: 7 }, { extensionPage: false, tabId: 7, frameId: 0 })).toMatchObject({
      ok: false,
      key: 'error_refused',
    });
    expect(downloads).toHaveLength(0);
    expect(await handle({ type: 'evidence:tab', tabId: 7 })).toMatchObject({ ok: true, mhtml: 'unsupported' });
    expect(downloads).toHaveLength(1);
    const empty = background({ state: 'unsupported' });
    expect(await empty.handle({ type: 'evidence:tab', tabId: 7 })).toMatchObject({ ok: false, key: 'evidence_no_page' });
  });

  it('the overlay\u2019s button answers a person\u2019s click only: a page script\u2019s click() saves nothing', async () => {
    let saves = 0;
    const { doc } = await overlayOnRepeatOffender(() => saves++);
    const button = doc.querySelector('creditlens-overlay')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid=evidence-save]');
    expect(button?.textContent).toBe('保存取证');
    button?.click();
    button?.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saves).toBe(0);
  });
});
