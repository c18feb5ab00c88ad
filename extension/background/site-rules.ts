/**
 * Keeps this browser's copy of the team's site rules: checked when the background starts, every CHECK_MINUTES
 * (chrome.alarms: the service worker may sleep in between) and when the options page's 立即检查更新 asks. A new file
 * replaces the stored copy; an unchanged one (304) only updates the check's time; a failed check or a file that is not
 * valid keeps the last good copy, and the reason is kept for the options page. Checks run one at a time.
 */
import { fetchSiteRules } from '../sync/site-rules-client.ts';
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { readStoredSiteRules, siteRulesItem, type StoredSiteRules } from '../storage/site-rules-items.ts';
import { errorText } from '../ui/errors.ts';
import { t } from '../ui/i18n.ts';

const Text = (max: number) => z.string().check(z.maxLength(max));
/** The last check: when, against which server, and why it failed (in the UI language; null: it worked). */
export const SiteRulesCheck = z.strictObject({ checkedAt: Text(40), server: z.nullable(Text(2_000)), error: z.nullable(Text(2_000)) });
export type SiteRulesCheck = z.infer<typeof SiteRulesCheck>;
export const siteRulesCheckItem = storage.defineItem<unknown>('local:siteRulesCheck', { fallback: null });

async function readSiteRulesCheck(): Promise<SiteRulesCheck | null> {
  const parsed = z.safeParse(SiteRulesCheck, await siteRulesCheckItem.getValue());
  return parsed.success ? parsed.data : null;
}

export const SITE_RULES_ALARM = 'creditlens-site-rules';
export const CHECK_MINUTES = 30;

/** What the options page shows: the copy in use and the last check. */
export interface SiteRulesState {
  active: { version: number; fetchedAt: string; server: string } | null;
  check: SiteRulesCheck | null;
}

export interface SiteRulesSyncDeps {
  /** The team server and token (null: no team configured). */
  access(): Promise<{ server: string; token: string } | null>;
  now(): string;
  fetch?: typeof fetch;
  log(line: string): void;
}

export class SiteRulesSync {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SiteRulesSyncDeps) {}

  /** One check against the team server; never throws (the reason is stored). */
  check(): Promise<SiteRulesState> {
    const run = this.queue.then(() => this.checkNow());
    this.queue = run.catch(() => {});
    return run;
  }

  async state(): Promise<SiteRulesState> {
    const [stored, check] = await Promise.all([readStoredSiteRules(), readSiteRulesCheck()]);
    return { active: stored && { version: stored.rules.version, fetchedAt: stored.fetchedAt, server: stored.server }, check };
  }

  private async checkNow(): Promise<SiteRulesState> {
    const checkedAt = this.deps.now();
    const access = await this.deps.access();
    if (!access) {
      await siteRulesCheckItem.setValue({ checkedAt, server: null, error: t('site_rules_error_no_team') } satisfies SiteRulesCheck);
      return this.state();
    }
    const stored = await readStoredSiteRules();
    try {
      // The ETag only for the same server: another server's file says nothing about this one's.
      const etag = stored && stored.server === access.server ? stored.etag : null;
      const reply = await fetchSiteRules(access, etag, this.deps.fetch);
      if (reply.kind === 'new') {
        await siteRulesItem.setValue({
          rules: reply.rules,
          etag: reply.etag,
          fetchedAt: checkedAt,
          server: access.server,
        } satisfies StoredSiteRules);
        this.deps.log(`site rules version ${reply.rules.version} from ${reply.server}`);
      }
      const error = reply.kind === 'none' ? t('site_rules_none_published') : null;
      await siteRulesCheckItem.setValue({ checkedAt, server: access.server, error } satisfies SiteRulesCheck);
    } catch (error) {
      this.deps.log(`site rules: ${error instanceof Error ? error.message : String(error)}`);
      await siteRulesCheckItem.setValue({ checkedAt, server: access.server, error: errorText(error) } satisfies SiteRulesCheck);
    }
    return this.state();
  }
}
