/**
 * Access tokens: JWTs signed with HS256 by a secret kept in DATA_DIR (made on first use, readable only by its
 * owner, never printed). The claims are core's TeamTokenClaims; `jti` lets a token be listed and revoked. Whether a
 * token is revoked, and the user's current role, are read from the accounts at each connection, not trusted from
 * the token.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { TeamTokenClaims } from '#core';

export const SECRET_FILE = 'token-secret';

/** The signing secret; two processes starting on a new DATA_DIR at once end up with the same one (exclusive create). */
export function loadSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, crypto.randomBytes(64).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/.test(hex))
    throw new Error(`${file} is not a token secret (expected hex); remove it to make a new one (every token becomes invalid)`);
  return Buffer.from(hex, 'hex');
}

export async function signToken(secret: Uint8Array, claims: TeamTokenClaims): Promise<string> {
  const valid = TeamTokenClaims.parse(claims);
  return new SignJWT({ team: valid.team, role: valid.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(valid.sub)
    .setJti(valid.jti)
    .setIssuedAt(valid.iat)
    .setExpirationTime(valid.exp)
    .sign(secret);
}

export type TokenCheck = { ok: true; claims: TeamTokenClaims } | { ok: false; reason: string };

/** Signature, expiry (no leeway) and claims; the reason is for logs and never contains the token. */
export async function verifyToken(secret: Uint8Array, token: string, nowSeconds: number): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(nowSeconds * 1000) });
    const claims = TeamTokenClaims.safeParse(payload);
    return claims.success ? { ok: true, claims: claims.data } : { ok: false, reason: 'claims do not parse' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'token invalid' };
  }
}

/** `30d`, `12h`, `90m`, `3600s` → seconds; at most a year. */
export function parseTtl(text: string): number | undefined {
  const match = /^(\d{1,6})([dhms])$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * { d: 86_400, h: 3_600, m: 60, s: 1 }[match[2] as 'd' | 'h' | 'm' | 's'];
  return seconds > 0 && seconds <= 366 * 86_400 ? seconds : undefined;
}
