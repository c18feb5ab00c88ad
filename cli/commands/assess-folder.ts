/**
 * `creditlens assess DIR`: every saved page (.html/.htm) and record (.json) of a folder, in one run. Staff keep
 * saved pages as evidence; this gives one row per entity (the latest observation of it wins), reports each file
 * it cannot use with its name and reason without stopping, and draws progress on stderr when it is a terminal.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assessRecord, entityKey, type Assessment } from '#core';
import { EXIT, InputError, type Io } from '../io.ts';
import { recordFromFile, type AssessOptions } from './record-file.ts';
import { csvOf, type EntityRow } from './assess-rows.ts';

function progress(io: Io, done: number, total: number, file: string): void {
  if (!io.errIsTerminal) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.err(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${file.slice(-40).padEnd(40)}`);
}

export async function assessFolder(dir: string, format: 'json' | 'csv', options: AssessOptions, io: Io): Promise<number> {
  const files = (await readdir(dir)).filter((f) => /\.(html?|json)$/i.test(f) && !f.endsWith('.expected.json')).sort();
  const rows = new Map<string, EntityRow>();
  const failures: string[] = [];
  for (const [index, name] of files.entries()) {
    progress(io, index, files.length, name);
    const file = join(dir, name);
    try {
      const { record, observedAt } = await recordFromFile(file);
      const assessment: Assessment = assessRecord(record, options);
      const row: EntityRow = { file: name, record, observedAt: observedAt ?? record.source?.observedAt ?? '', assessment };
      const key = entityKey(record.entity);
      const previous = rows.get(key);
      if (!previous || row.observedAt >= previous.observedAt) rows.set(key, row);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures.push(...error.lines);
    }
  }
  progress(io, files.length, files.length, '');
  if (io.errIsTerminal) io.err('\n');
  for (const line of failures) io.err(`creditlens assess: ${line}\n`);
  io.err(`creditlens assess: ${files.length} 个文件 files, ${rows.size} 个主体 entities, ${failures.length} 个无法读取 unreadable\n`);
  if (rows.size === 0) return EXIT.badInput;
  const list = [...rows.values()];
  io.out(
    format === 'csv'
      ? csvOf(list)
      : `${JSON.stringify(
          list.map((r) => ({
            file: r.file,
            observedAt: r.observedAt,
            entity: r.record.entity,
            source: r.record.source ?? null,
            assessment: r.assessment,
          })),
          null,
          2,
        )}\n`,
  );
  return EXIT.ok;
}
