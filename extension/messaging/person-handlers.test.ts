/**
 * person:links: entities with a same-name legal representative that are listed — on the serious list as last seen
 * here (snapshots) or marked listed by the team — and never the entity itself; only extension pages may ask.
 */
import { describe, expect, it } from 'vitest';
import { ensureTeamEntity, updateTeamEntity } from '#core';
import { CLEAN, LISTED, NOW, localBackground, seed } from '../../test/support/extension/background.ts';
import { testTeam } from '../../test/support/extension/test-team.ts';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';

describe('person:links', () => {
  it('finds listed entities of a same-name legal representative in snapshots and in the team record', async () => {
    const team = testTeam();
    const { db, transport } = localBackground(team);
    // LISTED (on the serious list) has 李某某; a clean entity of the same person is the one on screen.
    await seed(db, LISTED, '2024-06-01T00:00:00.000Z');
    await seed(db, { ...CLEAN, entity: { ...CLEAN.entity, legalRepresentative: '李 某某' } }, '2024-06-02T00:00:00.000Z');
    ensureTeamEntity(
      team.doc,
      { name: '示例市丁贸易有限公司', uscc: '91330100MA00000009', legalRepresentative: '李某某' },
      { by: 'bob', at: NOW },
    );
    updateTeamEntity(team.doc, '91330100MA00000009', { status: 'listed' }, { by: 'bob', at: NOW });
    ensureTeamEntity(team.doc, { name: '示例市戊公司', uscc: '91330100MA00000010', legalRepresentative: '李某某' }, { by: 'bob', at: NOW });
    const answer = await transport({ type: 'person:links', entityKey: CLEAN.entity.uscc!, person: '李某某' });
    expect(answer).toEqual({
      ok: true,
      links: [
        // LISTED has no credit code: it is keyed by its name.
        { key: 'name:示例市丙商贸有限公司', name: '示例市丙商贸有限公司', seriousListed: true, teamListed: false },
        { key: '91330100MA00000009', name: '示例市丁贸易有限公司', seriousListed: false, teamListed: true },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    });
    // Nobody else of that name: nothing.
    expect(await transport({ type: 'person:links', entityKey: CLEAN.entity.uscc!, person: '王五' })).toEqual({ ok: true, links: [] });
  });

  it('is refused to content scripts', async () => {
    const { db } = localBackground();
    const handle = router(handlersFor(db, { now: () => NOW, setBadge: async () => {}, afterSave: async () => {} }));
    expect(await handle({ type: 'person:links', entityKey: 'x', person: '李某某' }, { extensionPage: false, tabId: 1 })).toEqual({
      ok: false,
      error: 'person:links refused: content scripts may not ask for it',
      key: 'error_refused',
    });
  });
});
