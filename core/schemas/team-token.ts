/**
 * The team server's names and its access token's claims. The server signs the token (a JWT, HS256) and
 * checks it at every connection; the extension only reads the claims to show who it is and whether it may write
 * (只读) — it cannot check the signature, and does not need to: the server drops whatever it refuses.
 */
import * as z from 'zod';

/** A team's id: it is a URL path segment (`/team/<team>`), so plain lower-case letters, digits and dashes. */
export const TeamId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a team id is 1–63 lower-case letters, digits or dashes, not starting with a dash');
export type TeamId = z.infer<typeof TeamId>;

/** A user's id within a team (login names such as zhang.san or an e-mail address). */
export const AccountId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'a user id is 1–64 letters, digits or . _ @ -, starting with a letter or digit');
export type AccountId = z.infer<typeof AccountId>;

/** admin: accounts and the report; member: reads and writes; readonly: reads, its writes are dropped. */
export const TeamRole = z.enum(['admin', 'member', 'readonly']);
export type TeamRole = z.infer<typeof TeamRole>;

export const TeamTokenClaims = z.object({
  /** The user. */
  sub: AccountId,
  team: TeamId,
  role: TeamRole,
  /** The token's id, by which it is listed and revoked. */
  jti: z.string().min(1).max(100),
  /** Issued and expires, in seconds since the epoch (JWT). */
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});
export type TeamTokenClaims = z.infer<typeof TeamTokenClaims>;
