// @vitest-environment happy-dom
/**
 * The rule settings form over the real storage items (WXT's in-memory fake browser): every field has a control,
 * a round trip through storage, an invalid entry refused with its reason and nothing written, restore defaults,
 * and a stored value that no longer parses reported.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, RuleSettings } from '#core';
import { readRuleSettings, ruleSettingsItem } from '../../storage/items.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { localSettingsStore } from './settings-store.ts';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const control = <T extends HTMLElement = HTMLInputElement>(field: string) => screen.getByTestId(`setting-${field}`) as T;
const save = () => fireEvent.click(screen.getByTestId('settings-save'));
const status = () => screen.getByTestId('settings-status').textContent;

async function form() {
  render(<SettingsForm store={localSettingsStore} />);
  await waitFor(() => expect(control('repeatOffenderThreshold').value).not.toBe(''));
}

describe('rule settings form', () => {
  it('has a labelled control with a spec hint for every field of RuleSettings, showing the defaults', async () => {
    await form();
    for (const field of Object.keys(RuleSettings.shape)) expect(control(field), field).toBeTruthy();
    expect(control('boundaryInclusive').checked).toBe(true);
    expect(control('repeatOffenderThreshold').value).toBe('10');
    expect(control('repair1yDomains-FOOD').checked).toBe(true);
    expect(control('repair1yDomains-COSMETIC').checked).toBe(false);
    expect(control<HTMLSelectElement>('domainKeywordOrder').value).toBe('conduct-first');
    expect(screen.getByText('周年当日仍在期限内')).toBeTruthy();
    expect(screen.getByText(/^规则说明第 1 节“期间怎么算”/)).toBeTruthy();
  });

  it('saves every kind of control and shows the saved values again', async () => {
    await form();
    fireEvent.click(control('boundaryInclusive'));
    fireEvent.change(control('repeatOffenderThreshold'), { target: { value: '12' } });
    fireEvent.click(control('repair1yDomains-MEDICAL_DEVICE'));
    fireEvent.click(control('repair1yDomains-FOOD'));
    fireEvent.change(control('domainKeywordOrder'), { target: { value: 'product-first' } });
    save();
    await waitFor(() => expect(status()).toBe('已保存。'));
    const expected = {
      ...DEFAULT_SETTINGS,
      boundaryInclusive: false,
      repeatOffenderThreshold: 12,
      repair1yDomains: ['DRUG', 'SPECIAL_EQUIPMENT', 'MEDICAL_DEVICE'],
      domainKeywordOrder: 'product-first',
    };
    expect(await ruleSettingsItem.getValue()).toEqual(expected);
    expect(await readRuleSettings()).toEqual({ value: expected, problem: null });

    cleanup();
    await form();
    expect(control('repeatOffenderThreshold').value).toBe('12');
    expect(control('boundaryInclusive').checked).toBe(false);
    expect(control('repair1yDomains-MEDICAL_DEVICE').checked).toBe(true);
    expect(control<HTMLSelectElement>('domainKeywordOrder').value).toBe('product-first');
  });

  it.each([['0'], [''], ['2.5']])('refuses %j as a number with the reason, and writes nothing', async (value) => {
    await ruleSettingsItem.setValue({ repeatOffenderThreshold: 9 });
    const before = await fakeBrowser.storage.local.get();
    await form();
    fireEvent.change(control('abnormalWarningDays'), { target: { value } });
    save();
    await waitFor(() => expect(status()).toMatch(/^未保存，请更正：转入前的提示天数：(应大于 0|应为整数|应为数字)$/));
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
  });

  it('restores the defaults by writing {}', async () => {
    await ruleSettingsItem.setValue({ repeatOffenderThreshold: 9, samrOnly: true });
    await form();
    expect(control('repeatOffenderThreshold').value).toBe('9');
    fireEvent.click(screen.getByTestId('settings-reset'));
    await waitFor(() => expect(status()).toBe('已恢复默认设置。'));
    expect(await ruleSettingsItem.getValue()).toEqual({});
    expect(control('repeatOffenderThreshold').value).toBe('10');
    expect(control('samrOnly').checked).toBe(false);
  });

  it('says so when the stored settings no longer parse, and shows the defaults', async () => {
    await ruleSettingsItem.setValue({ repeatOffenderThreshold: -1 });
    await form();
    expect(status()).toBe('已保存的设置无法读取，现使用默认值：“屡禁不止、屡罚不改”处罚次数（含本数）：应大于 0');
    expect(control('repeatOffenderThreshold').value).toBe('10');
  });
});
