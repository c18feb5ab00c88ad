/**
 * Opening sections through the page's own menu: each unrendered section is clicked once and waited for; a
 * section that never renders is reported, not clicked again.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { siteById, type OpenSections } from '#core/page';
import { openSections } from './open-sections.ts';

const GSXT = siteById('gsxt-gov-cn');

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

const TABLE =
  '<table><tr><th>序号</th><th>决定书文号</th><th>违法行为类型</th><th>行政处罚内容</th><th>决定机关名称</th><th>处罚决定日期</th></tr><tr><td>1</td><td>示市监罚〔2024〕1号</td><td>x</td><td>罚款</td><td>某局</td><td>2024-01-02</td></tr></table><div>共 1 条</div>';

function page(): { doc: Document; clicks: string[] } {
  const window = new Window({ url: 'https://www.gsxt.gov.cn/%7BAB12-1558624663369%7D' });
  windows.push(window);
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = `<h1>示例市测试贸易有限公司</h1><p>统一社会信用代码：91330100MA2B3C4D5N</p>
    <div id="resultMenu"><div role="button" data-target="#xzcf">行政处罚信息</div><div role="button" data-target="#jyyc">列入经营异常名录信息</div>
    <div role="button" data-target="#yzwf">列入严重违法失信名单（黑名单）信息</div></div>
    <div id="xzcf">正在加载，请稍候</div><div id="jyyc">正在加载，请稍候</div><div id="yzwf">正在加载，请稍候</div>`;
  const clicks: string[] = [];
  // The page's own script: penalties render after a moment, the abnormal section says none, the serious one never loads.
  doc.addEventListener('click', (event) => {
    const target = (event.target as Element).getAttribute('data-target') ?? '';
    clicks.push(target);
    setTimeout(() => {
      if (target === '#xzcf') doc.querySelector('#xzcf')!.innerHTML = TABLE;
      if (target === '#jyyc') doc.querySelector('#jyyc')!.innerHTML = '暂无列入经营异常名录信息';
    }, 20);
  });
  return { doc, clicks };
}

describe('openSections', () => {
  it('clicks each section once, waits for it, and reports the one that never rendered', async () => {
    const { doc, clicks } = page();
    const result = await openSections(doc, GSXT, GSXT.openSections as OpenSections, { timeoutMs: 300 });
    expect(result).toEqual({ opened: ['penalties', 'abnormal'], failed: ['serious'] });
    expect(clicks).toEqual(['#xzcf', '#jyyc', '#yzwf']);
  });

  it('leaves alone a section that is already rendered', async () => {
    const { doc, clicks } = page();
    doc.querySelector('#xzcf')!.innerHTML = TABLE;
    await openSections(doc, GSXT, GSXT.openSections as OpenSections, { timeoutMs: 100 });
    expect(clicks).not.toContain('#xzcf');
  });
});
