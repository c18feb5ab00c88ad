// @vitest-environment happy-dom
/**
 * What the 工作情况表 counts, recorded through the notes frame's team panel against a real background and an
 * in-memory team document: a listing decision added (domain prefilled from the entity's), corrected and removed, the
 * two report dates set and cleared, each write stamped by the user; 已列入 without a decision asks for one and may be
 * skipped; a click a script made writes nothing; 只读 disables it all.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureTeamEntity, readTeamEntity, updateTeamEntity } from '#core';
import { testTeam } from '../../test/support/extension/test-team.ts';
import { entityRefOf, NotesFrame } from '../entrypoints/notes/NotesFrame.tsx';
import { localBackground, NOW, OPEN_FRAME, trusted } from '../../test/support/extension/background.ts';

afterEach(cleanup);

const KEY = '91330106MA27QX8BXF';
const NAME = '示例市鲜味坊食品有限公司';

function mount(options: Parameters<typeof testTeam>[0] = {}) {
  const team = testTeam(options);
  ensureTeamEntity(team.doc, { name: NAME, uscc: KEY }, { by: 'bob', at: NOW });
  updateTeamEntity(team.doc, KEY, { domain: 'FOOD' }, { by: 'bob', at: NOW });
  const background = localBackground(team);
  let ids = 0;
  render(
    <NotesFrame
      transport={background.transport}
      entity={entityRefOf({ key: KEY, name: NAME, rep: '张三' })}
      pollMs={20}
      now={() => NOW}
      newId={() => `id${++ids}`}
      guard={OPEN_FRAME}
    />,
  );
  return team;
}

const record = (doc: Y.Doc) => {
  const read = readTeamEntity(doc, KEY);
  if (!read?.ok) throw new Error('no valid record');
  return read.value;
};
const facts = () => within(screen.getByTestId('report-facts'));

describe('the 工作情况表 facts in the team panel', () => {
  it('adds, corrects and removes a decision and sets and clears both dates, each stamped by the user', async () => {
    const team = mount();
    await screen.findByTestId('report-facts');
    expect(facts().getByTestId('listing-none').textContent).toBe('尚未录入列入严重违法失信名单决定。');

    trusted.click(facts().getByTestId('listing-add-open'));
    expect((facts().getByTestId('listing-domain') as HTMLSelectElement).value).toBe('FOOD');
    // Without a number nothing is sent.
    fireEvent.change(facts().getByTestId('listing-date'), { target: { value: '2026-03-05' } });
    trusted.click(facts().getByTestId('listing-save'));
    expect(facts().getByTestId('listing-problem').textContent).toBe('请填写决定书文号和决定日期。');
    fireEvent.change(facts().getByTestId('listing-no'), { target: { value: ' 示市监列严〔2026〕1号 ' } });
    trusted.click(facts().getByTestId('listing-save'));
    await waitFor(() =>
      expect(record(team.doc).listings).toEqual([
        { id: 'id1', decisionNo: '示市监列严〔2026〕1号', decidedOn: '2026-03-05', domain: 'FOOD' },
      ]),
    );
    expect(record(team.doc).updatedBy).toBe('alice');
    await waitFor(() => expect(facts().getByTestId('listing-text').textContent).toBe('2026-03-05 示市监列严〔2026〕1号 · 食品'));
    expect(facts().queryByTestId('listing-form')).toBeNull();

    trusted.click(facts().getByTestId('listing-edit'));
    fireEvent.change(facts().getByTestId('listing-date'), { target: { value: '2026-03-06' } });
    fireEvent.change(facts().getByTestId('listing-domain'), { target: { value: 'QUALITY' } });
    trusted.click(facts().getByTestId('listing-save'));
    await waitFor(() =>
      expect(record(team.doc).listings).toEqual([
        { id: 'id1', decisionNo: '示市监列严〔2026〕1号', decidedOn: '2026-03-06', domain: 'QUALITY' },
      ]),
    );

    fireEvent.change(facts().getByTestId('facts-publicized-input'), { target: { value: '2026-04-01' } });
    trusted.click(facts().getByTestId('facts-publicized-set'));
    await waitFor(() => expect(record(team.doc).repeatOffenderPublicizedOn).toBe('2026-04-01'));
    fireEvent.change(facts().getByTestId('facts-exposed-input'), { target: { value: '2026-05-20' } });
    trusted.click(facts().getByTestId('facts-exposed-set'));
    await waitFor(() => expect(record(team.doc).typicalCaseExposedOn).toBe('2026-05-20'));
    await waitFor(() => expect(facts().getByTestId('facts-exposed-value').textContent).toBe('2026-05-20'));
    trusted.click(facts().getByTestId('facts-exposed-clear'));
    await waitFor(() => expect(record(team.doc).typicalCaseExposedOn).toBeNull());

    trusted.click(facts().getByLabelText('删除决定“示市监列严〔2026〕1号”'));
    await waitFor(() => expect(record(team.doc).listings).toEqual([]));
    expect(record(team.doc).repeatOffenderPublicizedOn).toBe('2026-04-01');
  });

  it('asks for a decision once the status is 已列入 without one; it may be skipped, and a decision ends the question', async () => {
    const team = mount();
    await screen.findByTestId('report-facts');
    expect(screen.queryByTestId('listing-missing')).toBeNull();
    trusted.change(screen.getByTestId('team-status'), { target: { value: 'listed' } });
    const prompt = await screen.findByTestId('listing-missing');
    expect(prompt.textContent).toContain('还没有录入列入严重违法失信名单决定');
    trusted.click(within(prompt).getByTestId('listing-missing-skip'));
    await waitFor(() => expect(screen.queryByTestId('listing-missing')).toBeNull());
    expect(record(team.doc)).toMatchObject({ status: 'listed', listings: [] });

    cleanup();
    const again = mount();
    updateTeamEntity(again.doc, KEY, { status: 'listed' }, { by: 'bob', at: NOW });
    const asked = await screen.findByTestId('listing-missing');
    fireEvent.change(within(asked).getByTestId('listing-no'), { target: { value: '示市监列严〔2026〕9号' } });
    fireEvent.change(within(asked).getByTestId('listing-date'), { target: { value: '2026-06-30' } });
    trusted.click(within(asked).getByTestId('listing-save'));
    await waitFor(() =>
      expect(record(again.doc).listings).toMatchObject([{ decisionNo: '示市监列严〔2026〕9号', decidedOn: '2026-06-30', domain: 'FOOD' }]),
    );
    await waitFor(() => expect(screen.queryByTestId('listing-missing')).toBeNull());
  });

  it('writes nothing for a click a script made, and disables every control for 只读', async () => {
    const team = mount();
    await screen.findByTestId('report-facts');
    fireEvent.change(facts().getByTestId('facts-publicized-input'), { target: { value: '2026-04-01' } });
    fireEvent.click(facts().getByTestId('facts-publicized-set'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(record(team.doc).repeatOffenderPublicizedOn).toBeNull();

    cleanup();
    mount({ role: 'readonly' });
    await screen.findByTestId('report-facts');
    for (const id of ['listing-add-open', 'facts-publicized-input', 'facts-publicized-set', 'facts-exposed-clear']) {
      expect((facts().getByTestId(id) as HTMLButtonElement).disabled).toBe(true);
    }
  });
});
