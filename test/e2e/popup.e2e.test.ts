/**
 * The toolbar popup in the real browser: it finds an entity this browser has seen (the overlay kept a snapshot when
 * the page was read), by part of its name and by its code, and checks identifiers as they are typed.
 */
import { describe, expect, it, vi } from 'vitest';
import { validateIdentifier } from '#core';
import { ENTITIES } from '../sim-site/entities.ts';
import { readyOverlay } from './support/assertions.ts';
import { message } from './support/expected.ts';
import { openPopup, openSimPage, useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('popup', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });
  const entity = ENTITIES.listed.record.entity;
  const uscc = entity.uscc ?? '';

  it('finds an entity seen earlier by part of its name and by its code', async () => {
    const page = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(page);
    const popup = await openPopup(browser());
    const input = popup.locator('[data-testid="lookup-input"]');
    // A part of the name that is not the common prefix 示例市 of every simulated entity.
    for (const query of [entity.name.slice(3, 6), uscc]) {
      await input.fill(query);
      await expect
        .poll(() => popup.locator('[data-testid="lookup-hit"]').allTextContents(), { timeout: 10_000 })
        .toEqual([expect.stringContaining(entity.name)]);
    }
  });

  it('says whether a typed code is valid, and why not', async () => {
    const popup = await openPopup(browser());
    const input = popup.locator('[data-testid="lookup-input"]');
    const check = popup.locator('[data-testid="id-check"]');
    await input.fill(uscc);
    await expect.poll(() => check.textContent()).toBe(message('zh_CN', 'popup_id_valid', message('zh_CN', 'popup_id_kind_uscc')));

    // The same code with another check character: a warning naming the check digit, computed by core.
    const wrong = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;
    const verdict = validateIdentifier(wrong);
    expect(verdict.valid).toBe(false);
    await input.fill(wrong);
    await expect
      .poll(() => check.textContent())
      .toBe(
        message(
          'zh_CN',
          'popup_id_invalid',
          message('zh_CN', 'popup_id_kind_uscc'),
          message('zh_CN', `popup_id_reason_${(verdict.reason ?? 'format').replace('-', '_')}`),
        ),
      );
  });
});
