import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecret, parseTtl, signToken, verifyToken } from './tokens.ts';

const claims = {
  sub: 'li',
  team: 'east',
  role: 'member' as const,
  jti: '5a72e404-b2c0-4e76-bf40-c9a381730de2',
  iat: 1_800_000_000,
  exp: 1_800_000_600,
};

describe('tokens', () => {
  it('makes one secret per DATA_DIR, owner-only, and keeps it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-secret-'));
    const first = loadSecret(dir);
    expect(first.byteLength).toBe(64);
    expect(loadSecret(dir)).toEqual(first);
    expect(fs.statSync(path.join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
  });

  it('verifies its own tokens until they expire, and nothing signed otherwise', async () => {
    const secret = new Uint8Array(64).fill(7);
    const token = await signToken(secret, claims);
    expect(await verifyToken(secret, token, claims.iat + 10)).toEqual({ ok: true, claims });
    expect(await verifyToken(secret, token, claims.exp)).toEqual({ ok: false, reason: 'token expired' });
    expect(await verifyToken(new Uint8Array(64).fill(8), token, claims.iat)).toEqual({ ok: false, reason: 'token invalid' });
    // alg "none" with the same claims is refused.
    const [, payload] = token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(await verifyToken(secret, none, claims.iat)).toEqual({ ok: false, reason: 'token invalid' });
  });

  it('reads durations up to a year', () => {
    expect(parseTtl('30d')).toBe(30 * 86_400);
    expect(parseTtl('12h')).toBe(43_200);
    expect(parseTtl('90m')).toBe(5_400);
    expect(parseTtl('0d')).toBeUndefined();
    expect(parseTtl('400d')).toBeUndefined();
    expect(parseTtl('1w')).toBeUndefined();
  });
});
