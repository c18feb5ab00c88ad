/**
 * The record schema (record.ts), ahead-of-time compiled by zod: a generated fast path for valid records (3× faster in
 * `npm run bench`), and zod's own parser, with its issues and paths, for anything the fast path rejects. Where
 * code generation is not allowed (extension pages), zod returns the schema as it is. Apart from record.ts so that
 * what does not parse whole records (the content scripts, core/page.ts) does not carry the compiler or run it.
 */
import * as z from 'zod/mini';
import { EntityRecordRuntime, type EntityRecord as ParsedRecord } from './record.ts';

export const EntityRecord = z.compile(EntityRecordRuntime);
export type EntityRecord = ParsedRecord;
