// @vitest-environment happy-dom
/**
 * The notes frame's team panel against a real background (router + handlers over fake-indexeddb) and an in-memory
 * team document: not configured, 加入团队台账, each field edited, changes by others appearing by themselves, who else
 * is looking, 只读 with every control disabled, a record that does not parse, the connection, and 分享给团队.
 */
import * as Y from 'yjs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addTeamNote, ENTITIES_MAP, ensureTeamEntity, readTeamEntity } from '#core';
import { testTeam } from '../sync/test-team.ts';
import { entityRefOf, NotesFrame } from './NotesFrame.tsx';
import { localBackground, NOW } from './test-helpers.ts';

afterEach(cleanup);

const KEY = '91330106MA27QX8BXF';
const NAME = '示例市鲜味坊食品有限公司';

function mount(options: Parameters<typeof testTeam>[0] = {}) {
  const team = testTeam(options);
  const background = localBackground(team);
  let ids = 0;
  render(<NotesFrame transport={background.transport} entity={entityRefOf({ key: KEY, name: NAME, rep: '张三' })} pollMs={20}
    now={() => NOW} newId={() => `id${++ids}`} />);
  return { ...background, team };
}

const record = (doc: Y.Doc) => {
  const read = readTeamEntity(doc, KEY);
  if (!read?.ok) throw new Error('no valid record');
  return read.value;
};
const panel = () => within(screen.getByTestId('team-panel'));

