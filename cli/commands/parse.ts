/**
 * `creditlens parse FILE.html [--url URL] [--site-rules rules.json]`: prints the site adapter's ParseResult for a
 * saved page, read with the team's site rules when given (the file `site-rules publish` takes); exit 0 when the page
 * was understood, 3 when it was not (the result says why), 2 when a file cannot be read or the rules are not valid.
 */
import { parseArgs } from 'node:util';
import { SiteRules, problemLines, problemsOf } from '#core';
import { EXIT, InputError, readJson, type Io } from '../io.ts';
import { parseSavedPage } from '../html.ts';

const USAGE = 'usage: creditlens parse FILE.html [--url URL] [--site-rules rules.json]';

/** A site-rules file through its schema: every problem on its own line, named by its place in the file. */
export async function readSiteRules(file: string): Promise<SiteRules> {
  const parsed = SiteRules.safeParse(await readJson(file));
  if (!parsed.success) throw new InputError(problemLines(problemsOf(parsed.error)).map((line) => `${file}: ${line}`));
  return parsed.data;
}

export async function parse(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { url: { type: 'string' }, 'site-rules': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new InputError([USAGE]);
  const rules = values['site-rules'] === undefined ? undefined : await readSiteRules(values['site-rules']);
  const { result } = await parseSavedPage(file, values.url, rules);
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return result.ok ? EXIT.ok : EXIT.notUnderstood;
}
