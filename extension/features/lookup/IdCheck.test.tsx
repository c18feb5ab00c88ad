// @vitest-environment happy-dom
/** The popup's live identifier check: legacy 注册号 are named as such, never reported as typing errors. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdCheck } from './IdCheck.tsx';

afterEach(cleanup);

describe('IdCheck', () => {
  it.each(['1102212140169', '411303NA000262X', '411303 na 000262 x'])('%s: 旧版注册号，无法校验 — not a warning', (query) => {
    render(<IdCheck query={query} />);
    const check = screen.getByTestId('id-check');
    expect(check.textContent).toMatch(/^旧版注册号，无法校验/);
    expect(check.className).toBe('id-check info');
  });

  it('another letter inside a 15-character number is still a wrong character', () => {
    render(<IdCheck query="411303NB000262X" />);
    expect(screen.getByTestId('id-check').textContent).toBe('⚠ 注册号校验未通过：含有代码不使用的字符（如 I、O、S、V、Z）');
  });
});
