/**
 * The ledger:* messages against a real router and handlers over fake-indexeddb and an in-memory team document: the
 * list a page at a time (pages fit together, invalid records included as invalid, the version moves with a change),
 * what this computer saw of each entity, bulk status in one transaction (invalid and unknown records skipped), the
 * clue import (bad rows reported with row and reason, the good ones written in one transaction), readonly refused
 * with nothing written, and no ledger message for a content script.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ENTITIES_MAP, ensureTeamEntity, readTeamEntities, readTeamEntity } from '#core';
import { CLEAN, LISTED, localBackground, NOW, REPEAT_OFFENDER, seed } from '../../test/support/extension/background.ts';
import { testTeam } from '../../test/support/extension/test-team.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';

function background(options: Parameters<typeof testTeam>[0] = {}) {
  const team = testTeam(options);
  const local = localBackground(team);
  const ask = (message: object) => local.transport(message) as Promise<Record<string, unknown>>;
  return { ...local, team, ask };
}

const EDIT = { by: 'bob', at: NOW };
const codes = ['91330100MA00000001', '91330100MA00000002', '91330100MA00000003', '91330100MA00000004'];

function seeded(doc: Y.Doc): void {
  codes.forEach((uscc, i) => ensureTeamEntity(doc, { name: `主体${i}`, uscc }, EDIT));
  const broken = new Y.Map<unknown>();
  broken.set('name', 42);
  doc.getMap(ENTITIES_MAP).set('91330100MA00000009', broken);
}

describe('ledger:list', () => {
  it('answers the records a page at a time, in key order, invalid ones with their problems', async () => {
    const { ask, team } = background();
    seeded(team.doc);
    const first = await ask({ type: 'ledger:list', offset: 0, limit: 2 });
    const rest = await ask({ type: 'ledger:list', offset: 2, limit: 2 });
    const last = await ask({ type: 'ledger:list', offset: 4, limit: 2 });
    expect(first).toMatchObject({ ok: true, total: 5, status: { state: 'connected' } });
    const all = [first, rest, last].flatMap((page) => page.records as Array<{ key: string }>);
    expect(all).toEqual(readTeamEntities(team.doc));
    expect(all.at(-1)).toMatchObject({
      key: '91330100MA00000009',
      ok: false,
      problems: expect.arrayContaining([expect.stringContaining('name:')]),
    });
    expect(rest.version).toBe(first.version);
    ensureTeamEntity(team.doc, { name: '新主体', uscc: '91330100MA00000005' }, EDIT);
    expect((await ask({ type: 'ledger:list', offset: 0, limit: 1 })).version).not.toBe(first.version);
  });

  it('answers an empty list without a team', async () => {
    const { ask } = background({ state: 'not-configured' });
    expect(await ask({ type: 'ledger:list', offset: 0, limit: 10 })).toMatchObject({
      ok: true,
      total: 0,
      records: [],
      status: { state: 'not-configured' },
    });
  });
});

describe('ledger:seen and ledger:snapshot', () => {
  it("summarise the latest snapshot of each entity seen, and answer one entity's latest snapshot", async () => {
    const { ask, db } = background();
    await seed(db, REPEAT_OFFENDER, '2024-06-01T08:00:00.000Z', 'https://www.gsxt.gov.cn/old.html');
    await seed(db, REPEAT_OFFENDER, '2024-06-30T08:00:00.000Z', 'https://www.gsxt.gov.cn/new.html');
    await seed(db, LISTED, '2024-06-10T08:00:00.000Z');
    const { seen } = (await ask({ type: 'ledger:seen' })) as {
      seen: Array<{ entityKey: string; url: string; serious: string; penalties: unknown[] }>;
    };
    expect(seen).toHaveLength(2);
    const repeat = seen.find((s) => s.url.endsWith('new.html'));
    expect(repeat?.penalties).toHaveLength(REPEAT_OFFENDER.penalties.length);
    expect(repeat?.penalties[0]).toEqual({ month: REPEAT_OFFENDER.penalties[0]!.decisionDate.slice(0, 7), domain: expect.any(String) });
    expect(seen.find((s) => s.serious === 'listed')).toBeTruthy();
    const key = repeat!.entityKey;
    expect(await ask({ type: 'ledger:snapshot', entityKey: key })).toMatchObject({
      ok: true,
      snapshot: { url: 'https://www.gsxt.gov.cn/new.html' },
    });
    expect(await ask({ type: 'ledger:snapshot', entityKey: CLEAN.entity.uscc! })).toEqual({ ok: true, snapshot: null });
  });
});

describe('ledger:bulk-status', () => {
  it('sets the status of many records in one transaction, stamped by the user; invalid and unknown records are skipped', async () => {
    const { ask, team } = background();
    seeded(team.doc);
    let transactions = 0;
    team.doc.on('afterTransaction', () => transactions++);
    const answer = await ask({
      type: 'ledger:bulk-status',
      entityKeys: [codes[0], codes[2], codes[2], '91330100MA00000009', 'name:无此主体'],
      status: 'case-filed',
    });
    expect(answer).toEqual({ ok: true, updated: 2, skipped: ['91330100MA00000009', 'name:无此主体'] });
    expect(transactions).toBe(1);
    const statuses = readTeamEntities(team.doc).map((r) => r.ok && [r.value.status, r.value.updatedBy]);
    expect(statuses).toEqual([['case-filed', 'alice'], [null, 'bob'], ['case-filed', 'alice'], [null, 'bob'], false]);
    expect(await ask({ type: 'ledger:bulk-status', entityKeys: [codes[0]], status: null })).toMatchObject({ updated: 1 });
    expect(readTeamEntity(team.doc, codes[0]!)).toMatchObject({ value: { status: null } });
  });

  it('refuses a readonly user and writes nothing', async () => {
    const { ask, team } = background({ role: 'readonly' });
    seeded(team.doc);
    const before = Y.encodeStateAsUpdate(team.doc);
    expect(await ask({ type: 'ledger:bulk-status', entityKeys: codes, status: 'listed' })).toEqual({
      ok: false,
      error: 'ledger:bulk-status failed: read-only: alice may read the team record but not change it',
      key: 'team_error_readonly',
      subs: ['alice'],
    });
    expect(Y.encodeStateAsUpdate(team.doc)).toEqual(before);
  });
});

describe('ledger:bulk-date', () => {
  it('marks 集中公示 or 典型案例曝光 on many records in one transaction, and clears it; readonly refused', async () => {
    const { ask, team } = background();
    seeded(team.doc);
    let transactions = 0;
    team.doc.on('afterTransaction', () => transactions++);
    const answer = await ask({
      type: 'ledger:bulk-date',
      entityKeys: [codes[1], codes[3], '91330100MA00000009'],
      field: 'typicalCaseExposedOn',
      date: '2026-06-01',
    });
    expect(answer).toEqual({ ok: true, updated: 2, skipped: ['91330100MA00000009'] });
    expect(transactions).toBe(1);
    const dates = readTeamEntities(team.doc).map(
      (r) => r.ok && [r.value.typicalCaseExposedOn, r.value.repeatOffenderPublicizedOn, r.value.updatedBy],
    );
    expect(dates).toEqual([[null, null, 'bob'], ['2026-06-01', null, 'alice'], [null, null, 'bob'], ['2026-06-01', null, 'alice'], false]);
    await ask({ type: 'ledger:bulk-date', entityKeys: [codes[1]], field: 'typicalCaseExposedOn', date: null });
    expect(readTeamEntity(team.doc, codes[1]!)).toMatchObject({ value: { typicalCaseExposedOn: null } });
    expect(
      await ask({ type: 'ledger:bulk-date', entityKeys: [codes[1]], field: 'repeatOffenderPublicizedOn', date: '2026-02-30' }),
    ).toMatchObject({ ok: false });

    const reader = background({ role: 'readonly' });
    seeded(reader.team.doc);
    const before = Y.encodeStateAsUpdate(reader.team.doc);
    expect(
      await reader.ask({ type: 'ledger:bulk-date', entityKeys: codes, field: 'repeatOffenderPublicizedOn', date: '2026-06-01' }),
    ).toEqual({
      ok: false,
      error: 'ledger:bulk-date failed: read-only: alice may read the team record but not change it',
      key: 'team_error_readonly',
      subs: ['alice'],
    });
    expect(Y.encodeStateAsUpdate(reader.team.doc)).toEqual(before);
  });
});

describe('ledger:import', () => {
  // 名称, 代码, 状态, 领域, 承办人, 标签, 备注
  const mapping = { name: 0, uscc: 1, status: 2, domain: 3, assignee: 4, tags: 5, note: 6 };
  const rows = [
    ['示例市鲜味坊食品有限公司', '91330106MA27QX8BXF', '核查中', '食品安全', 'wang', '重点，冷链', '群众举报'],
    ['', '91330100MA00000001', null, null, null, null, null],
    ['坏代码公司', '12345', null, null, null, null, null],
    ['某某商行', null, 'clue', 'OTHER', null, null, null],
    ['坏状态公司', null, '搁置', null, '王 五', null, null],
  ];

  it('reports bad rows with their row number and reason and writes the good ones in one transaction', async () => {
    const { ask, team } = background();
    let transactions = 0;
    team.doc.on('afterTransaction', () => transactions++);
    const answer = await ask({ type: 'ledger:import', importId: 'import-x', rows, mapping, firstRow: 2 });
    expect(answer).toEqual({
      ok: true,
      imported: 2,
      bad: [
        { row: 3, reason: '主体名称为空 (name is empty)' },
        { row: 4, reason: '统一社会信用代码无效 (USCC 12345: length)' },
        { row: 6, reason: '状态无法识别 (status "搁置")；承办人不是用户编号 (assignee "王 五")' },
      ],
    });
    expect(transactions).toBe(1);
    expect(readTeamEntities(team.doc).map((r) => r.ok && r.key)).toEqual(['91330106MA27QX8BXF', 'name:某某商行']);
    expect(readTeamEntity(team.doc, '91330106MA27QX8BXF')).toMatchObject({
      ok: true,
      value: {
        status: 'verifying',
        domain: 'FOOD',
        assignee: 'wang',
        tags: ['重点', '冷链'],
        updatedBy: 'alice',
        notes: [{ id: 'import-x-2', author: 'alice', text: '群众举报' }],
      },
    });
    expect(readTeamEntity(team.doc, 'name:坏状态公司')).toBeNull();
  });

  it('refuses a readonly user and writes nothing, and checks the message itself', async () => {
    const { ask, team } = background({ role: 'readonly' });
    expect(await ask({ type: 'ledger:import', importId: 'i', rows, mapping, firstRow: 2 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('read-only'),
    });
    expect(readTeamEntities(team.doc)).toEqual([]);
    expect(await ask({ type: 'ledger:import', importId: 'i', rows: [[1]], mapping, firstRow: 2 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message/),
    });
    expect(await ask({ type: 'ledger:import', importId: 'i', rows, mapping: { uscc: 1 }, firstRow: 2 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^invalid message/),
    });
  });
});

it('refuses every ledger message from a content script', async () => {
  const team = testTeam();
  const { db } = localBackground(team);
  const handle = router(handlersFor(db, undefined, team));
  for (const message of [
    { type: 'ledger:list', offset: 0, limit: 1 },
    { type: 'ledger:seen' },
    { type: 'ledger:bulk-status', entityKeys: ['x'], status: null },
  ]) {
    expect(await handle(message, { tabId: 1, extensionPage: false })).toEqual({
      ok: false,
      error: `${message.type} refused: content scripts may not ask for it`,
      key: 'error_refused',
    });
  }
});
