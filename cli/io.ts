/**
 * The command line's boundary with files and streams: reading input with one clear line per problem, and the
 * exit codes every command shares (0 done, 1 a negative answer, 2 bad input or usage).
 */
import { readFile } from 'node:fs/promises';

export const EXIT = { ok: 0, negative: 1, badInput: 2, notUnderstood: 3 } as const;

/** A problem with the input: reported on stderr, one line each, and the command exits with 2. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Today in China time, for --as-of defaults; a parameter so tests can fix it. */
  now: () => number;
  /** stderr is a terminal: progress may be drawn there. */
  errIsTerminal: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  now: () => Date.now(),
  errIsTerminal: process.stderr.isTTY === true,
};

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new InputError([`${file}: cannot read: ${why}`]);
  }
}

export async function readJson(file: string): Promise<unknown> {
  const text = (await readText(file)).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError([`${file}: invalid JSON: ${(error as Error).message}`]);
  }
}