describe('team panel', () => {
  it('says how to join a team when none is configured, and offers no sharing', async () => {
    mount({ state: 'not-configured' });
    expect(await panel().findByText('在信用透镜设置页填写团队服务器地址和令牌后，可与同事共享对该主体的标注。')).toBeTruthy();
    expect(panel().getByTestId('team-connection').textContent).toBe('未连接团队服务器');
    expect(screen.queryByTestId('team-create')).toBeNull();
  });

  it('adds the entity to the team record, then sets status, domain, assignee, tags and a note, each stamped by the user', async () => {
    const { team } = mount();
    expect(await panel().findByText('团队台账中还没有该主体。')).toBeTruthy();
    fireEvent.click(panel().getByTestId('team-create'));
    await panel().findByTestId('team-record');
    expect(record(team.doc)).toMatchObject({ name: NAME, uscc: KEY, legalRepresentative: '张三', updatedBy: 'alice' });

    fireEvent.change(panel().getByTestId('team-status'), { target: { value: 'verifying' } });
    await waitFor(() => expect(record(team.doc).status).toBe('verifying'));
    await waitFor(() => expect((panel().getByTestId('team-status') as HTMLSelectElement).value).toBe('verifying'));
    expect(within(panel().getByTestId('team-status')).getByRole('option', { name: '核查中' })).toBeTruthy();
    fireEvent.change(panel().getByTestId('team-domain'), { target: { value: 'FOOD' } });
    await waitFor(() => expect(record(team.doc).domain).toBe('FOOD'));
    fireEvent.click(panel().getByTestId('team-assign-me'));
    await waitFor(() => expect(record(team.doc).assignee).toBe('alice'));

    fireEvent.change(panel().getByTestId('team-tag-input'), { target: { value: '冷链' } });
    fireEvent.click(panel().getByTestId('team-tag-add'));
    await waitFor(() => expect(panel().getAllByTestId('team-tag').map((tag) => tag.firstChild?.textContent)).toEqual(['冷链']));
    fireEvent.click(panel().getByLabelText('删除标签“冷链”'));
    await waitFor(() => expect(record(team.doc).tags).toEqual([]));

    fireEvent.change(panel().getByTestId('team-note-text'), { target: { value: '已电话约谈负责人' } });
    fireEvent.click(panel().getByTestId('team-note-add'));
    const note = await panel().findByTestId('team-note');
    expect(note.textContent).toContain('已电话约谈负责人');
    expect(note.textContent).toContain('alice');
    expect((panel().getByTestId('team-note-text') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows changes made by others, and who else is looking, without being asked', async () => {
    const { team } = mount();
    await panel().findByTestId('team-create');
    ensureTeamEntity(team.doc, { name: NAME, uscc: KEY }, { by: 'bob', at: NOW });
    addTeamNote(team.doc, KEY, { id: 'b1', text: '<b>现场</b>检查发现过期原料' }, { by: 'bob', at: NOW });
    team.set({ viewers: ['bob', 'carol'] });
    const note = await panel().findByTestId('team-note');
    // Other people's text is text: the markup is shown, not applied.
    expect(note.querySelector('b')).toBeNull();
    expect(note.textContent).toContain('<b>现场</b>检查发现过期原料');
    expect((await panel().findByTestId('team-viewers')).textContent).toBe('同时在看：bob、carol');
  });

  it('shows 只读 and disables every control for a readonly token', async () => {
    const { team, sent } = mount({ role: 'readonly' });
    ensureTeamEntity(team.doc, { name: NAME, uscc: KEY }, { by: 'bob', at: NOW });
    await panel().findByTestId('team-record');
    expect(panel().getByTestId('team-readonly').textContent).toBe('只读');
    for (const id of ['team-status', 'team-domain', 'team-assignee', 'team-assign-me', 'team-tag-input', 'team-tag-add', 'team-note-text', 'team-note-add']) {
      expect((panel().getByTestId(id) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(sent.filter((m) => /^team:(create|update|tag|note)/.test((m as { type: string }).type))).toEqual([]);
  });

  it('shows a record that does not parse as invalid, with its problems', async () => {
    const { team } = mount();
    const bad = new Y.Map<unknown>();
    bad.set('name', NAME);
    team.doc.getMap(ENTITIES_MAP).set(KEY, bad);
    const invalid = await panel().findByTestId('team-invalid');
    expect(invalid.textContent).toContain('团队记录无法读取');
    expect(invalid.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(screen.queryByTestId('team-record')).toBeNull();
  });

  it('shows the connection as it changes, and why the server closed it', async () => {
    const { team } = mount();
    await waitFor(() => expect(panel().getByTestId('team-connection').textContent).toBe('已连接'));
    team.set({ state: 'offline' });
    await waitFor(() => expect(panel().getByTestId('team-connection').textContent).toBe('离线：修改先保存在本机，恢复连接后自动同步'));
    team.set({ state: 'offline', detail: '4401 token revoked' });
    await waitFor(() => expect(panel().getByTestId('team-detail').textContent).toBe('服务器最近一次断开的原因：4401 token revoked'));
    team.set({ state: 'token-expired' });
    await waitFor(() => expect(panel().getByTestId('team-connection').dataset.state).toBe('token-expired'));
  });
});

describe('分享给团队', () => {
  it('copies that private note into the team notes; the other private notes stay private', async () => {
    const { team } = mount();
    for (const [i, text] of ['不分享的私人笔记', '现场检查：冷库温度不达标'].entries()) {
      fireEvent.change(await screen.findByTestId('note-text'), { target: { value: text } });
      fireEvent.click(screen.getByTestId('note-save'));
      await waitFor(() => expect(screen.queryAllByTestId('note-item')).toHaveLength(i + 1));
    }
    const item = screen.getAllByTestId('note-item').find((li) => li.textContent?.includes('冷库'));
    if (!item) throw new Error('note not listed');
    fireEvent.click(within(item).getByTestId('note-share'));
    expect((await panel().findByTestId('team-note')).textContent).toContain('现场检查：冷库温度不达标');
    expect(screen.getByTestId('notes-status').textContent).toBe('已分享给团队');
    expect(record(team.doc).notes.map((n) => n.text)).toEqual(['现场检查：冷库温度不达标']);
  });

  it('is disabled for a readonly token', async () => {
    mount({ role: 'readonly' });
    fireEvent.change(await screen.findByTestId('note-text'), { target: { value: '私人笔记' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect((screen.getByTestId('note-share') as HTMLButtonElement).disabled).toBe(true));
  });
});

it('reads the entity from the frame\'s address: the code unless the key is a name key, the legal representative if given', () => {
  expect(entityRefOf({ key: KEY, name: NAME, rep: '' })).toEqual({ key: KEY, name: NAME, uscc: KEY });
  expect(entityRefOf({ key: `name:${NAME}`, name: NAME, rep: '张三' })).toEqual({ key: `name:${NAME}`, name: NAME, legalRepresentative: '张三' });
});
