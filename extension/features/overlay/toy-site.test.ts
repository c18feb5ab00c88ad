/**
 * A third site needs only its adapter (with fixtures) and a content-script entry: the overlay reads, completes and
 * paints a toy site's page through the adapter's capabilities alone, and no code outside the adapters and the
 * content-script entries names a site.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SITE_IDS,
  type CompleteRead,
  type EntityRecord,
  type JsonSection,
  type ParseResult,
  type SiteAdapter,
} from '#core/page';
import type { Sender } from './sections.ts';
import { OverlaySession } from './session.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOW = Date.parse('2026-11-30T04:00:00Z');

/** The toy site's page: a name, a code, and a count of penalties whose rows come from one JSON endpoint. */
const PAGE = `<html><body><h1>示例玩具有限公司</h1><p>统一社会信用代码：91330100MA2B3C4D5N</p><p>处罚 共 2 条</p>
  <script>var penaltyListUrl = "/toy/penalties";</script></body></html>`;

function record(penalties: EntityRecord['penalties'], url: string, observedAt: string): EntityRecord {
  return {
    entity: { name: '示例玩具有限公司', uscc: '91330100MA2B3C4D5N' },
    penalties,
    abnormalListings: [],
    seriousListings: [],
    completeness: {
      penalties: { read: penalties.length, total: 2, from: 'dom' },
      abnormal: { read: 0, total: 0, from: 'dom' },
      serious: { read: 0, total: 0, from: 'dom' },
    },
    source: { url, site: 'toy', observedAt },
  } as EntityRecord;
}

const penalty = (n: number) => ({
  id: `P${n}`,
  decisionNo: `玩罚〔2026〕${n}号`,
  decisionDate: '2026-01-0' + n,
  authority: '示例市市场监督管理局',
  content: '罚款',
});

const completeRead: CompleteRead = {
  targets: (scripts) => (scripts.includes('/toy/penalties') ? [{ kind: 'penalties', url: '/toy/penalties' }] : []),
  form: (draw, start, length) => new URLSearchParams({ draw: String(draw), start: String(start), length: String(length) }),
  readReply: (body) => ({ kind: 'page', page: JSON.parse(body), section: 'penalties' }),
  merge: (dom, sections: readonly JsonSection[]): ParseResult => {
    const rows = sections.flatMap((s) => s.pages.flatMap((p) => p.data)).map((_, i) => penalty(i + 1));
    const merged = record(rows, dom.record.source?.url ?? '', dom.record.source?.observedAt ?? '');
    merged.completeness = { ...dom.completeness, penalties: { read: rows.length, total: 2, from: 'json' } };
    return { ok: true, record: merged, completeness: merged.completeness as never };
  },
};

const toy = {
  id: 'toy',
  readerVersion: '1.0.0',
  title: { zh: '玩具站', en: 'Toy site' },
  matchPatterns: ['*://toy.example/*'],
  matches: (url: URL) => url.hostname === 'toy.example',
  pageKind: () => 'entity',
  completeRead,
  parse: (_root: ParentNode, url: URL, observedAt: string): ParseResult => {
    const r = record([], url.href, observedAt);
    return { ok: true, record: r, completeness: r.completeness as never };
  },
} as unknown as SiteAdapter;

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

describe('a third site', () => {
  it('is read, completed through its own endpoint and painted by the overlay without any change to it', async () => {
    const window = new Window({ url: 'https://toy.example/entity/1', settings: { disableJavaScriptEvaluation: true } });
    windows.push(window);
    window.document.write(PAGE);
    const doc = window.document as unknown as Document;
    const asked: string[] = [];
    const sender: Sender = async (path) => {
      asked.push(path);
      return { status: 200, body: JSON.stringify({ recordsTotal: 2, data: [{}, {}] }) };
    };
    const saved: EntityRecord[] = [];
    const session = new OverlaySession(doc, toy, {
      settings: DEFAULT_SETTINGS,
      now: () => NOW,
      sender: async () => sender,
      notesUrl: () => 'chrome-extension://test/notes.html',
      saveSnapshot: async (seen) => void saved.push(seen.record),
      clearBadge: async () => {},
      unknownBadge: async () => {},
    });
    await session.start();
    const shadow = doc.querySelector('creditlens-overlay')?.shadowRoot;
    expect(shadow?.querySelector('[data-testid=completeness]')?.textContent).toMatch(/^行政处罚 2\/2 · /);
    expect(asked).toEqual(['/toy/penalties']);
    expect(saved.at(-1)?.penalties.map((p) => p.decisionNo)).toEqual(['玩罚〔2026〕1号', '玩罚〔2026〕2号']);
    session.dispose();
  });

  it('is named nowhere outside core/sites and the content-script entries', () => {
    const names = new RegExp(SITE_IDS.map((id) => id.replace(/-/g, '\\-')).join('|'));
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$|\.content\.ts$/.test(name) && names.test(readFileSync(path, 'utf8'))) {
          offenders.push(path.slice(ROOT.length));
        }
      }
    };
    for (const part of ['extension', 'cli', 'sync-server']) walk(join(ROOT, part));
    expect(offenders).toEqual([]);
  });
});
