/**
 * `creditlens verify-evidence` on evidence ZIPs built by core's evidenceZip from a saved gsxt page and the JSON
 * replies of its complete read: intact → 0; a byte of the page, a record field, an extra file or a dropped reply → 1,
 * each named; garbage or a bad manifest → 2.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessRecord,
  evidenceZip,
  savedFromUrl,
  siteById,
  writeZip,
  type EvidenceManifest,
  type IsoDate,
  type JsonSection,
  type SiteAdapter,
} from '#core';
import { parseHtml } from './html.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';

const FIXTURES = fileURLToPath(new URL('../core/sites/fixtures/gsxt-gov-cn/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'creditlens-evidence-'));
const OBSERVED = '2026-12-07T06:30:15.000Z';
const sha256 = async (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t), err: (t) => (stderr += t), now: () => Date.parse(OBSERVED), errIsTerminal: false };
  return { code: await main(['verify-evidence', file], io), stdout, stderr };
}

let good: Uint8Array;
let manifest: EvidenceManifest;

/** The archive's files, changed by `edit`, written as a new ZIP (manifest included as it is unless edited). */
function rewritten(edit: (files: Record<string, Uint8Array>) => void, name: string): string {
  const files = unzipSync(good);
  edit(files);
  const file = join(tmp, name);
  writeFileSync(file, writeZip(Object.entries(files).map(([entry, data]) => ({ name: entry, data }))));
  return file;
}

const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);
const bytes = (value: string) => new TextEncoder().encode(value);

const GSXT = siteById('gsxt-gov-cn').completeRead as NonNullable<SiteAdapter['completeRead']>;

beforeAll(async () => {
  const html = readFileSync(join(FIXTURES, 'repeat-2017.html'), 'utf8');
  const url = savedFromUrl(html) as URL;
  const dom = await parseHtml(html, url, OBSERVED);
  if (!dom.ok) throw new Error('fixture not understood');
  const sections: JsonSection[] = [];
  for (const [kind, names] of [
    ['penalties', [1, 2, 3, 4, 5].map((n) => `repeat-punishment-p${n}.json`)],
    ['abnormal', ['repeat-abnormal-p1.json']],
    ['serious', ['repeat-serious-p1.json']],
  ] as const) {
    const pages = names
      .map((name) => GSXT.readReply(readFileSync(join(FIXTURES, 'json', name), 'utf8')))
      .map((r) => (r.kind === 'page' ? r.page : null));
    sections.push({ kind, pages: pages.filter((p) => p !== null) });
  }
  const result = GSXT.merge(dom, sections);
  if (!result.ok || !result.reader) throw new Error('fixture not understood with its replies');
  // The replies matter: without them the page alone gives fewer penalties (what the verifier must notice when one is dropped).
  expect(result.record.penalties.length).toBeGreaterThan(dom.record.penalties.length);
  const assessment = assessRecord(result.record, { asOf: '2026-12-07' as IsoDate });
  const built = await evidenceZip(
    {
      html,
      mhtml: { state: 'not-granted' },
      record: result.record,
      assessment,
      sections,
      url: url.href,
      observedAt: OBSERVED,
      reader: result.reader,
      extensionVersion: '0.1.0',
    },
    sha256,
  );
  good = built.zip;
  manifest = built.manifest;
});

describe('creditlens verify-evidence', () => {
  it('accepts an intact evidence file: every hash matches and the re-read equals record.json', async () => {
    const file = join(tmp, 'good.zip');
    writeFileSync(file, good);
    const { code, stdout, stderr } = await run(file);
    expect(stderr).toBe('');
    expect(stdout).toContain('evidence verified');
    expect(code).toBe(0);
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['page.html', 'record.json', 'assessment.json', 'sections/penalties-5.json']),
    );
  });

  it('names page.html when one byte of it changed', async () => {
    const file = rewritten((files) => {
      const page = files['page.html'] as Uint8Array;
      const at = text(page).indexOf('行政处罚');
      files['page.html'] = bytes(text(page).slice(0, at) + '行政处粉' + text(page).slice(at + 4));
    }, 'page-byte.zip');
    const { code, stdout } = await run(file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/page\.html: SHA-256/);
    expect(stdout).not.toMatch(/record\.json: SHA-256/);
  });

  it('names the field when record.json was edited, even with its hash in the manifest updated to match', async () => {
    const edit = (files: Record<string, Uint8Array>, rehash: boolean) => {
      const record = JSON.parse(text(files['record.json'])) as { penalties: Array<{ decisionNo: string }> };
      (record.penalties[2] as { decisionNo: string }).decisionNo = '伪造〔2020〕1号';
      files['record.json'] = bytes(JSON.stringify(record, null, 2));
      if (!rehash) return;
      const hash = createHash('sha256').update(files['record.json']).digest('hex');
      const m = {
        ...manifest,
        files: manifest.files.map((f) =>
          f.name === 'record.json' ? { ...f, sha256: hash, bytes: files['record.json']?.byteLength ?? 0 } : f,
        ),
      };
      files['manifest.json'] = bytes(JSON.stringify(m));
    };
    const plain = await run(rewritten((files) => edit(files, false), 'record-edit.zip'));
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/record\.json: SHA-256/);
    expect(plain.stdout).toMatch(/record\.json: penalties\[2\]\.decisionNo/);
    const rehashed = await run(rewritten((files) => edit(files, true), 'record-edit-rehashed.zip'));
    expect(rehashed.code).toBe(1);
    expect(rehashed.stdout).not.toMatch(/SHA-256/);
    expect(rehashed.stdout).toMatch(/record\.json: penalties\[2\]\.decisionNo/);
  });

  it('names a file the manifest does not list, and a reply dropped from archive and manifest alike', async () => {
    const extra = await run(rewritten((files) => void (files['notes.txt'] = bytes('加上的')), 'extra.zip'));
    expect(extra.code).toBe(1);
    expect(extra.stdout).toMatch(/notes\.txt: 清单未列出/);
    const dropped = await run(
      rewritten((files) => {
        delete files['sections/penalties-5.json'];
        files['manifest.json'] = bytes(
          JSON.stringify({ ...manifest, files: manifest.files.filter((f) => f.name !== 'sections/penalties-5.json') }),
        );
      }, 'dropped.zip'),
    );
    expect(dropped.code).toBe(1);
    expect(dropped.stdout).toMatch(/record\.json: penalties\[\d+\]/);
  });

  it('refuses what is no evidence file with exit 2: garbage, a zip without a manifest, a manifest that does not parse', async () => {
    const garbage = join(tmp, 'garbage.zip');
    writeFileSync(garbage, 'this is not a zip at all');
    const bad = await run(garbage);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a readable zip/);
    expect((await run(rewritten((files) => void delete files['manifest.json'], 'no-manifest.zip'))).code).toBe(2);
    const wrong = await run(
      rewritten((files) => void (files['manifest.json'] = bytes(JSON.stringify({ ...manifest, format: 'other' }))), 'bad-manifest.zip'),
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/manifest\.json: format/);
  });
});

