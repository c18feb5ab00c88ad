/**
 * The warm-up must exercise the real code paths (a page the gsxt reader understands, a record the rules accept),
 * or it warms nothing; and it must leave the real page untouched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EntityRecord, siteById } from '#core';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { WARM_UP_PAGE, WARM_UP_RECORD, warmUp } from './warm-up.ts';

afterAll(closeAll);
const URL_OF_PAGE = new URL('https://www.gsxt.gov.cn/%7BAB12-1558624663369%7D');

describe('warm-up', () => {
  it('is a page the gsxt reader reads in full and a record the rules accept', () => {
    const result = siteById('gsxt-gov-cn').parse(htmlDocument(WARM_UP_PAGE, URL_OF_PAGE.href), URL_OF_PAGE, '2026-01-01T00:00:00.000Z');
    expect(result.ok && result.completeness.penalties).toEqual({ read: 24, total: 24, from: 'dom' });
    expect(EntityRecord.safeParse(WARM_UP_RECORD).success).toBe(true);
  });

  it('changes nothing in the page it runs beside', () => {
    const doc = htmlDocument('<html><body><h1>某页面</h1></body></html>', URL_OF_PAGE.href);
    const before = doc.documentElement.outerHTML;
    warmUp(doc, siteById('gsxt-gov-cn'), URL_OF_PAGE, '2026-11-30');
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
