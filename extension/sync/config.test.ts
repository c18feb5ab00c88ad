/** The options page's input: server addresses, tokens decoded without a signature check, expiry, the local copy's name. */
import { describe, expect, it } from 'vitest';
import { configProblems, isUnencryptedRemote, localDocName, readToken, TeamServerAddress, TeamServerConfig } from './config.ts';
import { NOW_MS, claimsOf, tokenOf } from '../../test/support/extension/local-sync-server.ts';

describe('TeamServerAddress', () => {
  it.each([
    ['ws://127.0.0.1:1234', 'ws://127.0.0.1:1234'],
    ['  wss://sync.example.gov.cn/  ', 'wss://sync.example.gov.cn'],
    ['wss://proxy.example.gov.cn/creditlens//', 'wss://proxy.example.gov.cn/creditlens'],
  ])('accepts %s as %s', (input, expected) => {
    expect(TeamServerAddress.parse(input)).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:1234', 'team_address_scheme'],
    ['127.0.0.1:1234', 'team_address_not_url'],
    ['ws://127.0.0.1:1234/?token=x', 'team_address_extras'],
    ['ws://user:pw@127.0.0.1', 'team_address_extras'],
    ['not an address', 'team_address_not_url'],
  ])('refuses %s with the message key %s', (input, problem) => {
    const parsed = TeamServerAddress.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([problem]);
  });

  it('says when a token would travel unencrypted', () => {
    expect(isUnencryptedRemote('ws://10.1.2.3:1234')).toBe(true);
    expect(isUnencryptedRemote('ws://127.0.0.1:1234')).toBe(false);
    expect(isUnencryptedRemote('ws://localhost:1234')).toBe(false);
    expect(isUnencryptedRemote('wss://sync.example.gov.cn')).toBe(false);
  });
});

describe('readToken', () => {
  it('decodes the claims of a token the server printed (no signature check), and says whether it has expired', () => {
    const claims = claimsOf({ sub: 'zhang.san', team: 'hz-food', role: 'readonly' });
    expect(readToken(tokenOf(claims), NOW_MS)).toEqual({ ok: true, claims, expired: false });
    expect(readToken(tokenOf(claims), claims.exp * 1000)).toEqual({ ok: true, claims, expired: true });
    expect(readToken(`  ${tokenOf(claims)}\n`, NOW_MS)).toMatchObject({ ok: true });
  });

  it('decodes UTF-8 in the payload', () => {
    const token = tokenOf({ ...claimsOf(), jti: '令牌一' });
    expect(readToken(token, NOW_MS)).toMatchObject({ ok: true, claims: { jti: '令牌一' } });
  });

  it.each([
    ['no token at all', 'abc', '不是令牌（应为以两个点分隔的三段文字，请整段粘贴）'],
    ['a payload that is no JSON', 'eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig', '令牌内容无法读取（可能复制不完整）'],
    ['claims of another kind', tokenOf({ sub: 'alice' }), '令牌字段 team：缺少或类型不符'],
    ['an unknown role', tokenOf({ ...claimsOf(), role: 'owner' }), '令牌字段 role：不是可选的取值（可选：admin、member、readonly）'],
  ])('refuses %s, saying why in Chinese', (_, token, problem) => {
    const read = readToken(token, NOW_MS);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problems.join('\n')).toContain(problem);
    expect(read.ok ? '' : read.problems.join('\n')).not.toMatch(/expected|invalid|required/i);
  });
});

it('stores only a parsed configuration', () => {
  expect(TeamServerConfig.safeParse({ server: 'ws://127.0.0.1:1', token: tokenOf(claimsOf()), extra: 1 }).success).toBe(false);
});

it('names the local copy by server and team, so another server or team never shares it', () => {
  expect(localDocName('ws://a:1', 't1')).not.toBe(localDocName('ws://b:1', 't1'));
  expect(localDocName('ws://a:1', 't1')).not.toBe(localDocName('ws://a:1', 't2'));
});

describe('several server addresses', () => {
  it('keeps each address checked, joined by one space, and warns about any unencrypted remote one', async () => {
    const { TeamServerAddresses, addressesOf, isUnencryptedRemote } = await import('./config.ts');
    const parsed = TeamServerAddresses.parse(' wss://a.example.gov.cn/sync/, wss://b.example.gov.cn  wss://a.example.gov.cn/sync ');
    expect(parsed).toBe('wss://a.example.gov.cn/sync wss://b.example.gov.cn');
    expect(addressesOf(parsed)).toEqual(['wss://a.example.gov.cn/sync', 'wss://b.example.gov.cn']);
    expect(isUnencryptedRemote(parsed)).toBe(false);
    expect(isUnencryptedRemote('wss://a.example.gov.cn ws://10.0.0.2:1234')).toBe(true);
    const bad = TeamServerAddresses.safeParse('wss://a.example.gov.cn http://b');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ message: 'team_address_scheme', path: ['http://b'] });
    expect(configProblems(TeamServerConfig.safeParse({ server: 'wss://a.example.gov.cn http://b', token: 'x' }).error!)).toEqual([
      '服务器地址 http://b：地址须以 ws:// 或 wss:// 开头',
      '令牌：不是令牌（应为以两个点分隔的三段文字，请整段粘贴）',
    ]);
  });
});
