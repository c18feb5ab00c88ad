import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { siteFor } from './index.ts';
import { savedFromUrl, savedPageHtml } from './saved-page.ts';

afterAll(closeAll);

const URL_A = 'https://www.gsxt.gov.cn/%7BAAAA0001-1558624663369%7D';

describe('saved pages', () => {
  it("drops scripts and the caller's own elements, keeps the page, and names the address on the first line", () => {
    const doc = htmlDocument(
      `<html><head><script>alert(1)</script></head><body><h1>示例</h1><x-ours>面板</x-ours>
      <script src="a.js"></script><p>统一社会信用代码：91330100MA2B3C4D5N</p></body></html>`,
      URL_A,
    );
    const html = savedPageHtml(doc, URL_A, 'x-ours');
    expect(html.split('\n')[0]).toBe(`<!-- saved from url=(${String(URL_A.length).padStart(4, '0')})${URL_A} -->`);
    expect(html).not.toMatch(/script|alert|面板/);
    expect(html).toContain('<h1>示例</h1>');
    expect(savedFromUrl(html)?.href).toBe(URL_A);
    // The live page keeps everything.
    expect(doc.querySelectorAll('script, x-ours')).toHaveLength(3);
  });

  it('reads back as the same record', () => {
    const body = `<h1>示例市测试贸易有限公司</h1><table><tr><th>统一社会信用代码</th><td>91330100MA2B3C4D5N</td><th>名称</th><td>示例市测试贸易有限公司</td></tr></table>
      <h3>行政处罚信息</h3><table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th></tr>
      <tr><td>1</td><td>示市监罚〔2025〕1号</td><td>虚假宣传</td><td>罚款</td><td>示例市市场监督管理局</td><td>2025年3月1日</td></tr></table>`;
    const url = new URL(URL_A);
    const live = htmlDocument(`<html><body>${body}<script>1</script></body></html>`, URL_A);
    const again = htmlDocument(savedPageHtml(live, URL_A), URL_A);
    const site = siteFor(url);
    const at = '2026-12-01T00:00:00.000Z';
    expect(site?.parse(again, url, at)).toEqual(site?.parse(live, url, at));
  });

  it('finds no address in a page without the line, or with one that is not a URL', () => {
    expect(savedFromUrl('<html></html>')).toBeNull();
    expect(savedFromUrl('<!-- saved from url=(0003)abc -->')).toBeNull();
  });
});
