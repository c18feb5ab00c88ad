// @vitest-environment happy-dom
/**
 * The options page's team panel against a real background and a stand-in team service: the token decoded before it
 * is saved (team, user, role, expiry; malformed and expired shown as such), the unencrypted warning, save and
 * connect, the problems of a refused configuration, the connection as it changes, and 断开并清除 in two steps.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import { NOW_MS, claimsOf, tokenOf } from '../../../test/support/extension/local-sync-server.ts';
import { localDateTime } from '../../ui/format.ts';
import { localBackground } from '../../../test/support/extension/background.ts';
import { TeamServerPanel } from './TeamServerPanel.tsx';

afterEach(cleanup);

function mount(options: Parameters<typeof testTeam>[0] = { state: 'not-configured' }) {
  const team = testTeam(options);
  const background = localBackground(team);
  render(<TeamServerPanel transport={background.transport} now={() => NOW_MS} pollMs={20} />);
  return { ...background, team };
}

const until = (iso: number) => localDateTime(new Date(iso * 1000).toISOString());

describe('team server panel', () => {
  it('decodes the token as it is pasted: team, user, role and expiry; a malformed or expired token is said to be one', async () => {
    mount();
    const claims = claimsOf({ sub: 'zhang.san', team: 'hz-food', role: 'readonly' });
    fireEvent.change(screen.getByTestId('team-token'), { target: { value: tokenOf(claims) } });
    expect(screen.getByTestId('team-token-preview').textContent).toBe(
      `团队 hz-food · 用户 zhang.san · 权限 只读 · 有效期至 ${until(claims.exp)}`,
    );
    fireEvent.change(screen.getByTestId('team-token'), { target: { value: 'abc' } });
    expect(screen.getByTestId('team-token-preview').textContent).toBe('令牌无法识别：不是令牌（应为以两个点分隔的三段文字，请整段粘贴）');
    const expired = claimsOf({ exp: NOW_MS / 1000 - 3600 });
    fireEvent.change(screen.getByTestId('team-token'), { target: { value: tokenOf(expired) } });
    expect(screen.getByTestId('team-token-preview').textContent).toBe(`令牌已于 ${until(expired.exp)} 过期，不能使用`);
  });

  it('warns that ws:// to another computer is unencrypted', async () => {
    mount();
    fireEvent.change(screen.getByTestId('team-server'), { target: { value: 'ws://10.0.0.5:1234' } });
    expect(screen.getByTestId('team-unencrypted')).toBeTruthy();
    fireEvent.change(screen.getByTestId('team-server'), { target: { value: 'wss://sync.example.gov.cn' } });
    expect(screen.queryByTestId('team-unencrypted')).toBeNull();
  });

  it("saves and connects, then shows the connection, the claims and the server's close reason", async () => {
    const { team } = mount();
    await waitFor(() => expect(screen.getByTestId('team-connection').textContent).toBe('未连接团队服务器'));
    const token = tokenOf(claimsOf());
    fireEvent.change(screen.getByTestId('team-server'), { target: { value: 'ws://127.0.0.1:1234' } });
    fireEvent.change(screen.getByTestId('team-token'), { target: { value: token } });
    fireEvent.click(screen.getByTestId('team-connect'));
    await waitFor(() => expect(screen.getByTestId('team-status-line').textContent).toBe('已保存'));
    expect(team.configured).toEqual([{ server: 'ws://127.0.0.1:1234', token }]);
    expect((screen.getByTestId('team-token') as HTMLTextAreaElement).value).toBe('');
    team.set({ state: 'offline', detail: '1008 user removed' });
    await waitFor(() =>
      expect(screen.getByTestId('team-detail').textContent).toBe('服务器最近一次断开的原因：管理员已删除此用户（代码 1008）'),
    );
    expect(screen.getByTestId('team-connection').textContent).toBe('离线：修改先保存在本机，恢复连接后自动同步');
    expect(screen.getByTestId('team-claims').textContent).toContain('用户 alice');
  });

  it('shows the problems of a configuration the background refuses, and changes nothing', async () => {
    const background = localBackground();
    render(<TeamServerPanel transport={background.transport} now={() => NOW_MS} pollMs={20} />);
    fireEvent.change(screen.getByTestId('team-server'), { target: { value: 'ws://127.0.0.1:1234' } });
    fireEvent.change(screen.getByTestId('team-token'), { target: { value: 'a.b.c' } });
    fireEvent.click(screen.getByTestId('team-connect'));
    await waitFor(() => expect(screen.getByTestId('team-status-line').textContent).toBe('未保存：此扩展后台没有团队功能'));
  });

  it('disconnects only after the confirmation', async () => {
    const { team, sent } = mount({ state: 'connected' });
    fireEvent.click(await screen.findByTestId('team-disconnect'));
    expect(screen.getByText('将删除本机保存的服务器地址、令牌和团队台账副本；尚未同步到服务器的修改会丢失。')).toBeTruthy();
    expect(sent.filter((m) => (m as { type: string }).type === 'team:disconnect')).toEqual([]);
    fireEvent.click(screen.getByTestId('team-disconnect-confirm'));
    await waitFor(() => expect(screen.getByTestId('team-status-line').textContent).toBe('已断开并清除'));
    expect((await team.status()).state).toBe('not-configured');
    await waitFor(() => expect(screen.getByTestId('team-connection').dataset.state).toBe('not-configured'));
  });
});
