/**
 * `creditlens parse FILE.html [--url URL]`: prints the site adapter's ParseResult for a saved page; exit 0 when the
 * page was understood, 3 when it was not (the result says why), 2 when the file cannot be read.
 */
import { parseArgs } from 'node:util';
import { EXIT, InputError, type Io } from '../io.ts';
import { parseSavedPage } from '../html.ts';

export async function parse(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { url: { type: 'string' } }, allowPositionals: true, strict: true });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new InputError(['usage: creditlens parse FILE.html [--url URL]']);
  const { result } = await parseSavedPage(file, values.url);
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return result.ok ? EXIT.ok : EXIT.notUnderstood;
}
