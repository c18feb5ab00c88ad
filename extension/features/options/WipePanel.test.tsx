// @vitest-environment happy-dom
/** Wiping all local data takes two steps: the first only warns; nothing is sent or deleted before the confirmation. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { saveNote } from '../../storage/repository.ts';
import { localBackground, LISTED, NOW, seed } from '../../../test/support/extension/background.ts';
import { WipePanel } from './WipePanel.tsx';

afterEach(cleanup);

async function panel() {
  const local = localBackground();
  await seed(local.db, LISTED, '2024-06-25T09:00:00.000Z');
  await saveNote(local.db, { id: 'n1', entityKey: 'name:示例市丙商贸有限公司', text: '笔记', tags: [], createdAt: NOW, editedAt: NOW });
  render(<WipePanel transport={local.transport} />);
  return local;
}

describe('wipe', () => {
  it('warns first, and deletes notes and snapshots only after the confirmation', async () => {
    const { db, sent } = await panel();
    expect(screen.queryByTestId('wipe-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('wipe'));
    expect(screen.getByTestId('wipe-warning').textContent).toBe('将删除本机保存的全部笔记和快照，且无法恢复。如需保留，请先导出。');
    expect(sent).toEqual([]);
    expect(await db.notes.count()).toBe(1);
    fireEvent.click(screen.getByTestId('wipe-confirm'));
    await waitFor(() => expect(screen.getByTestId('wipe-status').textContent).toBe('本机的笔记和快照已全部清除。'));
    expect(sent).toEqual([{ type: 'data:wipe' }]);
    expect([await db.notes.count(), await db.snapshots.count()]).toEqual([0, 0]);
    expect(screen.queryByTestId('wipe-confirm')).toBeNull();
  });

  it('can be cancelled at the confirmation', async () => {
    const { db, sent } = await panel();
    fireEvent.click(screen.getByTestId('wipe'));
    fireEvent.click(screen.getByTestId('wipe-cancel'));
    expect(screen.queryByTestId('wipe-confirm')).toBeNull();
    expect(sent).toEqual([]);
    expect(await db.snapshots.count()).toBe(1);
  });
});
