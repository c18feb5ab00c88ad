/**
 * Every page with a truth file (core/sites/fixtures/<site>/{real,layouts}/<name>.truth.json) read the way the
 * command line reads it (parseSavedPage, assessRecord as of 2026-11-30) and held to three honesty properties:
 * (a) never a wrong name or code, (b) never an unknown section stated as none, (c) never a banner contradicted.
 * Entity pages are read a second time without any URL (no saved-from line, no --url): the page decides.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessRecord, siteById, type Assessment, type EntityRecord, type ParseResult, type SectionKind, type SiteAdapter } from '#core';
import { CreditChinaReply, creditChinaItems } from '#core/sites/creditchina-json';
import { parseSavedPage } from '../cli/html.ts';

const FIXTURES = fileURLToPath(new URL('../core/sites/fixtures/', import.meta.url));
const AS_OF = '2026-11-30';
const SECTIONS: readonly SectionKind[] = ['penalties', 'abnormal', 'serious'];

interface SectionTruth {
  state: 'complete' | 'partial' | 'unknown';
  read: number;
  total: number | null;
}
interface Truth {
  source: string;
  layout: string;
  url: string | null;
  pageKind: 'entity' | 'search' | 'other';
  entity?: { name: string; uscc?: string; regNo?: string };
  kind: 'enterprise' | 'individual' | 'cooperative' | 'unknown';
  sections?: Record<SectionKind, SectionTruth>;
  listed: { abnormal: boolean | null; serious: boolean | null };
  banners: string[];
}

interface Case {
  name: string;
  dir: string;
  base: string;
  truth: Truth;
}

function cases(): Case[] {
  const found: Case[] = [];
  for (const site of readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const group of ['real', 'layouts']) {
      const dir = join(FIXTURES, site.name, group);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.truth.json'))
        .sort()) {
        const base = file.replace(/\.truth\.json$/, '');
        found.push({ name: `${site.name}/${group}/${base}`, dir, base, truth: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Truth });
      }
    }
  }
  return found;
}

/** The failed properties of one reading, each as "(x) what went wrong"; empty when the page was read honestly. */
function check(truth: Truth, result: ParseResult, withUrl: boolean): string[] {
  const failed: string[] = [];
  if (truth.pageKind !== 'entity') {
    if (result.ok) failed.push(`(a) a ${truth.pageKind} page was read as the entity "${result.record.entity.name}"`);
    else if (truth.pageKind === 'search' && withUrl && result.reason !== 'unsupported-page')
      failed.push(`(a) search page reported ${result.reason}, not unsupported-page`);
    return failed;
  }
  if (!result.ok) return [`(a) entity page not read: ${result.reason}: ${result.detail}`];
  const { entity } = result.record;
  const want = truth.entity ?? { name: '' };
  if (entity.name !== want.name) failed.push(`(a) name "${entity.name}", truth "${want.name}"`);
  if (entity.uscc !== want.uscc) failed.push(`(a) uscc ${entity.uscc}, truth ${want.uscc}`);
  if (entity.regNo !== want.regNo) failed.push(`(a) regNo ${entity.regNo}, truth ${want.regNo}`);
  failed.push(...checkAssessment(truth, result.record, assessRecord(result.record as EntityRecord, { asOf: AS_OF })));
  return failed;
}

