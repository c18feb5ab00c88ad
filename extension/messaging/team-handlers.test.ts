/**
 * The team:* messages against a real router and handlers over fake-indexeddb and an in-memory team document: reads
 * (valid, absent, invalid records), every write stamped with the token's user, readonly refused with nothing written,
 * 分享给团队 as the one way a private note enters the team document, the popup's team lookup, and which tab shows what.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ENTITIES_MAP, ensureTeamEntity, readTeamEntities } from '#core';
import { localBackground, NOW } from '../../test/support/extension/background.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';
import { testTeam } from '../../test/support/extension/test-team.ts';
import { CreditLensDb } from '../storage/db.ts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

const KEY = '91330106MA27QX8BXF';
const ENTITY = { name: '示例市鲜味坊食品有限公司', uscc: KEY, legalRepresentative: '张三' };

function background(options: Parameters<typeof testTeam>[0] = {}) {
  const team = testTeam(options);
  const local = localBackground(team);
  const ask = (message: object) => local.transport(message) as Promise<Record<string, unknown>>;
  return { ...local, team, ask };
}

describe('team:entity', () => {
  it('answers the record, the viewers and the connection; null when the team has no record', async () => {
    const { ask, team } = background();
    expect(await ask({ type: 'team:entity', entityKey: KEY })).toMatchObject({
      ok: true,
      record: null,
      viewers: [],
      status: { state: 'connected' },
    });
    ensureTeamEntity(team.doc, ENTITY, { by: 'bob', at: NOW });
    team.set({ viewers: ['bob'] });
    expect(await ask({ type: 'team:entity', entityKey: KEY })).toMatchObject({
      ok: true,
      viewers: ['bob'],
      record: { key: KEY, ok: true, value: { name: ENTITY.name, updatedBy: 'bob', status: null } },
    });
  });

  it('answers a record that does not parse as invalid, with its problems', async () => {
    const { ask, team } = background();
    const bad = new Y.Map<unknown>();
    bad.set('name', ENTITY.name);
    bad.set('status', 'closed');
    team.doc.getMap(ENTITIES_MAP).set(KEY, bad);
    const answer = await ask({ type: 'team:entity', entityKey: KEY });
    expect(answer).toMatchObject({ ok: true, record: { key: KEY, ok: false } });
    expect((answer.record as { problems: string[] }).problems.join('\n')).toContain('status');
  });

  it('answers "not configured" and no record without a team', async () => {
    const { ask } = background({ state: 'not-configured' });
    expect(await ask({ type: 'team:entity', entityKey: KEY })).toMatchObject({
      ok: true,
      record: null,
      status: { state: 'not-configured', claims: null },
    });
  });
});

describe('team writes', () => {
  it("makes the record and changes each field, stamped with the token's user and the time", async () => {
    const { ask } = background();
    expect(await ask({ type: 'team:create', entity: ENTITY })).toMatchObject({
      ok: true,
      record: { key: KEY, ok: true, value: { updatedBy: 'alice', updatedAt: NOW, legalRepresentative: '张三' } },
    });
    expect(
      await ask({ type: 'team:update', entityKey: KEY, patch: { status: 'verifying', domain: 'FOOD', assignee: 'bob' } }),
    ).toMatchObject({ record: { value: { status: 'verifying', domain: 'FOOD', assignee: 'bob' } } });
    await ask({ type: 'team:tag-add', entityKey: KEY, tag: ' 冷链 ' });
    expect(await ask({ type: 'team:tag-add', entityKey: KEY, tag: '复查' })).toMatchObject({
      record: { value: { tags: ['冷链', '复查'] } },
    });
    expect(await ask({ type: 'team:tag-remove', entityKey: KEY, tag: '冷链' })).toMatchObject({ record: { value: { tags: ['复查'] } } });
    expect(await ask({ type: 'team:note-add', entityKey: KEY, id: 'n1', text: '  已约谈  ' })).toMatchObject({
      record: { value: { notes: [{ id: 'n1', author: 'alice', at: NOW, text: '已约谈' }] } },
    });
  });

  it('adds, corrects and removes a listing decision and sets and clears the report dates, each stamped by the user', async () => {
    const { ask, team } = background();
    await ask({ type: 'team:create', entity: ENTITY });
    const listing = { id: 'L1', decidedOn: '2026-03-05', domain: 'FOOD', decisionNo: '示市监列严〔2026〕1号' };
    expect(await ask({ type: 'team:listing-add', entityKey: KEY, listing })).toMatchObject({
      record: { value: { listings: [listing], updatedBy: 'alice' } },
    });
    const corrected = { ...listing, decidedOn: '2026-03-06', domain: 'QUALITY' };
    expect(await ask({ type: 'team:listing-update', entityKey: KEY, listing: corrected })).toMatchObject({
      record: { value: { listings: [corrected] } },
    });
    expect(await ask({ type: 'team:listing-update', entityKey: KEY, listing: { ...corrected, id: 'L2' } })).toMatchObject({ ok: false });
    expect(await ask({ type: 'team:listing-add', entityKey: KEY, listing: { ...listing, decidedOn: '2026-13-01' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message: /),
    });
    expect(
      await ask({
        type: 'team:update',
        entityKey: KEY,
        patch: { repeatOffenderPublicizedOn: '2026-04-01', typicalCaseExposedOn: '2026-05-01' },
      }),
    ).toMatchObject({ record: { value: { repeatOffenderPublicizedOn: '2026-04-01', typicalCaseExposedOn: '2026-05-01' } } });
    expect(await ask({ type: 'team:update', entityKey: KEY, patch: { typicalCaseExposedOn: null } })).toMatchObject({
      record: { value: { typicalCaseExposedOn: null } },
    });
    expect(await ask({ type: 'team:listing-remove', entityKey: KEY, id: 'L1' })).toMatchObject({ record: { value: { listings: [] } } });
    expect(readTeamEntities(team.doc)[0]).toMatchObject({
      value: { listings: [], repeatOffenderPublicizedOn: '2026-04-01', updatedBy: 'alice' },
    });
  });

  it('refuses a write the core refuses, with its problems, and a write to an entity the team has no record of', async () => {
    const { ask } = background();
    await ask({ type: 'team:create', entity: ENTITY });
    expect(await ask({ type: 'team:note-add', entityKey: KEY, id: 'n1', text: '   ' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('team:note-add failed: note: text:'),
    });
    expect(await ask({ type: 'team:tag-add', entityKey: 'name:无此主体', tag: 'x' })).toEqual({
      ok: false,
      error: 'team:tag-add failed: no team record for name:无此主体',
      key: 'team_error_write_refused',
      subs: [],
    });
    expect(await ask({ type: 'team:update', entityKey: KEY, patch: { status: 'closed' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message: /),
    });
  });

  it('refuses every write of a readonly user and writes nothing', async () => {
    const { ask, team } = background({ role: 'readonly' });
    ensureTeamEntity(team.doc, ENTITY, { by: 'bob', at: NOW });
    const before = Y.encodeStateAsUpdate(team.doc);
    for (const message of [
      { type: 'team:create', entity: { name: '示例市丙商贸有限公司' } },
      { type: 'team:update', entityKey: KEY, patch: { status: 'listed' } },
      { type: 'team:tag-add', entityKey: KEY, tag: 'x' },
      { type: 'team:tag-remove', entityKey: KEY, tag: 'x' },
      { type: 'team:note-add', entityKey: KEY, id: 'n1', text: 'x' },
      { type: 'team:listing-add', entityKey: KEY, listing: { id: 'L1', decidedOn: '2026-03-05', domain: 'FOOD', decisionNo: '1' } },
      { type: 'team:listing-update', entityKey: KEY, listing: { id: 'L1', decidedOn: '2026-03-05', domain: 'FOOD', decisionNo: '1' } },
      { type: 'team:listing-remove', entityKey: KEY, id: 'L1' },
    ]) {
      expect(await ask(message)).toEqual({
        ok: false,
        error: `${message.type} failed: read-only: alice may read the team record but not change it`,
        key: 'team_error_readonly',
        subs: ['alice'],
      });
    }
    expect(Y.encodeStateAsUpdate(team.doc)).toEqual(before);
  });

  it('refuses writes without a team', async () => {
    const { ask } = background({ state: 'not-configured' });
    expect(await ask({ type: 'team:create', entity: ENTITY })).toEqual({
      ok: false,
      error: 'team:create failed: no team server is configured',
      key: 'team_error_not_configured',
      subs: [],
    });
  });
});

describe('private notes stay private', () => {
  const note = (id: string, text: string, editedAt = NOW) => ({ id, entityKey: KEY, text, tags: ['保密'], createdAt: NOW, editedAt });

  it('saving, editing and deleting private notes leaves the team document empty', async () => {
    const { ask, team } = background();
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    await ask({ type: 'notes:save', note: note('p1', '私人笔记：线人电话 138…') });
    await ask({ type: 'notes:save', note: note('p1', '私人笔记（改）', '2024-07-01T09:00:00.000Z') });
    await ask({ type: 'notes:save', note: note('p2', '另一条') });
    await ask({ type: 'notes:delete', id: 'p2' });
    await ask({ type: 'team:entity', entityKey: KEY });
    expect(readTeamEntities(team.doc)).toEqual([]);
    expect(Y.encodeStateAsUpdate(team.doc)).toEqual(empty);
  });

  it('分享给团队 copies that one note into the team notes (making the record if needed), once per version', async () => {
    const { ask, team } = background();
    await ask({ type: 'notes:save', note: note('p1', '  现场检查：冷库温度不达标 ') });
    await ask({ type: 'notes:save', note: note('p2', '不分享的这条') });
    const shared = await ask({ type: 'team:note-share', noteId: 'p1', entity: ENTITY });
    expect(shared).toMatchObject({
      ok: true,
      record: {
        ok: true,
        value: { name: ENTITY.name, notes: [{ id: `p1@${NOW}`, author: 'alice', text: '现场检查：冷库温度不达标' }], tags: [] },
      },
    });
    await ask({ type: 'team:note-share', noteId: 'p1', entity: ENTITY });
    const [record] = readTeamEntities(team.doc);
    expect(record?.ok && record.value.notes.map((n) => n.text)).toEqual(['现场检查：冷库温度不达标']);
    expect(JSON.stringify(team.doc.getMap(ENTITIES_MAP).toJSON())).not.toContain('不分享');
  });

  it('refuses to share a note under another entity, an unknown note, or as a readonly user', async () => {
    const { ask, team } = background();
    await ask({ type: 'notes:save', note: note('p1', '笔记') });
    expect(await ask({ type: 'team:note-share', noteId: 'p1', entity: { name: '示例市丙商贸有限公司' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining(`the note belongs to ${KEY}`),
    });
    expect(await ask({ type: 'team:note-share', noteId: 'nope', entity: ENTITY })).toEqual({
      ok: false,
      error: 'team:note-share failed: no private note nope',
      key: 'team_error_no_note',
      subs: [],
    });
    team.set({ role: 'readonly' });
    expect(await ask({ type: 'team:note-share', noteId: 'p1', entity: ENTITY })).toMatchObject({
      ok: false,
      error: expect.stringContaining('read-only'),
    });
    expect(readTeamEntities(team.doc).filter((r) => r.ok && r.value.notes.length > 0)).toEqual([]);
  });
});

describe('team:lookup and configuration', () => {
  it('searches the team document, and finds nothing without a team', async () => {
    const { ask, team } = background();
    ensureTeamEntity(team.doc, ENTITY, { by: 'bob', at: NOW });
    expect(await ask({ type: 'team:lookup', query: '张三' })).toMatchObject({
      ok: true,
      hits: [{ key: KEY, value: { name: ENTITY.name } }],
    });
    team.set({ state: 'not-configured' });
    expect(await ask({ type: 'team:lookup', query: '张三' })).toMatchObject({ ok: true, hits: [] });
  });

  it('passes configure and disconnect to the team service', async () => {
    const { ask, team } = background({ state: 'not-configured' });
    expect(await ask({ type: 'team:configure', server: 'ws://127.0.0.1:1234', token: 'a.b.c' })).toMatchObject({
      ok: true,
      configured: true,
      status: { state: 'connecting' },
    });
    expect(team.configured).toEqual([{ server: 'ws://127.0.0.1:1234', token: 'a.b.c' }]);
    expect(await ask({ type: 'team:disconnect' })).toMatchObject({ ok: true, status: { state: 'not-configured' } });
  });
});

describe('which entity each tab shows', () => {
  it("is taken from the content script's snapshot and badge messages, and from the team panel's polling", async () => {
    const team = testTeam();
    const handle = router(handlersFor(new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange }), undefined, team));
    await handle({ type: 'team:entity', entityKey: KEY }, { tabId: 4, extensionPage: true });
    expect([...team.tabs]).toEqual([[4, KEY]]);
    await handle({ type: 'badge:clear' }, { tabId: 4, extensionPage: false });
    expect([...team.tabs]).toEqual([]);
  });

  it('is forgotten, and the badge set to "?", when the tab shows an entity page that could not be read', async () => {
    const team = testTeam();
    const badges: unknown[] = [];
    const env = {
      now: () => NOW,
      setBadge: async (tabId: number, seen: unknown) => void badges.push([tabId, seen]),
      afterSave: async () => {},
    };
    const handle = router(handlersFor(new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange }), env, team));
    await handle({ type: 'team:entity', entityKey: KEY }, { tabId: 4, extensionPage: true });
    expect(await handle({ type: 'badge:unknown' }, { tabId: 4, extensionPage: false })).toEqual({ ok: true });
    expect([...team.tabs]).toEqual([]);
    expect(badges).toEqual([[4, 'unknown']]);
  });

  it('refuses every team message from a content script', async () => {
    const team = testTeam();
    ensureTeamEntity(team.doc, ENTITY, { by: 'bob', at: NOW });
    const handle = router(handlersFor(new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange }), undefined, team));
    for (const message of [
      { type: 'team:entity', entityKey: KEY },
      { type: 'team:lookup', query: '示例' },
      { type: 'team:status' },
      { type: 'team:note-add', entityKey: KEY, id: 'x', text: 'x' },
    ]) {
      expect(await handle(message, { tabId: 4, extensionPage: false })).toEqual({
        ok: false,
        error: `${message.type} refused: content scripts may not ask for it`,
        key: 'error_refused',
      });
    }
  });
});
