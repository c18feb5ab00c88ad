/**
 * The section fetcher's manners, with a scripted sender: one request at a time, the page's own form, a cap, and an
 * immediate stop — never a retry — on anything that is not a DataTables page.
 */
import { describe, expect, it } from 'vitest';
import { siteById, type SiteAdapter } from '#core';
import { fetchSections, fetchSectionsOnce, memoryCache, type Reply, type Sender } from './sections.ts';

const GSXT = siteById('gsxt-gov-cn').completeRead as NonNullable<SiteAdapter['completeRead']>;
const SCRIPTS = `var punishmentDetailInfoUrl = "/pun.html"; var entBusExcepUrl = "/abn.html"; var IllInfoUrl = "/ill.html";`;
const DECLARED = GSXT.targets(SCRIPTS, { name: '示例', uscc: '91330100MA2B3C4D5N' });
const penalty = (i: number) => ({
  penDecNo: `罚〔2024〕${i}号`,
  penDecIssDate: 1704038400000,
  penAuth_CN: '某局',
  penContent: '罚款',
  illegActType: 'x',
});

/** A site: 23 penalties, no abnormal or serious entries; records every request. */
function site(overrides: Partial<Record<string, (start: number) => Reply>> = {}) {
  const log: Array<{ path: string; form: Record<string, string> }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send: Sender = async (path, form) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 2));
    inFlight--;
    log.push({ path, form: Object.fromEntries(form) });
    const start = Number(form.get('start'));
    const override = overrides[path];
    if (override) return override(start);
    if (path === '/pun.html') {
      const data = Array.from({ length: Math.max(0, Math.min(5, 23 - start)) }, (_, i) => penalty(start + i + 1));
      return { status: 200, body: JSON.stringify({ draw: 1, recordsTotal: 23, totalPage: 5, data }) };
    }
    return { status: 200, body: JSON.stringify({ draw: 1, recordsTotal: 0, data: [] }) };
  };
  return { send, log, maxInFlight: () => maxInFlight };
}

describe('fetchSections', () => {
  it('reads 23 penalties in 5 requests of the page\u2019s own form, one at a time', async () => {
    const s = site();
    const read = await fetchSections(DECLARED, GSXT, s.send);
    expect(read.stopped).toBeNull();
    expect(read.sections.find((x) => x.kind === 'penalties')?.pages.flatMap((p) => p.data)).toHaveLength(23);
    expect(s.log.filter((r) => r.path === '/pun.html').map((r) => r.form.start)).toEqual(['0', '5', '10', '15', '20']);
    expect(s.log[0]?.form).toEqual({ draw: '1', start: '0', length: '5' });
    expect(s.maxInFlight()).toBe(1);
    expect(read.requests).toBe(7);
  });

  it.each([
    { what: 'a captcha page', reply: { status: 200, body: '<html>验证码</html>' }, reason: 'captcha', value: '' },
    { what: 'a reply that is no JSON', reply: { status: 200, body: 'busy' }, reason: 'not-json', value: '' },
    { what: 'NGIDERRORCODE', reply: { status: 200, body: '{"NGIDERRORCODE":"E1"}' }, reason: 'blocked', value: 'E1' },
    { what: 'an HTTP error', reply: { status: 521, body: '' }, reason: 'http-error', value: '521' },
  ])('stops at once on $what, keeps what it read, and never asks again', async ({ reply, reason, value }) => {
    const s = site({
      '/pun.html': (start) =>
        start === 0
          ? { status: 200, body: JSON.stringify({ recordsTotal: 23, data: [penalty(1), penalty(2), penalty(3), penalty(4), penalty(5)] }) }
          : reply,
    });
    const read = await fetchSections(DECLARED, GSXT, s.send);
    expect(read.stopped).toMatchObject({ reason, value });
    expect(s.log).toHaveLength(2);
    expect(read.sections[0]?.pages.flatMap((p) => p.data)).toHaveLength(5);
  });

  it('stops at the cap and says so', async () => {
    const s = site();
    const read = await fetchSections(DECLARED, GSXT, s.send, { maxRequests: 3, pageSize: 5, timeoutMs: 1000 });
    expect(read.stopped?.reason).toBe('cap-reached');
    expect(s.log).toHaveLength(3);
  });

  it('stops on a timeout', async () => {
    const slow: Sender = (_path, _form, signal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const read = await fetchSections(DECLARED, GSXT, slow, { maxRequests: 5, pageSize: 5, timeoutMs: 30 });
    expect(read.stopped?.reason).toBe('timeout');
    expect(read.requests).toBe(1);
  });

  it('takes the section from the rows, not from the URL\u2019s name', async () => {
    const swapped = site({
      '/abn.html': () => ({
        status: 200,
        body: JSON.stringify({ recordsTotal: 1, data: [{ serILLRea_CN: '较重处罚', abntime: 1675180800000 }] }),
      }),
    });
    const read = await fetchSections(DECLARED, GSXT, swapped.send);
    expect(read.sections.map((x) => x.kind)).toEqual(['penalties', 'serious', 'serious']);
  });
});

describe('cancelling', () => {
  it('sends nothing more once cancelled, keeps what was read, and is not cached', async () => {
    const s = site();
    const cancel = new AbortController();
    let sent = 0;
    const send: Sender = async (path, form, signal) => {
      if (++sent === 2) cancel.abort();
      return s.send(path, form, signal);
    };
    const cache = memoryCache();
    const read = await fetchSectionsOnce('/%7BAB%7D', DECLARED, GSXT, send, cache, undefined, cancel.signal);
    expect(read.stopped?.reason).toBe('cancelled');
    expect(s.log).toHaveLength(2);
    expect(read.sections[0]?.pages.flatMap((p) => p.data)).toHaveLength(10);
    expect(await cache.get('/%7BAB%7D')).toBeUndefined();
  });
});

describe('fetchSectionsOnce', () => {
  it('reuses the result for the same entity within the session', async () => {
    const s = site();
    const cache = memoryCache();
    const first = await fetchSectionsOnce('entity-A', DECLARED, GSXT, s.send, cache);
    const second = await fetchSectionsOnce('entity-A', DECLARED, GSXT, s.send, cache);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(s.log).toHaveLength(7);
  });
});