function checkAssessment(truth: Truth, record: EntityRecord, a: Assessment): string[] {
  const failed: string[] = [];
  for (const s of SECTIONS) {
    const want = truth.sections?.[s];
    const got = a.coverage[s];
    if (!want) continue;
    if (want.state !== 'complete' && got.state === 'complete')
      failed.push(`(b) ${s} stated complete (${got.read}/${got.total}), truth ${want.state}`);
    if (got.state !== want.state || got.read !== want.read || got.total !== want.total) {
      failed.push(`(b) ${s} read ${got.read}/${got.total} (${got.state}), truth ${want.read}/${want.total} (${want.state})`);
    }
  }
  const { abnormal, serious } = truth.listed;
  if (abnormal === null && a.abnormalList.status === 'NONE') failed.push('(b) abnormal list said NONE, truth unknown');
  if (serious === null && a.seriousList.status === 'NOT_LISTED') failed.push('(b) serious list said NOT_LISTED, truth unknown');
  if (abnormal === true && (a.abnormalList.status === 'NONE' || a.abnormalList.status === 'UNKNOWN'))
    failed.push(`(c) abnormal list ${a.abnormalList.status}, truth listed`);
  if (serious === true && a.seriousList.status !== 'LISTED') failed.push(`(c) serious list ${a.seriousList.status}, truth listed`);
  if (abnormal === false && a.abnormalList.status !== 'NONE') failed.push(`(c) abnormal list ${a.abnormalList.status}, truth not listed`);
  if (serious === false && a.seriousList.status !== 'NOT_LISTED') failed.push(`(c) serious list ${a.seriousList.status}, truth not listed`);
  // One sentence can name both lists (…经营异常名录和黑名单): two banners, one text.
  const banners = [...new Set((record.banners ?? []).map((b) => b.text))];
  if (JSON.stringify(banners) !== JSON.stringify(truth.banners))
    failed.push(`(c) banners ${JSON.stringify(banners)}, truth ${JSON.stringify(truth.banners)}`);
  if (truth.kind !== 'unknown' && a.entityKind !== truth.kind.toUpperCase()) failed.push(`(kind) ${a.entityKind}, truth ${truth.kind}`);
  return failed;
}

/**
 * A JSON reply through core's readers: a Credit China category reply (creditChinaItems) or a gsxt section page
 * (readJsonReply). Neither names the entity; what can be checked is the rows read and that no other reply is
 * taken for records. null: core has no reader for this reply (the reason says which).
 */
function checkJson(truth: Truth, body: string): string[] | { skip: string } {
  const url = truth.url ? new URL(truth.url) : null;
  const json: unknown = JSON.parse(body);
  if (url && /creditchina/.test(url.hostname)) {
    const reply = CreditChinaReply.safeParse(json);
    const category = url.searchParams.get('type');
    if (truth.pageKind !== 'entity')
      return reply.success && reply.data.data.list?.length ? [`(a) a ${truth.pageKind} reply gave record rows`] : [];
    if (!category) return { skip: 'Credit China entity-detail JSON: core reads record rows from category replies (typeSourceSearch) only' };
    if (!reply.success) return ['(a) category reply not read'];
    const items = creditChinaItems(category, reply.data.data.list ?? []);
    const read = { penalties: items.penalties.length, abnormal: items.abnormal.length, serious: items.serious.length };
    return SECTIONS.filter((s) => truth.sections?.[s].state !== 'unknown' && read[s] !== truth.sections?.[s].read).map(
      (s) => `(b) ${s} rows ${read[s]}, truth ${truth.sections?.[s].read}`,
    );
  }
  const reply = (siteById('gsxt-gov-cn').completeRead as NonNullable<SiteAdapter['completeRead']>).readReply(body);
  if (reply.kind !== 'page') return truth.pageKind === 'entity' ? [`(a) gsxt reply not read: ${reply.detail}`] : [];
  return { skip: `gsxt section JSON (${reply.section ?? 'no section'}): checked by gsxt-json.test.ts` };
}

const dir = mkdtempSync(join(tmpdir(), 'creditlens-real-'));
const all = cases();

describe('real and layout pages: honest verdicts', () => {
  it('finds the truth files', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const html = join(c.dir, `${c.base}.html`);
    const json = join(c.dir, `${c.base}.json`);
    let failed: string[];
    if (existsSync(html)) {
      const read = await parseSavedPage(html, c.truth.url ?? undefined);
      failed = check(c.truth, read.result, c.truth.url !== null);
      if (c.truth.url !== null && c.truth.pageKind === 'entity') {
        // The same page without any URL (folder mode, a page saved without its saved-from line).
        const bare = join(dir, `${name.replace(/\//g, '_')}.html`);
        writeFileSync(bare, readFileSync(html, 'utf8').replace(/^\s*<!--\s*saved from url=[^>]*-->/i, ''));
        failed.push(...check(c.truth, (await parseSavedPage(bare)).result, false).map((f) => `${f} [no URL]`));
      }
    } else if (existsSync(json)) {
      const out = checkJson(c.truth, readFileSync(json, 'utf8'));
      if (!Array.isArray(out)) {
        console.info(`${name}: skipped: ${out.skip}`);
        return;
      }
      failed = out;
    } else failed = ['no page next to the truth file'];
    if (failed.length) console.info(`${name}:\n  ${failed.join('\n  ')}`);
    expect(failed).toEqual([]);
  });
});