describe('creditlens verify-evidence with the site rules the page was read with', () => {
  // repeat-2017 as if the site had renamed 决定书文号, read with the team's alias for it.
  const RULES = { version: 4, site: { layouts: { '*': { columnAliases: { 处罚文书编号: '决定书文号' } } } } };
  const RULES_FILE = { format: 'creditlens-site-rules' as const, version: 4, sites: { 'gsxt-gov-cn': RULES.site } };
  let aliased: Uint8Array;
  let aliasedManifest: EvidenceManifest;

  beforeAll(async () => {
    const html = readFileSync(join(FIXTURES, 'repeat-2017.html'), 'utf8').split('>决定书文号<').join('>处罚文书编号<');
    const url = savedFromUrl(html) as URL;
    const read = await parseHtml(html, url, OBSERVED, undefined, RULES_FILE);
    if (!read.ok || !read.reader) throw new Error('renamed fixture not understood with the alias');
    expect(read.record.penalties.every((p) => p.decisionNo !== '')).toBe(true);
    // Without the alias the renamed table is unknown (the reader's doubt): the rules are what make record.json.
    const without = await parseHtml(html, url, OBSERVED);
    expect(without.ok && without.completeness.penalties.total).toBeNull();
    const built = await evidenceZip(
      {
        html,
        mhtml: { state: 'not-granted' },
        record: read.record,
        assessment: assessRecord(read.record, { asOf: '2026-12-07' as IsoDate }),
        sections: [],
        url: url.href,
        observedAt: OBSERVED,
        reader: read.reader,
        extensionVersion: '0.1.0',
        rules: RULES,
      },
      sha256,
    );
    aliased = built.zip;
    aliasedManifest = built.manifest;
  });

  const write = (edit: (files: Record<string, Uint8Array>) => void, name: string) => {
    const files = unzipSync(aliased);
    edit(files);
    const file = join(tmp, name);
    writeFileSync(file, writeZip(Object.entries(files).map(([entry, data]) => ({ name: entry, data }))));
    return file;
  };

  it('re-reads the page with them and accepts it; the manifest names their version', async () => {
    expect(aliasedManifest.rulesVersion).toBe(4);
    const { code, stdout } = await run(write(() => {}, 'aliased.zip'));
    expect(stdout).toContain('evidence verified');
    expect(code).toBe(0);
  });

  it('names site-rules.json when it is gone (from archive and manifest alike) or is of another version', async () => {
    const gone = await run(
      write((files) => {
        delete files['site-rules.json'];
        files['manifest.json'] = bytes(
          JSON.stringify({ ...aliasedManifest, files: aliasedManifest.files.filter((f) => f.name !== 'site-rules.json') }),
        );
      }, 'rules-gone.zip'),
    );
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(/site-rules\.json: 缺失/);
    const other = await run(
      write((files) => {
        files['site-rules.json'] = bytes(JSON.stringify({ ...RULES_FILE, version: 5 }));
        const hash = createHash('sha256').update(files['site-rules.json']).digest('hex');
        const m = {
          ...aliasedManifest,
          files: aliasedManifest.files.map((f) =>
            f.name === 'site-rules.json' ? { ...f, sha256: hash, bytes: files['site-rules.json']?.byteLength ?? 0 } : f,
          ),
        };
        files['manifest.json'] = bytes(JSON.stringify(m));
      }, 'rules-other.zip'),
    );
    expect(other.code).toBe(1);
    expect(other.stdout).toMatch(/site-rules\.json: 版本与清单不符/);
  });
});
