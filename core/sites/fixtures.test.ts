/**
 * Every saved page under fixtures/<site>/ is parsed by its site's adapter and must give exactly its committed
 * baseline (<name>.expected.json); the registry lists every adapter file, and every adapter has fixtures.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { OBSERVED_AT, fixturePages } from '../../test/support/fixtures.ts';
import { SITES, siteFor } from './index.ts';
import { ParseResult } from './site.ts';

afterAll(closeAll);

const pages = fixturePages();

describe('site registry', () => {
  const adapterFiles = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
    .filter((f) => /-(gov-cn|com|cn|org)\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''));

  it('lists every adapter file once, by its id', () => {
    expect(SITES.map((s) => s.id).sort()).toEqual(adapterFiles.sort());
  });

  it.each(SITES.map((s) => s.id))('%s has saved-page fixtures saved from its own site', (id) => {
    const own = pages.filter((p) => p.site === id);
    expect(own.length).toBeGreaterThan(0);
    for (const page of own) expect(siteFor(page.url)?.id).toBe(id);
  });
});

describe('saved pages give their baselines', () => {
  it.each(pages.map((p) => [`${p.site}/${p.name}`, p] as const))('%s', (_, page) => {
    const result = siteFor(page.url)?.parse(htmlDocument(page.html, page.url.href), page.url, OBSERVED_AT);
    expect(ParseResult.safeParse(result).success).toBe(true);
    if (result && !result.ok) expect({ ok: result.ok, reason: result.reason }).toEqual(page.expected);
    else expect({ ...result, reader: undefined }).toEqual({ ...(page.expected as object), reader: undefined });
  });

  it.each(pages.map((p) => [`${p.site}/${p.name}`, p] as const))('%s names its reader and a known layout', (_, page) => {
    const adapter = siteFor(page.url);
    const result = adapter?.parse(htmlDocument(page.html, page.url.href), page.url, OBSERVED_AT);
    expect(result?.reader).toMatchObject({ site: adapter?.id, version: adapter?.readerVersion });
    expect(result?.reader?.layout).not.toBe('unknown');
    // The layout the page's second line names is the one the reader recognised.
    const named = /layout: gsxt (2026|2017\/18|older provincial)/.exec(page.html.slice(0, 400))?.[1];
    const layouts: Record<string, string> = { '2026': 'web-2026', '2017/18': 'web-2017', 'older provincial': 'provincial' };
    if (named) expect(result?.reader?.layout).toBe(layouts[named]);
    if (result?.ok) {
      const sections = result.reader?.sections;
      expect(sections?.penalties.read).toBe(result.record.penalties.length);
      expect(sections?.penalties.total).toBe(result.completeness.penalties.total);
    }
  });
});
