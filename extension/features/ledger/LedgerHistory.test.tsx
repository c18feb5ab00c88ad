// @vitest-environment happy-dom
/**
 * 修改记录 in the ledger's detail pane, against a real background (router + handlers) whose team answers the server's
 * history: newest first, in 北京时间, the user as the server recorded it, what changed in Chinese and never an internal
 * id; a forged signature shown with 由服务器记录为 beside the record's own and the entry's claim; 未连接团队服务器
 * without a team; 无法读取修改记录（原因） when the server cannot answer.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, TeamEntity } from '#core';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import { UserError } from '../../ui/errors.ts';
import { LedgerDetail } from './LedgerDetail.tsx';
import { localBackground } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const KEY = '91330100MA00000001';
const ENTITY: TeamEntity = {
  name: '甲食品有限公司',
  uscc: KEY,
  legalRepresentative: null,
  status: 'case-filed',
  domain: 'FOOD',
  assignee: 'alice',
  tags: [],
  notes: [{ id: 'forged-1', author: 'alice', at: '2020-01-01T00:00:00.000Z', text: '已核实' }],
  listings: [],
  repeatOffenderPublicizedOn: null,
  typicalCaseExposedOn: null,
  updatedAt: '2020-01-01T00:00:00.000Z',
  updatedBy: 'alice',
};
const HISTORY: HistoryEntry[] = [
  {
    at: '2026-11-30T02:05:09.000Z',
    user: 'mallory',
    fields: ['notes'],
    notesAdded: 1,
    claimedBy: 'alice',
    claimedAt: '2020-01-01T00:00:00.000Z',
  },
  { at: '2026-11-30T02:05:08.000Z', user: 'mallory', fields: ['status', 'assignee', 'tags'], notesAdded: 0, claimedBy: 'alice' },
  { at: '2026-11-29T16:00:00.000Z', user: 'alice', fields: ['created', 'name', 'uscc'], notesAdded: 0 },
];

function show(team = testTeam()) {
  const background = localBackground(team);
  const row = { key: KEY, entity: ENTITY, updatedOn: '2020-01-01', search: '' };
  render(
    <LedgerDetail
      transport={background.transport}
      row={row}
      openUrl={() => {}}
      onClose={() => {}}
      readonly={false}
      newId={() => 'id'}
      onWritten={() => {}}
    />,
  );
  return background;
}

describe('修改记录 in the ledger detail', () => {
  it("lists the server's entries newest first, in 北京时间, with what changed in Chinese and the claims beside", async () => {
    const team = testTeam();
    team.set({ history: HISTORY });
    const { sent } = show(team);
    const entries = await screen.findAllByTestId('ledger-history-entry');
    expect(sent).toContainEqual({ type: 'ledger:history', entityKey: KEY });
    expect(within(screen.getByTestId('ledger-history')).getByRole('heading').textContent).toBe('修改记录');
    expect(entries.map((e) => within(e).getByTestId('ledger-history-user').textContent)).toEqual(['mallory', 'mallory', 'alice']);
    expect(entries[0]!.textContent).toContain('2026-11-30 10:05:09（北京时间） · mallory');
    expect(entries[0]!.textContent).toContain('新增笔记 1 条');
    expect(within(entries[0]!).getByTestId('ledger-history-claim').textContent).toBe(
      '署名为 alice，由服务器记录为 mallory；自报时间 2020-01-01 08:00:00（北京时间）',
    );
    expect(entries[1]!.textContent).toContain('修改：状态、负责人、标签');
    expect(within(entries[1]!).getByTestId('ledger-history-claim').textContent).toBe('署名为 alice，由服务器记录为 mallory');
    // Midnight in Beijing is the day after in UTC's evening.
    expect(entries[2]!.textContent).toContain('2026-11-30 00:00:00（北京时间） · alice');
    expect(entries[2]!.textContent).toContain('修改：新建记录、主体名称、统一社会信用代码');
    expect(within(entries[2]!).queryByTestId('ledger-history-claim')).toBeNull();
    // The record says alice wrote last; the server recorded mallory: said beside the record's own line.
    expect(screen.getByTestId('ledger-recorded-as').textContent).toBe(' 由服务器记录为 mallory');
    // No internal ids (the note's, the field names) in the list.
    expect(screen.getByTestId('ledger-history').textContent).not.toMatch(/forged-1|assignee|notesAdded|claimedBy/);
  });

  it('says nothing beside the record when the server agrees, and when it has nothing recorded says so', async () => {
    const team = testTeam();
    team.set({ history: [] });
    show(team);
    expect((await screen.findByText('服务器暂无此记录的修改记录')).tagName).toBe('P');
    expect(screen.queryByTestId('ledger-recorded-as')).toBeNull();
  });

  it('未连接团队服务器 without a team; 无法读取修改记录（原因） when the server cannot answer', async () => {
    show(testTeam({ state: 'not-configured' }));
    expect(await screen.findByText('未连接团队服务器')).toBeTruthy();
    cleanup();
    const team = testTeam();
    team.set({ history: new UserError('team_history_unreachable', [], 'server not reachable (ws://127.0.0.1:1234: fetch failed)') });
    show(team);
    expect((await screen.findByRole('alert')).textContent).toBe('无法读取修改记录（无法连接团队服务器）');
  });
});
