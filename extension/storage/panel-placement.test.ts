/**
 * The panel's remembered place per site, read through its schema: nothing stored is no choice, a kept placement comes
 * back for its own host only, and anything that does not parse gives the defaults and the reason, never part of it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePlacement, readPlacement, savePlacement } from './panel-placement.ts';

beforeEach(() => fakeBrowser.reset());

describe('the remembered panel placement', () => {
  it('is no choice until one is kept, then comes back for that host only', async () => {
    expect(await readPlacement('www.gsxt.gov.cn')).toEqual({ value: {}, problem: null });
    const kept = { collapsed: false, panel: { top: 40, left: 600 }, tab: { top: 300, left: 1341 } };
    await savePlacement('www.gsxt.gov.cn', kept);
    expect(await readPlacement('www.gsxt.gov.cn')).toEqual({ value: kept, problem: null });
    expect(await readPlacement('www.creditchina.gov.cn')).toEqual({ value: {}, problem: null });
  });

  it('keeps a partial choice as partial (folded only, or one part moved)', () => {
    expect(parsePlacement({ collapsed: true })).toEqual({ value: { collapsed: true }, problem: null });
    expect(parsePlacement({ tab: { top: 1, left: 2 } })).toEqual({ value: { tab: { top: 1, left: 2 } }, problem: null });
  });

  it('ignores, with the reason, whatever does not parse — none of it half-applied', async () => {
    const bad = [
      'collapsed',
      42,
      [],
      { collapsed: 'yes' },
      { panel: { top: 10 } },
      { tab: { top: Number.NaN, left: 0 } },
      { tab: { top: 0, left: Infinity } },
      { collapsed: true, panel: { top: '10', left: 0 } },
      { collapsed: true, extra: 1 },
    ];
    for (const stored of bad) {
      const read = parsePlacement(stored);
      expect(read.value, JSON.stringify(stored)).toEqual({});
      expect(read.problem).toMatch(/^stored panel placement ignored: /);
    }
    await fakeBrowser.storage.local.set({ 'overlayPlacement:www.gsxt.gov.cn': { collapsed: 'no' } });
    expect((await readPlacement('www.gsxt.gov.cn')).value).toEqual({});
  });

  it('refuses to keep a placement that would not read back', async () => {
    await expect(savePlacement('www.gsxt.gov.cn', { tab: { top: Number.NaN, left: 0 } })).rejects.toThrow();
    expect(await readPlacement('www.gsxt.gov.cn')).toEqual({ value: {}, problem: null });
  });
});
