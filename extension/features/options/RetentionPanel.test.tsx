// @vitest-environment happy-dom
/**
 * Retention over the real storage item and a real background: the days are saved only when RetentionDays accepts
 * them, "立即清理" deletes the snapshots older than that and says how many, notes stay, and 0 purges nothing.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { retentionDaysItem } from '../../storage/items.ts';
import { saveNote } from '../../storage/repository.ts';
import { RetentionPanel } from './RetentionPanel.tsx';
import { localSettingsStore } from './settings-store.ts';
import { CLEAN, LISTED, REPEAT_OFFENDER, localBackground, seed } from '../../../test/support/extension/background.ts';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const days = () => screen.getByTestId('retention-days') as HTMLInputElement;
const status = () => screen.getByTestId('retention-status').textContent;

async function panel() {
  const local = localBackground();
  // The background's clock is 2024-07-01: 100, 40 and 1 days before.
  await seed(local.db, REPEAT_OFFENDER, '2024-03-23T08:00:00.000Z');
  await seed(local.db, LISTED, '2024-05-22T08:00:00.000Z');
  await seed(local.db, CLEAN, '2024-06-30T08:00:00.000Z');
  await saveNote(local.db, {
    id: 'n1',
    entityKey: '91330100MA2B3C4D5N',
    text: '旧笔记',
    tags: [],
    createdAt: '2020-01-01T00:00:00.000Z',
    editedAt: '2020-01-01T00:00:00.000Z',
  });
  render(<RetentionPanel store={localSettingsStore} transport={local.transport} />);
  await waitFor(() => expect(days().value).toBe('365'));
  return local;
}

describe('retention', () => {
  it('saves the days and says notes are never purged', async () => {
    await panel();
    expect(screen.getByText(/笔记永远不会被清理/)).toBeTruthy();
    fireEvent.change(days(), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('retention-save'));
    await waitFor(() => expect(status()).toBe('已保存。'));
    expect(await retentionDaysItem.getValue()).toBe(30);
  });

  it('refuses days that are not a whole number from 0, and writes nothing', async () => {
    await panel();
    fireEvent.change(days(), { target: { value: '-1' } });
    fireEvent.click(screen.getByTestId('retention-save'));
    await waitFor(() => expect(status()).toBe('保留天数须为 0 到 36500 之间的整数。'));
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });

  it('purges the snapshots older than the days shown, and keeps the notes', async () => {
    const { db, sent } = await panel();
    fireEvent.change(days(), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('purge'));
    await waitFor(() => expect(status()).toBe('已删除 2 份超过 30 天的快照；笔记未受影响。'));
    expect(sent).toContainEqual({ type: 'data:purge', olderThanDays: 30 });
    expect((await db.snapshots.toArray()).map((s) => s.record.entity.name)).toEqual(['北京乙科技有限公司']);
    expect(await db.notes.count()).toBe(1);
  });

  it('purges nothing when everything is kept (0 days)', async () => {
    const { db, sent } = await panel();
    fireEvent.change(days(), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('purge'));
    await waitFor(() => expect(status()).toBe('保留天数为 0，即全部保留：没有需要清理的快照。'));
    expect(sent.filter((m) => (m as { type: string }).type === 'data:purge')).toEqual([]);
    expect(await db.snapshots.count()).toBe(3);
  });
});
