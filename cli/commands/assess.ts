/**
 * `creditlens assess FILE.json|FILE.html [--url URL] [--as-of YYYY-MM-DD] [--settings FILE.json]` prints the
 * Assessment; `creditlens assess DIR [--format json|csv]` checks a folder of saved pages and records, one row per
 * entity. --as-of defaults to today in China time. Bad input → exit 2, one line per problem, nothing on stdout.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { assessRecord, chinaDateOfEpochMs, isIsoDate, parseSettings, problemLines, type Assessment } from '#core';
import { EXIT, InputError, readJson, type Io } from '../io.ts';
import { assessFolder } from './assess-folder.ts';
import { recordFromFile, type AssessOptions } from './record-file.ts';

const OPTIONS = {
  'as-of': { type: 'string' },
  settings: { type: 'string' },
  url: { type: 'string' },
  format: { type: 'string' },
} as const;

const USAGE =
  'usage: creditlens assess FILE.json|FILE.html|DIR [--url URL] [--as-of YYYY-MM-DD] [--settings FILE.json] [--format json|csv]';

async function assessOptions(values: { 'as-of'?: string; settings?: string }, io: Io): Promise<AssessOptions> {
  const asOf = values['as-of'] ?? chinaDateOfEpochMs(io.now());
  if (!asOf || !isIsoDate(asOf)) throw new InputError([`--as-of: expected a calendar date as YYYY-MM-DD, got "${values['as-of']}"`]);
  const raw = values.settings === undefined ? {} : await readJson(values.settings);
  const settings = parseSettings(raw);
  if (!settings.ok) throw new InputError(problemLines(settings.problems).map((line) => `${values.settings}: ${line}`));
  return { asOf, settings: settings.value };
}

export async function assess(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  const [path, ...rest] = positionals;
  if (path === undefined || rest.length > 0) throw new InputError([USAGE]);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new InputError([`--format: expected json or csv, got "${format}"`]);
  const options = await assessOptions(values, io);
  const isFolder = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isFolder) return assessFolder(path, format, options, io);
  if (format === 'csv') throw new InputError(['--format csv is for a folder of pages; a single file prints JSON']);
  const { record } = await recordFromFile(path, values.url);
  const assessment: Assessment = assessRecord(record, options);
  io.out(`${JSON.stringify(assessment, null, 2)}\n`);
  return EXIT.ok;
}
