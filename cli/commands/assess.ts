/**
 * `creditlens assess FILE.json --as-of YYYY-MM-DD [--settings FILE.json]`: prints the Assessment JSON.
 * --as-of defaults to today in China time. Bad input → exit 2, one line per problem on stderr, nothing on stdout.
 */
import { parseArgs } from 'node:util';
import { assessRecord, chinaDateOfEpochMs, isIsoDate, parseRecord, parseSettings, problemLines, type RuleSettings } from '#core';
import { EXIT, InputError, readJson, type Io } from '../io.ts';

export interface AssessArgs {
  file: string;
  asOf: string;
  settings: RuleSettings;
}

/** The options every assessing command shares: --as-of and --settings. */
export async function assessOptions(values: { 'as-of'?: string; settings?: string }, io: Io): Promise<Omit<AssessArgs, 'file'>> {
  const asOf = values['as-of'] ?? chinaDateOfEpochMs(io.now());
  if (!asOf || !isIsoDate(asOf)) throw new InputError([`--as-of: expected a calendar date as YYYY-MM-DD, got "${values['as-of']}"`]);
  const raw = values.settings === undefined ? {} : await readJson(values.settings);
  const settings = parseSettings(raw);
  if (!settings.ok) throw new InputError(problemLines(settings.problems).map((line) => `${values.settings}: ${line}`));
  return { asOf, settings: settings.value };
}

export const ASSESS_OPTIONS = {
  'as-of': { type: 'string' },
  settings: { type: 'string' },
} as const;

export async function assess(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: ASSESS_OPTIONS, allowPositionals: true, strict: true });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new InputError(['usage: creditlens assess FILE.json [--as-of YYYY-MM-DD] [--settings FILE.json]']);
  const options = await assessOptions(values, io);
  const record = parseRecord(await readJson(file));
  if (!record.ok) throw new InputError(problemLines(record.problems).map((line) => `${file}: ${line}`));
  io.out(`${JSON.stringify(assessRecord(record.value, options), null, 2)}\n`);
  return EXIT.ok;
}
