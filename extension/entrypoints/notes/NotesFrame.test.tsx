// @vitest-environment happy-dom
/**
 * The notes frame's team panel against a real background (router + handlers over fake-indexeddb) and an in-memory
 * team document: not configured, 加入团队台账, each field edited, changes by others appearing by themselves, who else
 * is looking, 只读 with every control disabled, a record that does not parse, the connection, and 分享给团队. Then
 * the frame's guard: nothing is written for a click a script made, from a frame not opened by the overlay, or from
 * one the user cannot see; sharing asks first, and without visibility tracking (Firefox) every write does.
 */
import * as Y from 'yjs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addTeamNote, ENTITIES_MAP, ensureTeamEntity, readTeamEntity } from '#core';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import type { GuardState } from '../../frames/WriteGuard.tsx';
import { entityRefOf, NotesFrame } from './NotesFrame.tsx';
import { localBackground, NOW, OPEN_FRAME, trusted } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const KEY = '91330106MA27QX8BXF';
const NAME = '示例市鲜味坊食品有限公司';

function mount(options: Parameters<typeof testTeam>[0] = {}, guard: GuardState = OPEN_FRAME) {
  const team = testTeam(options);
  const background = localBackground(team);
  let ids = 0;
  render(
    <NotesFrame
      transport={background.transport}
      entity={entityRefOf({ key: KEY, name: NAME, rep: '张三' })}
      pollMs={20}
      now={() => NOW}
      newId={() => `id${++ids}`}
      guard={guard}
    />,
  );
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
    trusted.click(panel().getByTestId('team-create'));
    await panel().findByTestId('team-record');
    expect(record(team.doc)).toMatchObject({ name: NAME, uscc: KEY, legalRepresentative: '张三', updatedBy: 'alice' });

    trusted.change(panel().getByTestId('team-status'), { target: { value: 'verifying' } });
    await waitFor(() => expect(record(team.doc).status).toBe('verifying'));
    await waitFor(() => expect((panel().getByTestId('team-status') as HTMLSelectElement).value).toBe('verifying'));
    expect(within(panel().getByTestId('team-status')).getByRole('option', { name: '核查中' })).toBeTruthy();
    trusted.change(panel().getByTestId('team-domain'), { target: { value: 'FOOD' } });
    await waitFor(() => expect(record(team.doc).domain).toBe('FOOD'));
    trusted.click(panel().getByTestId('team-assign-me'));
    await waitFor(() => expect(record(team.doc).assignee).toBe('alice'));

    trusted.change(panel().getByTestId('team-tag-input'), { target: { value: '冷链' } });
    trusted.click(panel().getByTestId('team-tag-add'));
    await waitFor(() =>
      expect(
        panel()
          .getAllByTestId('team-tag')
          .map((tag) => tag.firstChild?.textContent),
      ).toEqual(['冷链']),
    );
    trusted.click(panel().getByLabelText('删除标签“冷链”'));
    await waitFor(() => expect(record(team.doc).tags).toEqual([]));

    trusted.change(panel().getByTestId('team-note-text'), { target: { value: '已电话约谈负责人' } });
    trusted.click(panel().getByTestId('team-note-add'));
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
    for (const id of [
      'team-status',
      'team-domain',
      'team-assignee',
      'team-assign-me',
      'team-tag-input',
      'team-tag-add',
      'team-note-text',
      'team-note-add',
    ]) {
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
    expect(invalid.textContent).toMatch(/（\d+ 处不符合格式）/);
    expect(screen.queryByTestId('team-record')).toBeNull();
  });

  it('shows the connection as it changes, and why the server closed it', async () => {
    const { team } = mount();
    await waitFor(() => expect(panel().getByTestId('team-connection').textContent).toBe('已连接'));
    team.set({ state: 'offline' });
    await waitFor(() => expect(panel().getByTestId('team-connection').textContent).toBe('离线：修改先保存在本机，恢复连接后自动同步'));
    team.set({ state: 'offline', detail: '4401 token revoked' });
    await waitFor(() =>
      expect(panel().getByTestId('team-detail').textContent).toBe(
        '服务器最近一次断开的原因：令牌已被吊销（代码 4401），请向管理员要新令牌',
      ),
    );
    team.set({ state: 'token-expired' });
    await waitFor(() => expect(panel().getByTestId('team-connection').dataset.state).toBe('token-expired'));
  });
});

