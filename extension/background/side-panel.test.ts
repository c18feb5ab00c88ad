/** Opening the browser's side panel: at once, and false (the overlay opens its frame) wherever it cannot be opened. */
import { describe, expect, it, vi } from 'vitest';
import { sidePanelOpener } from './side-panel.ts';

describe('sidePanelOpener', () => {
  it('calls the browser synchronously with the tab, and says whether it opened', async () => {
    const open = vi.fn(async () => {});
    const opener = sidePanelOpener(
      () => ({ open }),
      () => {},
    );
    const opened = opener(7);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect(await opened).toBe(true);
  });

  it('is false without a side panel (Chromium before 114, Firefox), and when the browser refuses or throws', async () => {
    const log: string[] = [];
    expect(
      await sidePanelOpener(
        () => undefined,
        (line) => log.push(line),
      )(7),
    ).toBe(false);
    const refusing = sidePanelOpener(
      () => ({ open: () => Promise.reject(new Error('`sidePanel.open()` may only be called in response to a user gesture.')) }),
      (line) => log.push(line),
    );
    expect(await refusing(7)).toBe(false);
    const throwing = sidePanelOpener(
      () => ({
        open: () => {
          throw new TypeError('bad tab');
        },
      }),
      (line) => log.push(line),
    );
    expect(await throwing(7)).toBe(false);
    expect(log).toEqual([
      'side panel: not opened (`sidePanel.open()` may only be called in response to a user gesture.)',
      'side panel: not opened (bad tab)',
    ]);
  });
});
