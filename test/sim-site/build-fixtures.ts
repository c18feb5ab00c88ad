/**
 * Writes the saved-page fixtures of the simulated sites into core/sites/fixtures/: each page as a browser saves it
 * after its scripts rendered the rows (with the browser's `saved from url` line on top), the parse result a correct
 * adapter must return for it (computed from the truth data), the repeat offender's section JSON pages and the
 * Credit China API replies. Run: `npx tsx test/sim-site/build-fixtures.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITIES, PAGES, pageUrl, type SimPage } from './entities.ts';
import { expectedFor } from './expected.ts';
import { savedFromLine } from './render/html.ts';
import { endpointVar } from './routes.ts';
import {
  CREDITCHINA_CATEGORIES,
  creditChinaCategoryReply,
  creditChinaDetailReply,
  dataTablesPage,
  PAGE_LENGTH,
  sectionRows,
} from './sections.ts';
import { CREDITCHINA_PAGE_SIZE } from './render/creditchina.ts';
import { renderPage } from './server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES_DIR = join(ROOT, 'core', 'sites', 'fixtures');

const CATEGORY_SLUGS: Record<string, string> = {
  行政管理: 'admin',
  诚实守信: 'honest',
  经营异常: 'abnormal',
  严重失信主体名单: 'serious',
  重点关注: 'watch',
};

/** The saved copy of a page: the browser's line first, then the page (which starts with its layout comment). */
export function savedPage(page: SimPage): string {
  return `${savedFromLine(pageUrl(page))}\n${renderPage(page, { saved: true })}`;
}

function write(path: string, text: string, written: string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  written.push(relative(ROOT, path));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function buildFixtures(): string[] {
  const written: string[] = [];
  for (const page of PAGES.filter((p) => p.fixture)) {
    const dir = join(FIXTURES_DIR, page.site);
    write(join(dir, `${page.name}.html`), savedPage(page), written);
    write(join(dir, `${page.name}.expected.json`), json(expectedFor(page)), written);
  }

  // The repeat offender's section replies, page by page, as the page's script receives them.
  const repeatPage = PAGES.find((p) => p.entityKey === 'repeat' && p.fixture);
  if (repeatPage) {
    const sections: Array<[string, string]> = [
      ['punishment', 'punishmentDetailInfoUrl'],
      ['abnormal', 'entBusExcepUrl'],
      ['serious', 'IllInfoUrl'],
    ];
    for (const [name, varName] of sections) {
      const section = endpointVar(repeatPage, varName).section;
      const rows = section ? sectionRows(ENTITIES.repeat, section) : [];
      const pages = Math.max(1, Math.ceil(rows.length / PAGE_LENGTH));
      for (let n = 1; n <= pages; n++) {
        write(
          join(FIXTURES_DIR, 'gsxt-gov-cn', 'json', `repeat-${name}-p${n}.json`),
          json(dataTablesPage(rows, n, (n - 1) * PAGE_LENGTH, PAGE_LENGTH)),
          written,
        );
      }
    }
  }

  // Credit China private-api replies behind the entity page.
  const cc = ENTITIES.creditchina;
  write(join(FIXTURES_DIR, 'creditchina-gov-cn', 'json', 'creditchina-details.json'), json(creditChinaDetailReply(cc)), written);
  for (const category of CREDITCHINA_CATEGORIES) {
    const reply = creditChinaCategoryReply(cc, category, 1, CREDITCHINA_PAGE_SIZE);
    write(
      join(FIXTURES_DIR, 'creditchina-gov-cn', 'json', `creditchina-typeSourceSearch-${CATEGORY_SLUGS[category] ?? 'other'}-p1.json`),
      json(reply),
      written,
    );
  }

  const lines = PAGES.filter((p) => p.fixture).map((p) => `| \`${p.site}/${p.name}.html\` | ${pageUrl(p)} | ${p.about} |`);
  write(
    join(FIXTURES_DIR, 'README.md'),
    `# Saved-page fixtures (generated)

Written by \`npx tsx test/sim-site/build-fixtures.ts\` from the simulated credit sites in \`test/sim-site/\`; do not
edit by hand. Every entity, person and value is invented. Each \`<name>.html\` is a page as a browser saves it after
its scripts rendered (first line: the browser's \`saved from url\` comment; second: the layout the page follows), and
\`<name>.expected.json\` is the parse result a correct adapter must return for it, computed from the truth data in
\`test/sim-site/entities.ts\`. \`json/\` holds the section JSON and API replies behind the pages.

Conventions of the expected results: ids P1…/A1…/S1… in page order, only rows rendered on the page; text trimmed,
runs of white space folded to one space, HTML stripped, full-width punctuation kept as on the page; fields the page
does not show are absent; \`total\` is the page's own count (共 N 条 / 共 查询到 N 条记录 / 共 N 条记录), 0 when the
page says there are none (暂无…), null when it states no count (Credit China).

| File | URL | Exercises |
|---|---|---|
${lines.join('\n')}
`,
    written,
  );
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = buildFixtures();
  for (const file of written) console.log(file);
  console.log(`${written.length} files written`);
}
