// @vitest-environment happy-dom
/** The notes frame against a real background (router + handlers over fake-indexeddb): write, list, edit, delete. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NotesPanel, tagsOf } from './NotesPanel.tsx';
import { FrameGuard } from '../../frames/WriteGuard.tsx';
import { localBackground, OPEN_FRAME, trusted } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const KEY = '91330106MA27QX8BXF';

function mount() {
  const background = localBackground();
  let clock = 0;
  let ids = 0;
  render(
    <FrameGuard state={OPEN_FRAME}>
      <NotesPanel
        transport={background.transport}
        entityKey={KEY}
        entityName="示例市鲜味坊食品有限公司"
        now={() => new Date(Date.UTC(2026, 10, 30, 8, 0, clock++)).toISOString()}
        newId={() => `n${++ids}`}
      />
    </FrameGuard>,
  );
  return background;
}

describe('NotesPanel', () => {
  it('saves a note with tags for the entity and lists it with its time', async () => {
    const { db } = mount();
    expect(await screen.findByText('还没有笔记。')).toBeTruthy();
    trusted.change(screen.getByTestId('note-text'), { target: { value: '2026-11 电话核实：已停业整改' } });
    trusted.change(screen.getByTestId('note-tags'), { target: { value: '食品，待复查, 食品' } });
    trusted.click(screen.getByTestId('note-save'));
    const item = await screen.findByTestId('note-item');
    expect(item.textContent).toContain('2026-11 电话核实：已停业整改');
    expect(item.textContent).toContain('创建于');
    const stored = await db.notes.toArray();
    expect(stored).toMatchObject([{ entityKey: KEY, text: '2026-11 电话核实：已停业整改', tags: ['食品', '待复查'] }]);
  });

  it('edits a note in place (same id, later edit time) and deletes it', async () => {
    const { db } = mount();
    trusted.change(await screen.findByTestId('note-text'), { target: { value: '初稿' } });
    trusted.click(screen.getByTestId('note-save'));
    trusted.click(await screen.findByText('编辑'));
    trusted.change(screen.getByTestId('note-text'), { target: { value: '改稿' } });
    trusted.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(screen.getByTestId('note-item').textContent).toContain('改稿'));
    const [note] = await db.notes.toArray();
    expect(note?.id).toBe('n1');
    expect(note && note.editedAt > note.createdAt).toBe(true);
    expect(screen.getByTestId('note-item').textContent).toContain('修改于');
    trusted.click(screen.getByText('删除'));
    expect(await screen.findByText('还没有笔记。')).toBeTruthy();
    expect(await db.notes.count()).toBe(0);
  });

  it('does not save an empty note', async () => {
    const { sent } = mount();
    await screen.findByText('还没有笔记。');
    trusted.click(screen.getByTestId('note-save'));
    expect(sent.filter((m) => (m as { type: string }).type === 'notes:save')).toHaveLength(0);
  });

  it('splits tags on Chinese and Latin separators, without duplicates', () => {
    expect(tagsOf('食品、 待复查；食品, ,药品')).toEqual(['食品', '待复查', '药品']);
  });
});
