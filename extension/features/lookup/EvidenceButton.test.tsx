// @vitest-environment happy-dom
/**
 * 保存取证 in the popup against a real background (router + handlers over fake-indexeddb): the button acts on the
 * user's own click only and says what came of it; 取证记录 lists the entity's evidence under its hit, newest first,
 * and a click asks the background to show the file (here there is no such download any more: it says so).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_OFFENDER, localBackground, seed, trusted } from '../../../test/support/extension/background.ts';
import { addEvidence } from '../../storage/evidence-index.ts';
import { t } from '../../ui/i18n.ts';
import { localDateTime } from '../../ui/format.ts';
import { LookupPage } from './LookupPage.tsx';

afterEach(cleanup);

describe('保存取证 in the popup', () => {
  it('saves on the user\u2019s click only, and says the ZIP has no web archive when capture was not allowed', async () => {
    const { transport } = localBackground();
    const save = vi.fn(async () => ({ ok: true as const, fileName: '取证-示例-20261207-120000.zip', mhtml: 'not-granted' as const }));
    render(<LookupPage transport={transport} openUrl={() => {}} saveEvidence={save} />);
    const button = screen.getByTestId('popup-evidence');
    expect(button.textContent).toBe(t('popup_evidence'));
    fireEvent.click(button);
    expect(save).not.toHaveBeenCalled();
    trusted.click(button);
    await waitFor(() =>
      expect(screen.getByTestId('popup-evidence-saved').textContent).toBe(
        `${t('evidence_saved', '取证-示例-20261207-120000.zip')} ${t('popup_evidence_denied')}`,
      ),
    );
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('has no button where it has no tab of its own to save (the lookup page opened by the context menu)', () => {
    render(<LookupPage transport={localBackground().transport} openUrl={() => {}} />);
    expect(screen.queryByTestId('popup-evidence')).toBeNull();
  });
});

describe('取证记录', () => {
  it('lists the entity\u2019s evidence under its hit, newest first; a click on a file that is gone says so', async () => {
    const { db, transport, sent } = localBackground();
    await seed(db, REPEAT_OFFENDER, '2024-06-20T02:30:00.000Z');
    const key = REPEAT_OFFENDER.entity.uscc ?? '';
    const entry = (takenAt: string, downloadId: number) => ({
      entityKey: key,
      takenAt,
      observedAt: takenAt,
      fileName: `取证-${downloadId}.zip`,
      downloadId,
      mhtml: 'included' as const,
    });
    await addEvidence(db, entry('2024-06-20T03:00:00.000Z', 1));
    await addEvidence(db, entry('2024-06-21T03:00:00.000Z', 2));
    render(<LookupPage transport={transport} openUrl={() => {}} initialQuery={key} />);
    await waitFor(() =>
      expect(screen.queryAllByTestId('evidence-entry').map((li) => li.textContent)).toEqual([
        t('evidence_entry', localDateTime('2024-06-21T03:00:00.000Z'), '取证-2.zip'),
        t('evidence_entry', localDateTime('2024-06-20T03:00:00.000Z'), '取证-1.zip'),
      ]),
    );
    const [newest] = screen.getAllByTestId('evidence-entry');
    const link = newest?.querySelector('button') as HTMLButtonElement;
    fireEvent.click(link);
    expect(sent.filter((m) => (m as { type: string }).type === 'evidence:show')).toHaveLength(0);
    trusted.click(link);
    await waitFor(() => expect(screen.getByTestId('evidence-problem').textContent).toBe(t('evidence_gone')));
    expect(sent).toContainEqual({ type: 'evidence:show', downloadId: 2 });
  });
});