describe('分享给团队', () => {
  it('copies that private note into the team notes; the other private notes stay private', async () => {
    const { team } = mount();
    for (const [i, text] of ['不分享的私人笔记', '现场检查：冷库温度不达标'].entries()) {
      trusted.change(await screen.findByTestId('note-text'), { target: { value: text } });
      trusted.click(screen.getByTestId('note-save'));
      await waitFor(() => expect(screen.queryAllByTestId('note-item')).toHaveLength(i + 1));
    }
    const item = screen.getAllByTestId('note-item').find((li) => li.textContent?.includes('冷库'));
    if (!item) throw new Error('note not listed');
    trusted.click(within(item).getByTestId('note-share'));
    expect(screen.getByTestId('frame-confirm').textContent).toContain('确认将这条私人笔记分享给团队？');
    trusted.click(screen.getByTestId('frame-confirm-yes'));
    expect((await panel().findByTestId('team-note')).textContent).toContain('现场检查：冷库温度不达标');
    expect(screen.getByTestId('notes-status').textContent).toBe('已分享给团队');
    expect(record(team.doc).notes.map((n) => n.text)).toEqual(['现场检查：冷库温度不达标']);
  });

  it('is disabled for a readonly token', async () => {
    mount({ role: 'readonly' });
    trusted.change(await screen.findByTestId('note-text'), { target: { value: '私人笔记' } });
    trusted.click(screen.getByTestId('note-save'));
    await waitFor(() => expect((screen.getByTestId('note-share') as HTMLButtonElement).disabled).toBe(true));
  });
});

it("reads the entity from the frame's address: the code unless the key is a name key, the legal representative if given", () => {
  expect(entityRefOf({ key: KEY, name: NAME, rep: '' })).toEqual({ key: KEY, name: NAME, uscc: KEY });
  expect(entityRefOf({ key: `name:${NAME}`, name: NAME, rep: '张三' })).toEqual({
    key: `name:${NAME}`,
    name: NAME,
    legalRepresentative: '张三',
  });
});

describe('the frame\u2019s guard', () => {
  it('acts on no click a script made: nothing saved, shared or changed', async () => {
    const { db, team } = mount();
    fireEvent.change(await screen.findByTestId('note-text'), { target: { value: '脚本写的笔记' } });
    fireEvent.click(screen.getByTestId('note-save'));
    fireEvent.click(await panel().findByTestId('team-create'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.notes.count()).toBe(0);
    expect(readTeamEntity(team.doc, KEY)).toBeNull();
  });

  it('shares nothing when the question is answered 取消', async () => {
    const { team } = mount();
    trusted.change(await screen.findByTestId('note-text'), { target: { value: '私人笔记：不公开' } });
    trusted.click(screen.getByTestId('note-save'));
    trusted.click(await screen.findByTestId('note-share'));
    trusted.click(screen.getByTestId('frame-confirm-no'));
    expect(screen.queryByTestId('frame-confirm')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Not even the record the share would have made.
    expect(readTeamEntity(team.doc, KEY)).toBeNull();
  });

  it('a frame not opened by the overlay says so, and every write is disabled', async () => {
    mount({}, { ...OPEN_FRAME, grant: 'refused' });
    expect((await screen.findByTestId('frame-readonly')).textContent).toContain('只能查看，不能修改');
    expect((screen.getByTestId('note-save') as HTMLButtonElement).disabled).toBe(true);
    expect(((await panel().findByTestId('team-create')) as HTMLButtonElement).disabled).toBe(true);
  });

  it('while the frame is not visible, every write is disabled and the question cannot be answered yes', async () => {
    const { team } = mount({}, { ...OPEN_FRAME, visible: false });
    ensureTeamEntity(team.doc, { name: NAME, uscc: KEY }, { by: 'bob', at: NOW });
    await panel().findByTestId('team-record');
    expect(screen.getByTestId('frame-hidden').textContent).toContain('被遮挡或不可见');
    for (const id of ['note-save', 'team-status', 'team-domain', 'team-assign-me', 'team-tag-add', 'team-note-add']) {
      expect((screen.getByTestId(id) as HTMLButtonElement).disabled, id).toBe(true);
    }
    trusted.change(screen.getByTestId('team-status'), { target: { value: 'verifying' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(record(team.doc).status).toBeNull();
  });

  it('without visibility tracking (the Firefox build) every write asks first', async () => {
    const { team } = mount({}, { ...OPEN_FRAME, confirmEveryWrite: true });
    // 加入团队台账 too: asked, then made.
    trusted.click(await panel().findByTestId('team-create'));
    expect(screen.getByTestId('frame-confirm').textContent).toContain('确认加入团队台账？');
    trusted.click(screen.getByTestId('frame-confirm-yes'));
    await panel().findByTestId('team-record');
    trusted.change(panel().getByTestId('team-status'), { target: { value: 'verifying' } });
    expect(screen.getByTestId('frame-confirm').textContent).toContain('确认处理状态 核查中？');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(record(team.doc).status).toBeNull();
    trusted.click(screen.getByTestId('frame-confirm-yes'));
    await waitFor(() => expect(record(team.doc).status).toBe('verifying'));
  });
});
