// @vitest-environment happy-dom
/** The options page puts its four panels together, each with its main control, over one transport and one store. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from './OptionsPage.tsx';
import { localSettingsStore } from './settings-store.ts';
import { localBackground } from '../../../test/support/extension/background.ts';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

it('shows settings, team, site rules, retention, export/import and wipe', async () => {
  render(<OptionsPage transport={localBackground().transport} store={localSettingsStore} download={() => {}} />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('信用透镜设置');
  expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
    '规则设置',
    '团队协作',
    '站点规则',
    '保留期限',
    '本地数据',
    '清除数据',
  ]);
  await waitFor(() => expect((screen.getByTestId('retention-days') as HTMLInputElement).value).toBe('365'));
  for (const id of [
    'settings-save',
    'team-server',
    'team-token',
    'team-connect',
    'setting-repeatOffenderThreshold',
    'purge',
    'export',
    'import-file',
    'wipe',
  ])
    expect(screen.getByTestId(id)).toBeTruthy();
});
