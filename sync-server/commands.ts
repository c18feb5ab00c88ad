/**
 * The account commands of `npm run sync-server -- <command>`: teams, users, tokens, backup. They open the same
 * DATA_DIR as the running server (SQLite serialises the writes) and the server notices their changes within its
 * poll interval, closing the connections of a removed user or a revoked token. `token` prints only the token on
 * stdout, so `TOKEN=$(… token t u)` works; everything else a command says goes to stderr, except the listings,
 * which are tab-separated lines on stdout.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { AccountId, TeamId, TeamRole } from '#core';
import type { AuditEvent } from './audit.ts';
import { Config, flagOf, readConfig } from './config.ts';
import { EXTENSION_USAGE, extensionCommand } from './extension-updates.ts';
import { PAGE_REPORTS_USAGE, pageReportsCommand } from './page-report-commands.ts';
import { openStore } from './persistence/open.ts';
import { SITE_RULES_USAGE, siteRulesCommand } from './site-rules.ts';
import { parseTtl, signToken } from './tokens.ts';

export const COMMANDS = ['team', 'user', 'token', 'backup', 'extension', 'page-reports', 'site-rules'] as const;

export const USAGE = `usage:
  sync-server team add <team> | team list
  sync-server user add <team> <user> [--role admin|member|readonly] | user role <team> <user> <role>
  sync-server user list <team> | user remove <team> <user>
  sync-server token <team> <user> [--ttl 30d] | token list <team> [<user>] | token revoke <jti>
  sync-server backup <file>
${EXTENSION_USAGE}
${PAGE_REPORTS_USAGE}
${SITE_RULES_USAGE}
  (DATA_DIR from the environment or --data-dir, as for the server)`;

export type Io = { out(line: string): void; err(line: string): void };

class UsageError extends Error {}

const Jti = z.string().regex(/^[0-9a-f-]{36}$/, 'a token id (jti) as printed by token list');

/** The command's words, its own options (--role, --ttl, page-reports' --team, --since, --summary) and the settings' flags, which go on to readConfig. */
function argsOf(argv: string[]): { words: string[]; options: Record<string, string>; rest: string[] } {
  const own = {
    role: { type: 'string' as const },
    ttl: { type: 'string' as const },
    team: { type: 'string' as const },
    since: { type: 'string' as const },
    summary: { type: 'boolean' as const },
  };
  const settings = Object.fromEntries(Object.keys(Config.shape).map((name) => [flagOf(name), { type: 'string' as const }]));
  const { tokens } = parseArgs({ args: argv, options: { ...settings, ...own }, strict: false, allowPositionals: true, tokens: true });
  const words: string[] = [];
  const options: Record<string, string> = {};
  const rest: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    else if (token.kind === 'option' && token.name in own) {
      const boolean = own[token.name as keyof typeof own].type === 'boolean';
      if (boolean !== (token.value === undefined)) throw new UsageError(`--${token.name} ${boolean ? 'takes no value' : 'needs a value'}`);
      options[token.name] = token.value ?? 'true';
    } else if (token.kind === 'option') rest.push(token.value === undefined ? token.rawName : `${token.rawName}=${token.value}`);
  }
  return { words, options, rest };
}

