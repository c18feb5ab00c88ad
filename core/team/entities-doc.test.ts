/**
 * The team document through its contract: records made complete (unset is null), writes checked before anything
 * changes, replicas that edit concurrently converge with every note and tag kept, and records other tools wrote
 * wrongly read as invalid instead of crashing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ENTITIES_MAP,
  addTeamListing,
  addTeamNote,
  addTeamTag,
  ensureTeamEntity,
  readTeamEntities,
  readTeamEntity,
  removeTeamListing,
  removeTeamTag,
  updateTeamEntity,
  updateTeamListing,
} from './entities-doc.ts';

const LI = { by: 'li', at: '2026-11-30T02:00:00.000Z' };
const WANG = { by: 'wang', at: '2026-11-30T03:00:00.000Z' };
const ENTITY = { name: '示例市鲜味坊食品有限公司', uscc: '91330106ma27qx8bxf', legalRepresentative: '张某某' };

/** Two replicas that exchange every update, as clients of one server do. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

describe('team document', () => {
  it('makes a record with every field, unset ones null, keyed by the USCC', () => {
    const doc = new Y.Doc();
    expect(ensureTeamEntity(doc, ENTITY, LI)).toEqual({ ok: true, key: '91330106MA27QX8BXF' });
    expect(readTeamEntity(doc, '91330106MA27QX8BXF')).toEqual({
      key: '91330106MA27QX8BXF',
      ok: true,
      value: {
        name: ENTITY.name,
        uscc: '91330106MA27QX8BXF',
        legalRepresentative: '张某某',
        status: null,
        domain: null,
        assignee: null,
        tags: [],
        notes: [],
        listings: [],
        repeatOffenderPublicizedOn: null,
        typicalCaseExposedOn: null,
        updatedAt: LI.at,
        updatedBy: 'li',
      },
    });
    // Again: the existing record is kept as it is.
    updateTeamEntity(doc, '91330106MA27QX8BXF', { status: 'verifying' }, LI);
    ensureTeamEntity(doc, ENTITY, WANG);
    expect(readTeamEntity(doc, '91330106MA27QX8BXF')).toMatchObject({ ok: true, value: { status: 'verifying', updatedBy: 'li' } });
  });

  it('keys an entity without a code by name:, with uscc null', () => {
    const doc = new Y.Doc();
    expect(ensureTeamEntity(doc, { name: '示例县某某便利店' }, LI)).toEqual({ ok: true, key: 'name:示例县某某便利店' });
    expect(readTeamEntity(doc, 'name:示例县某某便利店')).toMatchObject({ ok: true, value: { uscc: null, legalRepresentative: null } });
  });

  it('refuses a bad write with its reasons and changes nothing', () => {
    const doc = new Y.Doc();
    const { key } = ensureTeamEntity(doc, ENTITY, LI) as { key: string };
    const before = Y.encodeStateAsUpdate(doc);
    expect(updateTeamEntity(doc, key, { status: 'closed' as never }, WANG)).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('patch: status')],
    });
    expect(updateTeamEntity(doc, key, { repeatOffenderPublicizedOn: '2026-02-30' }, WANG).ok).toBe(false);
    expect(updateTeamEntity(doc, key, { status: 'listed' }, { by: '', at: 'now' }).ok).toBe(false);
    expect(addTeamNote(doc, key, { id: 'n1', text: '' }, WANG).ok).toBe(false);
    expect(updateTeamEntity(doc, 'name:nobody', { status: 'clue' }, WANG)).toEqual({
      ok: false,
      problems: ['no team record for name:nobody'],
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('converges when two people edit at once: both notes and tags kept, one value for a field both set', () => {
    const [a, b] = pair();
    const { key } = ensureTeamEntity(a, ENTITY, LI) as { key: string };
    // Offline: b's updates are held back, then delivered together.
    const held: Uint8Array[] = [];
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b));
    offline.on('update', (u: Uint8Array) => held.push(u));
    addTeamNote(a, key, { id: 'n-li', text: '电话核实：已停业整改' }, LI);
    addTeamTag(a, key, '食品', LI);
    updateTeamEntity(a, key, { status: 'verifying', assignee: 'li' }, LI);
    addTeamNote(offline, key, { id: 'n-wang', text: '现场检查发现仍在经营' }, WANG);
    addTeamTag(offline, key, '复查', WANG);
    updateTeamEntity(offline, key, { status: 'case-filed' }, WANG);
    addTeamListing(offline, key, { id: 'L1', decidedOn: '2026-11-30', domain: 'FOOD', decisionNo: '示市监列严〔2026〕1号' }, WANG);
    for (const u of held) Y.applyUpdate(a, u);
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(a));

    const seen = [readTeamEntities(a), readTeamEntities(b), readTeamEntities(offline)];
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
    const [record] = seen[0] ?? [];
    expect(record?.ok).toBe(true);
    if (!record?.ok) return;
    expect(record.value.notes.map((n) => n.id).sort()).toEqual(['n-li', 'n-wang']);
    expect(record.value.notes.find((n) => n.id === 'n-wang')).toMatchObject({ author: 'wang', at: WANG.at });
    expect([...record.value.tags].sort()).toEqual(['复查', '食品']);
    expect(['verifying', 'case-filed']).toContain(record.value.status);
    expect(record.value.assignee).toBe('li');
    expect(record.value.listings).toHaveLength(1);
  });

  it('adds a tag once and removes it', () => {
    const doc = new Y.Doc();
    const { key } = ensureTeamEntity(doc, ENTITY, LI) as { key: string };
    addTeamTag(doc, key, ' 食品 ', LI);
    addTeamTag(doc, key, '食品', WANG);
    expect(readTeamEntity(doc, key)).toMatchObject({ value: { tags: ['食品'] } });
    removeTeamTag(doc, key, '食品', WANG);
    expect(readTeamEntity(doc, key)).toMatchObject({ value: { tags: [], updatedBy: 'wang' } });
  });

  it('corrects a listing in place and removes it, stamped with the editor; an unknown listing is refused', () => {
    const doc = new Y.Doc();
    const { key } = ensureTeamEntity(doc, ENTITY, LI) as { key: string };
    const first = { id: 'L1', decidedOn: '2026-03-01', domain: 'FOOD' as const, decisionNo: '示市监列严〔2026〕1号' };
    const second = { id: 'L2', decidedOn: '2026-04-01', domain: 'QUALITY' as const, decisionNo: '示市监列严〔2026〕2号' };
    addTeamListing(doc, key, first, LI);
    addTeamListing(doc, key, second, LI);
    const corrected = { ...first, decidedOn: '2026-03-02', decisionNo: '示市监列严〔2026〕3号' };
    expect(updateTeamListing(doc, key, corrected, WANG)).toEqual({ ok: true, key });
    expect(readTeamEntity(doc, key)).toMatchObject({ value: { listings: [corrected, second], updatedBy: 'wang' } });
    expect(updateTeamListing(doc, key, { ...first, id: 'L9' }, WANG)).toMatchObject({ ok: false });
    expect(updateTeamListing(doc, key, { ...first, decidedOn: '2026-02-30' }, WANG)).toMatchObject({ ok: false });
    expect(removeTeamListing(doc, key, 'L1', LI)).toEqual({ ok: true, key });
    expect(readTeamEntity(doc, key)).toMatchObject({ value: { listings: [second], updatedBy: 'li' } });
  });

  it('reads records other tools wrote wrongly as invalid, with reasons, and the rest as valid', () => {
    const doc = new Y.Doc();
    ensureTeamEntity(doc, ENTITY, LI);
    const map = doc.getMap(ENTITIES_MAP);
    map.set('not-a-map', 'hello');
    const wrong = new Y.Map<unknown>();
    map.set('name:坏记录', wrong);
    wrong.set('name', '坏记录');
    wrong.set('status', 'archived');
    const mismatched = new Y.Map<unknown>();
    map.set('91110000101623741K', mismatched);
    doc.transact(() => {
      const valid = readTeamEntity(doc, '91330106MA27QX8BXF');
      if (!valid?.ok) throw new Error('expected a valid record');
      for (const [field, value] of Object.entries(valid.value))
        mismatched.set(field, Array.isArray(value) ? Y.Array.from<object | string>(value) : value);
    });
    const reads = readTeamEntities(doc);
    expect(reads.map((r) => [r.key, r.ok])).toEqual([
      ['91110000101623741K', false],
      ['91330106MA27QX8BXF', true],
      ['name:坏记录', false],
      ['not-a-map', false],
    ]);
    expect(reads.find((r) => r.key === 'name:坏记录')).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.stringContaining('status')]),
    });
    expect(reads.find((r) => r.key === '91110000101623741K')).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('does not match')],
    });
    // Writing to a record whose lists were damaged mends the list instead of failing.
    wrong.set('tags', 'not a list');
    expect(addTeamTag(doc, 'name:坏记录', '复查', LI).ok).toBe(true);
    expect((wrong.get('tags') as Y.Array<string>).toArray()).toEqual(['复查']);
  });
});
