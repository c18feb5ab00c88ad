/** A page report to the team server: the POST it makes, each refusal in words, the size checked before it leaves, the next instance tried. */
import { describe, expect, it } from 'vitest';
import { PAGE_REPORT_FORMAT, type PageReport } from '#core';
import { postPageReport } from './page-report-client.ts';

const REPORT: PageReport = {
  format: PAGE_REPORT_FORMAT,
  url: 'https://www.gsxt.gov.cn/x',
  observedAt: '2026-12-07T20:15:03.412Z',
  html: '<html></html>',
  reader: { site: 'gsxt-gov-cn', version: '2.0.0', layout: 'web-2026' },
  extensionVersion: '0.1.0',
  result: { ok: true },
};
const ACCESS = { server: 'ws://a.invalid:1 wss://b.example/sync', token: 'h.p.s', team: 't 1' };

describe('postPageReport', () => {
  it('POSTs the JSON with the bearer token to the HTTP address of the next instance that answers', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (url.startsWith('http://a.invalid')) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ id: 12 }), { status: 201 });
    }) as typeof fetch;
    expect(await postPageReport(ACCESS, REPORT, fetchImpl)).toEqual({ id: 12 });
    expect(calls.map((c) => c.url)).toEqual([
      'http://a.invalid:1/team/t%201/page-reports',
      'https://b.example/sync/team/t%201/page-reports',
    ]);
    expect(calls[1]!.init).toMatchObject({
      method: 'POST',
      headers: { authorization: 'Bearer h.p.s', 'content-type': 'application/json' },
    });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual(REPORT);
  });

  it('names each refusal: 401, 403, 413, 429 (in minutes from Retry-After), anything else with its status; unreachable', async () => {
    const answering = (status: number, headers: Record<string, string> = {}) =>
      (async () => new Response(JSON.stringify({ error: 'x' }), { status, headers })) as unknown as typeof fetch;
    const refusal = (fetchImpl: typeof fetch) =>
      postPageReport({ ...ACCESS, server: 'ws://s' }, REPORT, fetchImpl).then(
        () => null,
        (e: unknown) => e,
      );
    expect(await refusal(answering(401))).toMatchObject({ key: 'page_report_http_401' });
    expect(await refusal(answering(403))).toMatchObject({ key: 'page_report_http_403' });
    expect(await refusal(answering(413))).toMatchObject({ key: 'page_report_too_large' });
    expect(await refusal(answering(429, { 'retry-after': '601' }))).toMatchObject({ key: 'page_report_http_429', subs: ['11'] });
    expect(await refusal(answering(500))).toMatchObject({ key: 'page_report_http', subs: ['500'] });
    expect(
      await refusal((async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch),
    ).toMatchObject({ key: 'page_report_unreachable' });
  });

  it('refuses a report over 5 MB before sending anything', async () => {
    let called = false;
    const fetchImpl = (async () => {
      called = true;
      return new Response('{}', { status: 201 });
    }) as unknown as typeof fetch;
    await expect(postPageReport(ACCESS, { ...REPORT, html: '页'.repeat(2 * 1024 * 1024) }, fetchImpl)).rejects.toMatchObject({
      key: 'page_report_too_large',
    });
    expect(called).toBe(false);
  });
});
