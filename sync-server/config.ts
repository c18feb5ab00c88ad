/**
 * The server's settings: environment variables, overridden by flags (`--port 1234` or `--port=1234`, the flag being
 * the variable's name in lower case with dashes). Parsed by zod once at start; each bad value is named with what
 * it should be. Defaults are for one bureau on one machine and must not get in the way of real work.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

export const Config = z
  .strictObject({
    HOST: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port (tests). */
    PORT: int(0, 65_535).default(1234),
    DATA_DIR: z.string().min(1).default('./data'),
    /** A larger WebSocket message closes the connection with 1009. */
    MAX_MESSAGE_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
    MAX_CONNECTIONS_PER_USER: int(1, 10_000).default(20),
    MAX_CONNECTIONS_PER_TEAM: int(1, 1_000_000).default(2_000),
    /** Document updates a connection may send per second, sustained… */
    UPDATES_PER_SECOND: int(1, 1_000_000).default(1_000),
    /** …and at once after a quiet spell (token bucket size). */
    UPDATE_BURST: int(1, 10_000_000).default(5_000),
    /** Updates of one connection that may wait for their dependencies (they arrived before what they build on)… */
    PENDING_UPDATES: int(1, 100_000).default(100),
    /** …their bytes… */
    PENDING_BYTES: int(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
    /** …and how long the oldest may wait. Beyond any of the three the connection is closed with 1008. */
    PENDING_MAX_AGE_MS: int(100, 3_600_000).default(10_000),
    /**
     * Bytes a team's document may take in the store (its log of updates until compaction). Past it, an update that adds
     * content closes its connection with 1008; reading, and deleting, go on.
     */
    TEAM_QUOTA_BYTES: int(1024, 2 ** 40).default(128 * 1024 * 1024),
    /** Presence updates a connection may have sent on per second (faster ones are coalesced: the latest wins)… */
    PRESENCE_PER_SECOND: int(1, 10_000).default(10),
    /** …and all of one user's connections to a team together. */
    PRESENCE_PER_USER_PER_SECOND: int(1, 100_000).default(20),
    /** Stored updates of a document after which its log is compacted into one. */
    COMPACT_AFTER_UPDATES: int(10, 10_000_000).default(1_000),
    /** Newest history rows (who changed what, history.ts) kept per entity record; older ones are dropped as new ones come. */
    HISTORY_PER_ENTITY: int(1, 1_000_000).default(500),
    /** Largest page report (读取有误？) the server takes, in bytes of JSON; a larger one is refused with 413 unread. */
    PAGE_REPORT_MAX_BYTES: int(64 * 1024, 64 * 1024 * 1024).default(5 * 1024 * 1024),
    /** Page reports one user may send to a team per hour (429 beyond, with Retry-After). */
    PAGE_REPORTS_PER_HOUR: int(1, 10_000).default(20),
    /** How often the server looks for account changes made by the account commands (removal, revocation). */
    ACCOUNT_POLL_MS: int(20, 10_000).default(200),
    /** Where documents, accounts, the secret and the audit trail live: the embedded SQLite file, or PostgreSQL. */
    STORE: z.enum(['sqlite', 'postgres'], { error: 'must be sqlite or postgres' }).default('sqlite'),
    /** postgres://user:password@host:port/database — needed when STORE=postgres. */
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    /** redis://host:port — instances publish and receive each other's updates there; unset: one instance. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  })
  .refine((c) => c.STORE !== 'postgres' || c.DATABASE_URL !== undefined, {
    message: 'is needed when STORE=postgres',
    path: ['DATABASE_URL'],
  })
  .refine((c) => c.REDIS_URL === undefined || c.STORE === 'postgres', {
    message: 'needs STORE=postgres: several instances must share one store',
    path: ['REDIS_URL'],
  });
export type Config = z.infer<typeof Config>;

const NAMES = Object.keys(Config.shape) as (keyof Config)[];

/** A setting's flag: the variable's name in lower case with dashes. */
export const flagOf = (name: string): string => name.toLowerCase().replaceAll('_', '-');

/** Flags as `--data-dir x` or `--data-dir=x` (node:util parseArgs); an unknown flag or a stray word is an error, not ignored. */
function flagsOf(argv: string[]): { values: Record<string, string>; problems: string[] } {
  const options = Object.fromEntries(NAMES.map((name) => [flagOf(name), { type: 'string' as const }]));
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') problems.push(`unknown argument ${token.value}`);
    else if (token.kind === 'option-terminator') problems.push('unknown argument --');
    else if (!(token.name in options)) problems.push(`unknown argument ${token.rawName}`);
    else if (token.value === undefined) problems.push(`${token.rawName} needs a value`);
    else values[token.name.toUpperCase().replaceAll('-', '_')] = token.value;
  }
  return { values, problems };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function readConfig(env: NodeJS.ProcessEnv, argv: string[] = []): ConfigResult {
  const flags = flagsOf(argv);
  const raw: Record<string, string> = {};
  for (const name of NAMES) {
    const value = flags.values[name] ?? env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = Config.safeParse(raw);
  const problems = [...flags.problems];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '');
      // URLs may carry a password: never echoed.
      const shown = name.endsWith('_URL') ? '(not shown)' : JSON.stringify(raw[name] ?? '');
      problems.push(`${name}=${shown}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, config: { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) } };
}
