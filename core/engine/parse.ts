/**
 * Boundary parsing of untrusted input (files, messages, storage) into core types, with every problem reported.
 */
import * as z from 'zod/mini';
import { problemsOf, type InputProblem } from '../lib/issues.ts';
import { EntityRecord } from '../schemas/record-compiled.ts';
import { RuleSettings } from '../schemas/settings.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = z.safeParse(schema, input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) };
}

export function parseRecord(input: unknown): Parsed<EntityRecord> {
  return parseWith(EntityRecord, input);
}

/** A partial settings object → complete settings with the defaults of docs/rules.md §3. */
export function parseSettings(input: unknown): Parsed<RuleSettings> {
  return parseWith(RuleSettings, input);
}
