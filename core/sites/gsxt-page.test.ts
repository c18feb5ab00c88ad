import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, documentParser } from '../../test/support/dom.ts';
import { sentences } from './gsxt-page.ts';
import { PageText } from './dom/text.ts';

afterAll(closeAll);

/** The search as it was before it passed over subtrees: every element of the page, in document order. */
function everyElement(root: ParentNode, re: RegExp, hint: string, t: PageText, maxLength: number): Element[] {
  const found: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const raw = t.raw(el);
    if (raw.length > maxLength * 8 || !raw.includes(hint)) continue;
    const text = t.of(el);
    if (text.length > maxLength || !re.test(text) || Array.from(el.children).some((c) => re.test(t.of(c)))) continue;
    let outer = el;
    while (outer.parentElement && t.of(outer.parentElement) === text) outer = outer.parentElement;
    if (!found.includes(outer)) found.push(outer);
  }
  return found;
}

const WORDS = ['该企业已列入经营异常名录', '暂无行政处罚信息', '以下信息由该企业提供', '企业', '暂', '无', '该', '示例', ' ', '序号'];
const STYLES = ['', ' style="display:none"', ' hidden', ' style="visibility:hidden"'];
const TAGS = ['div', 'span', 'p', 'td', 'script', 'b'];

/** Random nested markup of the words the searches look for, hidden and skipped blocks among them. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...WORDS),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...STYLES), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, style, children]) =>
        tag === 'td' ? `<table><tr><td${style}>${children.join('')}</td></tr></table>` : `<${tag}${style}>${children.join('')}</${tag}>`,
      ),
  ),
})).node;

const SEARCHES: Array<[RegExp, string, number]> = [
  [/该(企业|个体工商户)(已|被){0,2}(列入|载入|标记)/, '该', 200],
  [/以下信息由(该)?企业(提供|自行公示)/, '企业', 120],
  [/暂无(行政处罚)/, '暂无', 80],
];

describe('sentences', () => {
  it('property: finds what a search of every element finds, hidden blocks and 200-row tables alike', async () => {
    const parse = documentParser('https://www.gsxt.gov.cn/');
    let found = 0;
    const pages = fc.sample(fc.array(markup, { minLength: 1, maxLength: 5 }), { numRuns: 300, seed: 20261207 });
    for (const parts of pages) {
      const doc = await parse(`<html><body>${parts.join('')}</body></html>`);
      // Elements compared by their place in the page (toEqual would take two alike elements for the same).
      const order = Array.from(doc.querySelectorAll('*'));
      const places = (els: Element[]) => els.map((el) => order.indexOf(el));
      for (const [re, hint, max] of SEARCHES) {
        const expected = places(everyElement(doc, re, hint, new PageText(), max));
        expect(places(sentences(doc, re, hint, new PageText(), max))).toEqual(expected);
        found += expected.length;
      }
    }
    // The pages hold matches, hidden or not: the comparison is not one of empty lists.
    expect(found).toBeGreaterThan(100);
  });
});