function valid<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: string | undefined,
  what: string,
): T {
  if (value === undefined) throw new UsageError(`missing ${what}`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${what} ${JSON.stringify(value)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function operator(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function runCommand(argv: string[], env: NodeJS.ProcessEnv, io: Io, now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = argsOf(argv);
  } catch (error) {
    io.err(String((error as Error).message));
    return 2;
  }
  const config = readConfig(env, parsed.rest);
  if (!config.ok) {
    for (const problem of config.problems) io.err(problem);
    return 2;
  }
  const store = await openStore(config.config);
  const by = operator();
  const audit = { append: (event: AuditEvent) => store.appendAudit(event, now()) };
  const [command, sub, ...args] = parsed.words;
  const at = now().toISOString();
  try {
    const fail = (message: string): number => {
      io.err(message);
      return 1;
    };
    const stray = ['team', 'since', 'summary'].find((name) => command !== 'page-reports' && name in parsed.options);
    if (stray) throw new UsageError(`unknown argument --${stray}`);
    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'team add': {
        const team = valid(TeamId, args[0], 'team');
        if (!(await store.addTeam(team, at))) return fail(`team ${team} exists already`);
        await audit.append({ event: 'team.add', team, by });
        io.err(`team ${team} added`);
        return 0;
      }
      case 'team list':
        for (const team of await store.listTeams()) io.out(`${team.id}\t${team.createdAt}`);
        return 0;
      case 'user add': {
        const team = valid(TeamId, args[0], 'team');
        const user = valid(AccountId, args[1], 'user');
        const role = valid(TeamRole, parsed.options.role ?? 'member', 'role');
        const result = await store.addUser({ team, id: user, role }, at);
        if (result === 'no-team') return fail(`no team ${team} (team add ${team} first)`);
        if (result === 'exists') return fail(`user ${user} exists already in team ${team}`);
        await audit.append({ event: 'user.add', team, user, role, by });
        io.err(`user ${user} added to team ${team} as ${role}`);
        return 0;
      }
      case 'user role': {
        const team = valid(TeamId, args[0], 'team');
        const user = valid(AccountId, args[1], 'user');
        const role = valid(TeamRole, args[2], 'role');
        if (!(await store.setRole(team, user, role))) return fail(`no user ${user} in team ${team}`);
        await audit.append({ event: 'user.role', team, user, role, by });
        io.err(`user ${user} of team ${team} is now ${role}`);
        return 0;
      }
      case 'user list': {
        const team = valid(TeamId, args[0], 'team');
        for (const user of await store.listUsers(team)) io.out(`${user.id}\t${user.role}\t${user.createdAt}`);
        return 0;
      }
      case 'user remove': {
        const team = valid(TeamId, args[0], 'team');
        const user = valid(AccountId, args[1], 'user');
        if (!(await store.removeUser(team, user, at))) return fail(`no user ${user} in team ${team}`);
        await audit.append({ event: 'user.remove', team, user, by });
        io.err(`user ${user} removed from team ${team}; their tokens are revoked and their connections closed`);
        return 0;
      }
      case 'token list': {
        const team = valid(TeamId, args[0], 'team');
        const user = args[1] === undefined ? undefined : valid(AccountId, args[1], 'user');
        io.out('jti\tuser\tissued\texpires\trevoked');
        for (const t of await store.listTokens(team, user))
          io.out(`${t.jti}\t${t.user}\t${t.issuedAt}\t${t.expiresAt}\t${t.revokedAt ?? '-'}`);
        return 0;
      }
      case 'token revoke': {
        const jti = valid(Jti, args[0], 'jti');
        const result = await store.revokeToken(jti, at);
        if (result === 'unknown') return fail(`no token ${jti}`);
        if (result === 'already') io.err(`token ${jti} was revoked already`);
        else {
          await audit.append({ event: 'token.revoke', jti, by });
          io.err(`token ${jti} revoked`);
        }
        return 0;
      }
      default:
        if (command === 'token' && sub !== undefined) return await issueToken(sub, args[0], parsed.options.ttl);
        if (command === 'backup' && sub !== undefined && args.length === 0) return await backup(sub);
        if (command === 'page-reports') return await pageReportsCommand(sub, args, parsed.options, { store, io, audit: audit.append, by });
        if (command === 'site-rules') return await siteRulesCommand(sub, args, { store, io, audit: audit.append, by, now: now() });
        if (command === 'extension')
          return await extensionCommand(sub, args, { dataDir: config.config.DATA_DIR, io, audit: audit.append, by, now: now() });
        throw new UsageError(command === undefined ? 'no command' : `unknown command ${[command, sub].filter(Boolean).join(' ')}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(error.message);
    io.err(USAGE);
    return 2;
  } finally {
    await store.close();
  }

  async function backup(file: string): Promise<number> {
    const target = path.resolve(file);
    if (!store.backup) {
      io.err('backup: with STORE=postgres, back up the database with pg_dump (see README)');
      return 1;
    }
    await store.backup(target);
    await audit.append({ event: 'backup', file: target, by });
    io.err(`backup written to ${target}`);
    return 0;
  }

  async function issueToken(teamArg: string, userArg: string | undefined, ttlArg: string | undefined): Promise<number> {
    const team = valid(TeamId, teamArg, 'team');
    const user = valid(AccountId, userArg, 'user');
    const ttl = parseTtl(ttlArg ?? '30d');
    if (ttl === undefined) throw new UsageError(`--ttl ${JSON.stringify(ttlArg)}: a duration such as 30d, 12h, 90m (at most a year)`);
    const account = await store.user(team, user);
    if (!account) {
      io.err(`no user ${user} in team ${team} (user add ${team} ${user} first)`);
      return 1;
    }
    const iat = Math.floor(now().getTime() / 1000);
    const claims = { sub: user, team, role: account.role, jti: crypto.randomUUID(), iat, exp: iat + ttl };
    const token = await signToken(await store.secret(), claims);
    const expires = new Date(claims.exp * 1000).toISOString();
    await store.addToken({ jti: claims.jti, team, user, issuedAt: new Date(iat * 1000).toISOString(), expiresAt: expires });
    await audit.append({ event: 'token.issue', team, user, jti: claims.jti, expires, by });
    io.out(token);
    io.err(`token ${claims.jti} for ${user} of team ${team} (${account.role}), expires ${expires}`);
    return 0;
  }
}
