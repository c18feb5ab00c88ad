/**
 * Reads an entity's complete sections from the endpoints its page declares, through the site adapter's `completeRead`
 * (gsxt: POST draw/start/length, DataTables JSON), so that 23 penalties are read as 23 and not as the 5 on screen.
 *
 * It must never get a member of staff blocked during official work: one request at a time, a small cap per page
 * view, a timeout, and it stops at once — saying why — on a captcha, an NGIDERRORCODE reply, HTML where JSON was
 * expected, or an HTTP error. It never retries. The sender is injected: in the extension it runs in the page's main
 * world, so the site's own XMLHttpRequest hook adds its token (a request of ours would lack it).
 */
import type { CompleteRead, DataTablesPage, JsonSection, SectionKind, SectionTarget } from '#core/page';

/** What the fetcher needs of the site: its request form and how to read a reply. */
export type SiteRequests = Pick<CompleteRead, 'form' | 'readReply'>;

export interface Reply {
  status: number;
  body: string;
}

/** Sends one POST of the page's own form to a path of the page's own origin. */
export type Sender = (path: string, form: URLSearchParams, signal: AbortSignal) => Promise<Reply>;

export interface FetchPolicy {
  /** Requests allowed for one page view, all sections together. */
  maxRequests: number;
  /** Rows per request: the page's own page size. */
  pageSize: number;
  timeoutMs: number;
}

export const DEFAULT_POLICY: FetchPolicy = { maxRequests: 12, pageSize: 5, timeoutMs: 8000 };

/**
 * Why reading stopped early; `captcha`: HTML came where JSON was expected (a captcha or login page); `cancelled`: the
 * page was left (or the overlay removed) before it finished.
 */
export type StopReason = 'blocked' | 'captcha' | 'not-json' | 'http-error' | 'timeout' | 'cap-reached' | 'network' | 'cancelled';

export interface SectionsRead {
  sections: JsonSection[];
  requests: number;
  /**
   * Why reading stopped before every section was complete; null when it finished. `value`: the figure the user's
   * message names (NGIDERRORCODE, HTTP status, seconds, requests), '' when none; `detail`: English, for the log.
   */
  stopped: { reason: StopReason; detail: string; value: string } | null;
}

class Stop extends Error {
  constructor(
    readonly reason: StopReason,
    detail: string,
    readonly value: string | number = '',
  ) {
    super(detail);
  }
}

export async function fetchSections(
  targets: readonly SectionTarget[],
  site: SiteRequests,
  send: Sender,
  policy: FetchPolicy = DEFAULT_POLICY,
  cancel?: AbortSignal,
): Promise<SectionsRead> {
  let requests = 0;
  const sections: JsonSection[] = [];

  const request = async (url: string, start: number): Promise<{ page: DataTablesPage; section: SectionKind | null }> => {
    // No request is sent for a page that was left: its answer would be thrown away.
    if (cancel?.aborted) throw new Stop('cancelled', 'the page was left before the read finished');
    if (requests >= policy.maxRequests)
      throw new Stop('cap-reached', `stopped after ${requests} requests (the limit for one page view)`, requests);
    requests++;
    const form = site.form(requests, start, policy.pageSize);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    let reply: Reply;
    try {
      reply = await send(url, form, controller.signal);
    } catch (error) {
      if (controller.signal.aborted)
        throw new Stop('timeout', `no answer within ${policy.timeoutMs} ms from ${url}`, Math.round(policy.timeoutMs / 1000));
      throw new Stop('network', `request failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
    if (reply.status < 200 || reply.status >= 300) throw new Stop('http-error', `HTTP ${reply.status} from ${url}`, reply.status);
    const read = site.readReply(reply.body);
    if (read.kind === 'blocked') throw new Stop('blocked', read.detail, read.code);
    if (read.kind === 'invalid') throw new Stop(read.html ? 'captcha' : 'not-json', read.detail);
    return { page: read.page, section: read.section };
  };

  try {
    for (const target of targets) {
      const first = await request(target.url, 0);
      // The rows say which section this is; an empty page keeps the name's guess.
      const section: JsonSection = { kind: first.section ?? target.kind, pages: [first.page] };
      // Pushed before the next pages are asked for: a stop keeps what was read, and completeness shows the rest.
      sections.push(section);
      const total = first.page.recordsTotal ?? first.page.data.length;
      let read = first.page.data.length;
      let last = first.page;
      while (read < total && last.data.length > 0) {
        last = (await request(target.url, read)).page;
        section.pages.push(last);
        read += last.data.length;
      }
    }
    return { sections, requests, stopped: null };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { sections, requests, stopped: { reason: error.reason, detail: error.message, value: String(error.value) } };
  }
}

/** Results kept for the browser session, so the same entity is never fetched twice (the extension stores them). */
export interface SectionCache {
  get(key: string): Promise<SectionsRead | undefined>;
  set(key: string, value: SectionsRead): Promise<void>;
}

export function memoryCache(): SectionCache {
  const entries = new Map<string, SectionsRead>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}

/**
 * fetchSections once per entity and session; a read that was stopped is kept too (asking again is what we avoid),
 * except one cancelled because the page was left: coming back reads it again.
 */
export async function fetchSectionsOnce(
  key: string,
  targets: readonly SectionTarget[],
  site: SiteRequests,
  send: Sender,
  cache: SectionCache,
  policy: FetchPolicy = DEFAULT_POLICY,
  cancel?: AbortSignal,
): Promise<SectionsRead & { cached: boolean }> {
  const hit = await cache.get(key);
  if (hit) return { ...hit, cached: true };
  const read = await fetchSections(targets, site, send, policy, cancel);
  if (read.stopped?.reason !== 'cancelled') await cache.set(key, read);
  return { ...read, cached: false };
}
