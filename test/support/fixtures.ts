/** The saved-page fixtures of the site adapters (core/sites/fixtures/<site>/<name>.html + .expected.json). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { savedFromUrl } from '#core';

export const FIXTURE_DIR = fileURLToPath(new URL('../../core/sites/fixtures/', import.meta.url));
/** The observation time the baselines were written with. */
export const OBSERVED_AT = '2026-11-30T00:00:00.000Z';

export interface FixturePage {
  site: string;
  name: string;
  html: string;
  url: URL;
  expected: unknown;
}

export function fixturePages(): FixturePage[] {
  return readdirSync(FIXTURE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(`${FIXTURE_DIR}${d.name}`)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => {
          const html = readFileSync(`${FIXTURE_DIR}${d.name}/${f}`, 'utf8');
          const url = savedFromUrl(html);
          if (!url) throw new Error(`${d.name}/${f} has no saved-from line`);
          const name = f.replace(/\.html$/, '');
          const expected: unknown = JSON.parse(readFileSync(`${FIXTURE_DIR}${d.name}/${name}.expected.json`, 'utf8'));
          return { site: d.name, name, html, url, expected };
        }),
    );
}
