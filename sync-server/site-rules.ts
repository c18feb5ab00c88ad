/**
 * The team's site rules on the server (docs/admin/site-rules.md): `site-rules publish <file>` checks a rules file
 * against core's SiteRules and stores it as the active version if its version is higher than the current one;
 * `site-rules rollback` restores the rules of the publication before the current one as a new, higher version
 * (versions only ever rise, so every browser and every page report names what it read with, and a rollback is a
 * publication like any other); a second rollback goes one publication further back, until there is none;
 * `site-rules show` prints the active file. Refusals say why in Chinese and English; nothing is written then.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SiteRules, problemLines, problemsOf } from '#core';
import type { AuditEvent } from './audit.ts';
import type { SiteRulesRow, SiteRulesStore } from './persistence/site-rules-store.ts';

export const SITE_RULES_USAGE = '  sync-server site-rules publish <rules.json> | site-rules rollback | site-rules show';

type Context = {
  store: SiteRulesStore;
  io: { out(line: string): void; err(line: string): void };
  audit(event: AuditEvent): Promise<void>;
  by: string;
  now: Date;
};

/** The strong ETag of a stored file: its bytes' hash (a version's body never changes). */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** The rules as served: the file's content with the version and the publication time the server gives it. */
function bodyOf(rules: SiteRules, version: number, publishedAt: string): string {
  return `${JSON.stringify({ ...rules, version, publishedAt }, null, 2)}\n`;
}

/** The publication a rollback of `current` restores: the newest original publication older than what `current` holds. */
export function rollbackTarget(versions: readonly SiteRulesRow[], current: SiteRulesRow): SiteRulesRow | undefined {
  const holds = current.restoredFrom ?? current.version;
  return versions.find((row) => row.restoredFrom === null && row.version < holds);
}

/** `sync-server site-rules …`: exit 0 done, 1 refused, 2 usage. */
export async function siteRulesCommand(sub: string | undefined, args: string[], context: Context): Promise<number> {
  const { io, store } = context;
  const refuse = (zh: string, en: string): number => {
    io.err(`未发布：${zh}`);
    io.err(`not published: ${en}`);
    return 1;
  };
  if (sub === 'show' && args.length === 0) {
    const active = await store.activeSiteRules();
    if (!active) {
      io.err('本服务器尚未发布站点规则 / no site rules have been published on this server');
      return 1;
    }
    io.out(active.body.trimEnd());
    const restored = active.restoredFrom === null ? '' : `，恢复自版本 ${active.restoredFrom} / restores version ${active.restoredFrom}`;
    io.err(
      `站点规则版本 ${active.version}，${active.publishedAt} 由 ${active.publishedBy} 发布 / site rules version ${active.version}, published ${active.publishedAt} by ${active.publishedBy}${restored}`,
    );
    return 0;
  }
  if (sub === 'rollback' && args.length === 0) {
    const versions = await store.siteRulesVersions();
    const current = versions[0];
    if (!current) return refuse('尚未发布过站点规则，无可回退', 'no site rules have been published, there is nothing to roll back');
    const target = rollbackTarget(versions, current);
    if (!target)
      return refuse(
        `版本 ${current.version} 之前没有更早的发布，无法再回退`,
        `there is no publication before the one version ${current.version} holds`,
      );
    const rules = SiteRules.parse(JSON.parse(target.body));
    const version = current.version + 1;
    const publishedAt = context.now.toISOString();
    const row = { version, body: bodyOf(rules, version, publishedAt), publishedAt, publishedBy: context.by, restoredFrom: target.version };
    if (!(await store.addSiteRules(row))) return refuse('另一发布同时进行，请重试', 'another publication happened meanwhile; try again');
    await context.audit({ event: 'site-rules.rollback', version, restoredFrom: target.version, from: current.version, by: context.by });
    io.err(
      `已回退：版本 ${version} 恢复版本 ${target.version} 的规则（原为 ${current.version}） / rolled back: version ${version} restores the rules of version ${target.version} (was ${current.version})`,
    );
    return 0;
  }
  if (sub !== 'publish' || args.length !== 1) {
    io.err(`usage:\n${SITE_RULES_USAGE}`);
    return 2;
  }
  const file = path.resolve(args[0]!);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return refuse(`无法读取 ${file}`, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(`${file} 不是有效的 JSON`, `${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = SiteRules.safeParse(json);
  if (!parsed.success) {
    const lines = problemLines(problemsOf(parsed.error));
    for (const line of lines) io.err(`未发布 / not published: ${line}`);
    return 1;
  }
  const rules = parsed.data;
  const current = await store.activeSiteRules();
  if (current && rules.version <= current.version) {
    return refuse(
      `版本 ${rules.version} 不高于当前版本 ${current.version}，请提高 "version"`,
      `version ${rules.version} is not higher than the current ${current.version}: raise "version"`,
    );
  }
  const publishedAt = context.now.toISOString();
  const body = bodyOf(rules, rules.version, publishedAt);
  if (!(await store.addSiteRules({ version: rules.version, body, publishedAt, publishedBy: context.by, restoredFrom: null }))) {
    return refuse('另一发布同时进行且版本不低于此版本，请重试', 'another publication of a version as high happened meanwhile');
  }
  await context.audit({
    event: 'site-rules.publish',
    version: rules.version,
    sha256: crypto.createHash('sha256').update(body).digest('hex'),
    file,
    by: context.by,
  });
  io.err(
    `已发布站点规则版本 ${rules.version}${current ? `（原为 ${current.version}）` : ''} / published site rules version ${rules.version}${current ? ` (was ${current.version})` : ''}`,
  );
  io.err('各浏览器在下次检查时（启动时及每 30 分钟）取用 / browsers pick them up at their next check (at start and every 30 minutes)');
  return 0;
}
