/** What `assess` reads, one file or a folder: a saved page or a record file as a record, and the options it is assessed with. */
import { parseRecord, problemLines, type EntityRecord, type RuleSettings } from '#core';
import { InputError, readJson, readText } from '../io.ts';

export interface AssessOptions {
  asOf: string;
  settings: RuleSettings;
}

/** A saved page or a record file → a parsed record; a page not understood is bad input. */
export async function recordFromFile(file: string, url?: string): Promise<{ record: EntityRecord; observedAt?: string }> {
  const isPage = /\.(html?|xhtml)$/i.test(file) || (!/\.json$/i.test(file) && /^\s*</.test(await readText(file)));
  if (isPage) {
    // The page parser (happy-dom) is loaded only for pages: a record file is assessed without it.
    const { parseSavedPage } = await import('../html.ts');
    const page = await parseSavedPage(file, url);
    if (!page.result.ok) throw new InputError([`${file}: page not understood (${page.result.reason}): ${page.result.detail}`]);
    return { record: page.result.record, observedAt: page.observedAt };
  }
  const record = parseRecord(await readJson(file));
  if (!record.ok) throw new InputError(problemLines(record.problems).map((line) => `${file}: ${line}`));
  return { record: record.value };
}
