import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../../test/support/dom.ts';
import { fixturePages } from '../../../test/support/fixtures.ts';
import { PageText } from './text.ts';

afterAll(closeAll);

describe('PageText.once', () => {
  it('gives every element of every saved page the same text as `of`, through its shortcut or not', () => {
    let shortcut = 0;
    for (const page of fixturePages()) {
      const doc = htmlDocument(page.html, page.url.href);
      const once = new PageText();
      const of = new PageText();
      once.of(doc);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        expect(once.once(el)).toBe(of.of(el));
        if (el.firstElementChild === null) shortcut++;
      }
    }
    expect(shortcut).toBeGreaterThan(1000);
  });

  it('leaves out hidden and skipped elements, as `of` does', () => {
    const doc = htmlDocument(
      '<table><tr><td style="display:none">隐藏</td><td hidden>也隐藏</td><td>可见\u200b 文字</td></tr></table><script>x</script>',
    );
    const t = new PageText();
    expect(Array.from(doc.querySelectorAll('td, script'), (el) => t.once(el))).toEqual(['', '', '可见 文字', '']);
  });
});
