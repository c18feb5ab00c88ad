/** The protocol's guard: malformed messages are refused with a reason and logged; valid ones reach their handler. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, describe, expect, it } from 'vitest';
import { CreditLensDb } from '../storage/db.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';

const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
afterAll(() => db.close());
const log: string[] = [];
const handle = router(handlersFor(db), (line) => log.push(line));

describe('message router', () => {
  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'notes:steal' }],
    ['a missing field', { type: 'notes:list' }],
    ['an extra field', { type: 'notes:delete', id: 'n1', also: 'x' }],
    ['a malformed note', { type: 'notes:save', note: { id: 'n1' } }],
  ])('refuses %s with a reason and logs it', async (_, message) => {
    const before = log.length;
    const answer = await handle(message);
    expect(answer).toMatchObject({ ok: false });
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)).toMatch(/^invalid message: /);
  });

  it('routes valid messages to the local database', async () => {
    const note = {
      id: 'n1',
      entityKey: '91330100MA2B3C4D5N',
      text: '复核',
      tags: [],
      createdAt: '2024-06-30T08:00:00.000Z',
      editedAt: '2024-06-30T08:00:00.000Z',
    };
    expect(await handle({ type: 'notes:save', note })).toEqual({ ok: true, note });
    expect(await handle({ type: 'notes:list', entityKey: '91330100MA2B3C4D5N' })).toEqual({ ok: true, notes: [note] });
    expect(await handle({ type: 'entity:lookup', query: '示例' })).toEqual({ ok: true, hits: [], notes: [] });
  });
});
