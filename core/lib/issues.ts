/**
 * zod issues → one line per problem that names the field path, for the command line, the options page and the
 * server alike ("penalties[2].decisionDate: expected a calendar date as YYYY-MM-DD").
 */
import type * as z from 'zod';

export interface InputProblem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function problemsOf(error: z.core.$ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function problemLines(problems: readonly InputProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}
