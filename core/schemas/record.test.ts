/** The compiled record schema is really compiled, and says exactly what zod's runtime parser says. */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { EntityRecordRuntime } from './record.ts';
import { EntityRecord } from './record-compiled.ts';

const sample: unknown = JSON.parse(readFileSync(new URL('../../test/fixtures/records/repeat-offender.json', import.meta.url), 'utf8'));
const base = sample as { entity: object; penalties: Array<Record<string, unknown>> };
const withPenalty = (patch: Record<string, unknown>) => ({ ...base, penalties: [{ ...base.penalties[0], ...patch }] });

describe('EntityRecord (compiled)', () => {
  it('compiles without falling back', () => {
    expect(() => z.compile(EntityRecordRuntime, { strict: true })).not.toThrow();
  });

  it.each([
    { name: 'the sample record', input: sample },
    { name: 'lists absent', input: { entity: { name: '某公司' } } },
    { name: 'an impossible date', input: withPenalty({ decisionDate: '2023-02-30' }) },
    { name: 'an unknown key', input: withPenalty({ decisonDate: '2023-02-01' }) },
    { name: 'a wrong type', input: withPenalty({ isSamr: 'yes', types: ['FINE', 'FINEE'] }) },
    { name: 'a missing field', input: withPenalty({ authority: undefined }) },
    { name: 'duplicate ids', input: { ...base, penalties: [base.penalties[0], base.penalties[0]] } },
    { name: 'not an object', input: [1, 2] },
    { name: 'empty name', input: { entity: { name: '' } } },
  ])('agrees with the runtime parser on $name', ({ input }) => {
    const compiled = EntityRecord.safeParse(input);
    const runtime = EntityRecordRuntime.safeParse(input);
    expect(compiled.success).toBe(runtime.success);
    if (compiled.success && runtime.success) expect(compiled.data).toEqual(runtime.data);
    else expect(compiled.error?.issues).toEqual(runtime.error?.issues);
  });
});
