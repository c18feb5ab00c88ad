// @vitest-environment happy-dom
/**
 * Export and import against a real background: the export is a file ExportFile accepts, named by the date; a file
 * that is not JSON is refused without a message; a bad file lists its problems and changes nothing; a good file
 * (another computer's export) adds its notes and snapshots.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFile } from '../../storage/contract.ts';
import { exportAll, saveNote } from '../../storage/repository.ts';
import { DataPanel } from './DataPanel.tsx';
import { localDate } from '../../ui/format.ts';
import { CLEAN, LISTED, NOW, localBackground, seed, type LocalBackground } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const NOTE = { id: 'n1', entityKey: 'name:示例市丙商贸有限公司', text: '核查列入依据', tags: ['严重失信'], createdAt: NOW, editedAt: NOW };

async function seeded(): Promise<LocalBackground> {
  const local = localBackground();
  await seed(local.db, LISTED, '2024-06-25T09:00:00.000Z');
  await seed(local.db, CLEAN, '2024-06-28T06:15:00.000Z');
  await saveNote(local.db, NOTE);
  return local;
}

function panel(local: LocalBackground) {
  const download = vi.fn<(name: string, text: string) => void>();
  render(<DataPanel transport={local.transport} download={download} />);
  return download;
}

const choose = (text: string, name = 'creditlens-export.json') =>
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
const status = () => screen.getByTestId('data-status').textContent;

describe('export and import', () => {
  it('exports all local data as a file ExportFile accepts, named by the date', async () => {
    const download = panel(await seeded());
    fireEvent.click(screen.getByTestId('export'));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, text] = download.mock.calls[0] ?? ['', ''];
    expect(name).toBe(`creditlens-export-${localDate(new Date(NOW))}.json`);
    expect(name).toMatch(/^creditlens-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = ExportFile.parse(JSON.parse(text));
    expect(file.notes).toEqual([NOTE]);
    expect(file.snapshots.map((s) => s.record.entity.name).sort()).toEqual(['北京乙科技有限公司', '示例市丙商贸有限公司']);
    expect(status()).toBe('已导出 1 条笔记、2 份快照。');
  });

  it('refuses a file that is not JSON without sending it', async () => {
    const local = await seeded();
    panel(local);
    choose('{ not json', 'notes.txt');
    await waitFor(() => expect(status()).toBe('“notes.txt”不是 JSON 文件，未导入任何内容。'));
    expect(local.sent).toEqual([]);
  });

  it('lists the problems of a bad file and changes nothing', async () => {
    const local = await seeded();
    const before = await exportAll(local.db, NOW);
    panel(local);
    const bad = { ...before, exportedAt: 'yesterday', notes: [{ ...NOTE, text: '改过的笔记' }, { id: '' }] };
    choose(JSON.stringify(bad));
    await waitFor(() => expect(screen.getByTestId('import-problems')).toBeTruthy());
    expect(status()).toBe('文件未通过检查，本机数据没有任何更改。问题如下：');
    const problems = [...screen.getByTestId('import-problems').querySelectorAll('li')].map((li) => li.textContent);
    expect(problems.some((p) => p.startsWith('exportedAt：'))).toBe(true);
    // The file's field paths are quoted as codes; what is wrong with them is said in Chinese.
    expect(problems.every((p) => /：[^A-Za-z]/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('notes[1].'))).toBe(true);
    expect(await exportAll(local.db, NOW)).toEqual(before);
  });

  it("imports another computer's export and says how much was added", async () => {
    const other = await seeded();
    const file = await exportAll(other.db, NOW);
    const local = localBackground();
    panel(local);
    choose(JSON.stringify(file));
    await waitFor(() => expect(status()).toBe('已导入 1 条笔记、2 份新快照。'));
    expect(await local.db.snapshots.count()).toBe(2);
    expect(await local.db.notes.get('n1')).toEqual(NOTE);
    expect(screen.queryByTestId('import-problems')).toBeNull();
  });
});
