/**
 * The remembered 填报单位 is read through its schema: nothing stored gives an empty unit, a stored unit comes back,
 * and a stored value that does not parse (too long, not text) gives the empty unit and the reason, never the value.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readReportUnit, reportUnitItem } from './items.ts';

beforeEach(() => fakeBrowser.reset());

describe('the remembered 填报单位', () => {
  it('is empty until one is kept, then comes back as kept', async () => {
    expect(await readReportUnit()).toEqual({ value: '', problem: null });
    await reportUnitItem.setValue('示例市市场监督管理局');
    expect(await readReportUnit()).toEqual({ value: '示例市市场监督管理局', problem: null });
  });

  it('is ignored, with the reason in Chinese, when what is stored does not parse', async () => {
    for (const [stored, reason] of [
      ['局'.repeat(201), '过长（最多 200 个字符）'],
      [42, '缺少或类型不符'],
    ] as const) {
      await fakeBrowser.storage.local.set({ reportUnit: stored });
      const read = await readReportUnit();
      expect(read.value).toBe('');
      expect(read.problem).toBe(reason);
    }
  });
});
