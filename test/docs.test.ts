/**
 * The documentation holds together: README.md stays a short front page (≤ 12 KB; the rest lives in docs/), every
 * relative link of the READMEs, docs/ and the folders' READMEs reaches a file of the repository, and every .md a source comment cites exists
 * (comments cite only what a reader of the repository can open).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README_MAX_BYTES = 12 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'data', '.keys', 'fixtures']);

function walk(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** Link targets of a Markdown text, outside code: inline links and images, and reference definitions. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...references];
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** The file a relative link names, or null for an external link or an anchor in the same file. */
function linkedPath(from: string, target: string): string | null {
  if (isExternal(target)) return null;
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  if (path === '') return null;
  return resolve(dirname(from), path);
}

const inRepo = (path: string) => !relative(ROOT, path).startsWith('..');
const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

const isMarkdown = (path: string) => path.endsWith('.md');
/** The READMEs, docs/, and the READMEs of the code's folders. */
const DOCS = [
  join(ROOT, 'README.md'),
  join(ROOT, 'README.en.md'),
  ...['docs', 'core', 'cli', 'extension', 'sync-server', 'test'].flatMap((dir) => walk(join(ROOT, dir), isMarkdown)),
];

describe('README', () => {
  it.each(['README.md', 'README.en.md'])('%s is at most 12 KB', (name) => {
    expect(statSync(join(ROOT, name)).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });
});

describe('links in the Markdown files', () => {
  it('finds inline links, images and references, not code', () => {
    const text = '[a](x.md) ![b](img/y.png "t") `[c](no.md)`\n```\n[d](no.md)\n```\n[e]: <z.md#part>\n[f](#here) [g](https://e.org)';
    expect(markdownLinks(text)).toEqual(['x.md', 'img/y.png', '#here', 'https://e.org', 'z.md#part']);
  });

  it.each(DOCS.map((path) => [relative(ROOT, path).split(sep).join('/'), path]))(
    '%s: every relative link reaches a file of the repository',
    (_, path) => {
      const broken = markdownLinks(readFileSync(path, 'utf8')).filter((target) => {
        const file = linkedPath(path, target);
        return file !== null && !(inRepo(file) && isFile(file));
      });
      expect(broken).toEqual([]);
    },
  );
});

describe('documents cited in source comments', () => {
  const SOURCE = /\.(ts|tsx|mjs|js)$/;
  const sources = ['core', 'cli', 'extension', 'sync-server', 'test']
    .flatMap((dir) => walk(join(ROOT, dir), (p) => SOURCE.test(p)))
    .concat(
      readdirSync(ROOT)
        .filter((name) => SOURCE.test(name))
        .map((name) => join(ROOT, name)),
    );

  it('exist in the repository (from the root or beside the citing file)', () => {
    const missing: string[] = [];
    // This file's own examples are not citations.
    for (const file of sources.filter((path) => path !== fileURLToPath(import.meta.url))) {
      const comments = readFileSync(file, 'utf8').match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g) ?? [];
      for (const cited of comments.join('\n').matchAll(/[\w./-]*[\w-]\.md\b/g)) {
        const name = cited[0];
        if (!isFile(join(ROOT, name)) && !isFile(join(dirname(file), name))) missing.push(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
