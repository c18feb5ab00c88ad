/**
 * The duplicate-id check of the record schema is a plain zod check rather than a superRefine (see record.ts). It is
 * pinned here to the plain declaration, `.superRefine` with `ctx.addIssue`: the same issues, with the same codes,
 * paths and messages, in the same order, compiled or not, alone or with other problems.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { AbnormalListingInput, Entity, EntityRecordRuntime, PenaltyInput, RecordSource, SeriousListingInput } from './record.ts';
import { EntityRecord } from './record-compiled.ts';

function plainUniqueIds(items: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [path, index, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

const Plain = z
  .strictObject({
    entity: Entity,
    penalties: z.array(PenaltyInput).default([]),
    abnormalListings: z.array(AbnormalListingInput).default([]),
    seriousListings: z.array(SeriousListingInput).default([]),
    source: z.optional(RecordSource),
  })
  .superRefine((record, ctx) => {
    plainUniqueIds(record.penalties, ctx, 'penalties');
    plainUniqueIds(record.abnormalListings, ctx, 'abnormalListings');
    plainUniqueIds(record.seriousListings, ctx, 'seriousListings');
  });

const p = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  decisionNo: 'X',
  decisionDate: '2023-01-01',
  authority: 'A',
  ...extra,
});
const many = (n: number, distinct: number) => Array.from({ length: n }, (_, i) => p(`P${i % distinct}`));

describe('the duplicate-id check says what a superRefine says', () => {
  it.each([
    { name: 'no duplicates', input: { entity: { name: 'n' }, penalties: [p('a'), p('b')] } },
    {
      name: 'duplicates in every list',
      input: {
        entity: { name: 'n' },
        penalties: [p('a'), p('a'), p('b'), p('a'), p('b')],
        abnormalListings: [
          { id: 'A', listedDate: '2020-01-01' },
          { id: 'A', listedDate: '2021-01-01' },
        ],
        seriousListings: [
          { id: 'S', listedDate: '2020-01-01' },
          { id: 'T', listedDate: '2020-01-01' },
          { id: 'S', listedDate: '2020-01-01' },
        ],
      },
    },
    {
      name: 'duplicates and other problems',
      input: { entity: { name: '' }, penalties: [p('a'), p('a', { decisionDate: '2023-02-30' }), p('a', { x: 1 })] },
    },
    { name: 'a long list (more than 64 entries)', input: { entity: { name: 'n' }, penalties: many(150, 70) } },
    { name: 'a list at the limit', input: { entity: { name: 'n' }, penalties: many(64, 40) } },
    { name: 'lists absent', input: { entity: { name: 'n' } } },
  ])('$name', ({ input }) => {
    const plain = Plain.safeParse(input);
    for (const schema of [EntityRecord, EntityRecordRuntime]) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(plain.success);
      if (result.success && plain.success) expect(result.data).toEqual(plain.data);
      else expect(JSON.stringify(result.error?.issues)).toBe(JSON.stringify(plain.error?.issues));
    }
  });
});
