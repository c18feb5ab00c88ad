import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordIndex, cleanText, firstList, keywordsIn, labelForm, listCount, matchForm, tidyText, toHalfWidth } from './text.ts';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
// Every white-space character JavaScript's \s knows, plus the ones the sites use most.
const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2002',
  '\u2003',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
];

/** Text salted with the characters the sites use to pad and obfuscate. */
const noisy = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'罚款警告名称：:ＡＢａｂ１２（）AbC9 ,，。'),
    fc.constantFrom(...ZERO_WIDTH),
    fc.constantFrom(...SPACES),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

describe('toHalfWidth', () => {
  it('maps full-width ASCII to half width and the ideographic space to a space', () => {
    expect(toHalfWidth('ＡＢＣ１２３（）！～')).toBe('ABC123()!~');
    expect(toHalfWidth('ａｂｃ，；：')).toBe('abc,;:');
    expect(toHalfWidth('\u3000')).toBe(' ');
    expect(toHalfWidth('罚款５万元')).toBe('罚款5万元');
  });

  it('leaves everything else alone', () => {
    expect(toHalfWidth('abc 123 罚款。、“”《》')).toBe('abc 123 罚款。、“”《》');
    expect(toHalfWidth('\uff00\uff5f\uffe5')).toBe('\uff00\uff5f\uffe5'); // just outside FF01–FF5E; ￥ is not ASCII
    expect(toHalfWidth('')).toBe('');
  });

  it('property: keeps the length, leaves no full-width ASCII, and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.integer({ min: 0xff00, max: 0xff60 }).map((c) => String.fromCharCode(c)),
            fc.string({ maxLength: 1 }),
          ),
        }),
        (s) => {
          const out = toHalfWidth(s);
          expect(out).toHaveLength(s.length);
          expect(out).not.toMatch(/[\uff01-\uff5e\u3000]/);
          expect(toHalfWidth(out)).toBe(out);
        },
      ),
    );
  });

  it('property: every full-width ASCII character maps to its ASCII twin', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x21, max: 0x7e }), (code) => {
        expect(toHalfWidth(String.fromCharCode(code + 0xfee0))).toBe(String.fromCharCode(code));
      }),
    );
  });
});

describe('tidyText', () => {
  it('property: the trim-only fast path gives what the full tidying gives', () => {
    const full = (s: string) =>
      s
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
        .trim();
    fc.assert(
      fc.property(noisy, (s) => {
        expect(tidyText(s)).toBe(full(s));
      }),
    );
    expect(tidyText(' 示市监罚〔2023〕1号 ')).toBe('示市监罚〔2023〕1号');
    expect(tidyText(' a\u00a0b ')).toBe('a b');
  });
});

describe('cleanText', () => {
  it('removes zero-width characters', () => {
    expect(cleanText('罚\u200b款')).toBe('罚款');
    expect(cleanText('\ufeff罚\u200c款\u200d\u2060')).toBe('罚款');
  });

  it('folds &emsp;, thin spaces, NBSP and the ideographic space into one space and trims', () => {
    expect(cleanText('名\u2003\u2003称')).toBe('名 称'); // &emsp;
    expect(cleanText('名\u2009称')).toBe('名 称'); // thin space
    expect(cleanText('名\u2002\u00a0\u202f称')).toBe('名 称');
    expect(cleanText('\u3000\u3000罚款\u3000\u3000')).toBe('罚款');
    expect(cleanText('  a \n\t b  ')).toBe('a b');
    expect(cleanText('a\u2028b')).toBe('a b'); // line separator (JSON text)
    expect(cleanText('a\u1680b\r')).toBe('a b');
  });

  it('removes a zero-width character between spaces without leaving two spaces', () => {
    expect(cleanText('a \u200b b')).toBe('a b');
  });

  it('applies half width', () => {
    expect(cleanText('　ＡＢ　１２　')).toBe('AB 12');
  });

  it('property: idempotent; no zero-width, no doubled or edge spaces, no full-width ASCII', () => {
    fc.assert(
      fc.property(noisy, (s) => {
        const out = cleanText(s);
        expect(cleanText(out)).toBe(out);
        expect(out).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
        expect(out).not.toMatch(/[^\S ]/); // no white space but the plain space
        expect(out).not.toMatch(/ {2}/);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/[\uff01-\uff5e]/);
      }),
    );
  });
});

describe('matchForm', () => {
  it('folds case after cleaning', () => {
    expect(matchForm('ＡＢＣ Def')).toBe('abc def');
    expect(matchForm('\u2003GB 2760\u200b-2014 ')).toBe('gb 2760-2014');
    expect(matchForm('罚款')).toBe('罚款');
  });

  it('property: idempotent and equal for inputs that differ only in case, width and padding', () => {
    fc.assert(
      fc.property(noisy, (s) => {
        const out = matchForm(s);
        expect(matchForm(out)).toBe(out);
        expect(out).toBe(out.toLowerCase());
        expect(matchForm(s.toUpperCase())).toBe(matchForm(s.toLowerCase()));
        expect(matchForm(`\u3000${s}\u2003\u200b`)).toBe(out);
      }),
    );
  });
});

describe('labelForm', () => {
  it('removes every space and a trailing colon, full or half width', () => {
    expect(labelForm('名\u2003\u2003称：')).toBe('名称');
    expect(labelForm('统一社会信用代码:')).toBe('统一社会信用代码');
    expect(labelForm(' 登记 机关 ： ')).toBe('登记机关');
    expect(labelForm('成立日期::')).toBe('成立日期');
    expect(labelForm('类型')).toBe('类型');
  });

  it('keeps a colon that is not at the end, and keeps case', () => {
    expect(labelForm('时间：起止')).toBe('时间:起止');
    expect(labelForm('Reg No:')).toBe('RegNo');
  });

  it('property: no spaces, no trailing colon, idempotent', () => {
    fc.assert(
      fc.property(noisy, (s) => {
        const out = labelForm(s);
        expect(out).not.toMatch(/\s/);
        expect(out).not.toMatch(/[:：]$/);
        expect(labelForm(out)).toBe(out);
      }),
    );
  });
});

describe('keywordsIn', () => {
  it('returns the keywords that occur, in list order', () => {
    expect(keywordsIn('罚款人民币5万元,没收违法所得', ['没收', '警告', '罚款'])).toEqual(['没收', '罚款']);
    expect(keywordsIn('警告', ['罚款'])).toEqual([]);
    expect(keywordsIn('', ['罚款'])).toEqual([]);
    expect(keywordsIn('罚款', [])).toEqual([]);
  });

  it('compares verbatim: the caller supplies both sides in match form', () => {
    expect(keywordsIn('gb 2760', ['GB'])).toEqual([]);
    expect(keywordsIn(matchForm('ＧＢ 2760'), [matchForm('GB')])).toEqual(['gb']);
  });

  it('property: the hits are exactly the listed keywords that are substrings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }), (hay, list) => {
        const hits = keywordsIn(hay, list);
        expect(hits).toEqual(list.filter((k) => hay.includes(k)));
      }),
    );
  });
});

describe('KeywordIndex', () => {
  const index = new KeywordIndex([['广告', '虚假宣传'], ['食品', '保健食品'], ['ＣＣＣ']]);

  it('reports every list with a keyword in the text as one bit each', () => {
    expect(index.search('发布保健食品虚假广告')).toBe(0b011);
    expect(index.search('销售未经ccc认证的电线')).toBe(0b100);
    expect(index.search('违反道路运输管理规定')).toBe(0);
  });

  it('agrees with keywordsIn on random texts', () => {
    const lists = [['广告', '虚假宣传'], ['食品', '保健食品'], ['ccc']];
    const alphabet = ['广', '告', '虚', '假', '宣', '传', '食', '品', '保', '健', 'c', '其'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const expected = lists.reduce((mask, words, i) => (keywordsIn(text, words).length ? mask | (1 << i) : mask), 0);
        expect(index.search(text)).toBe(expected);
      }),
    );
  });

  it('firstList and listCount read the mask', () => {
    expect(firstList(0)).toBe(-1);
    expect(firstList(0b0110)).toBe(1);
    expect(listCount(0b1011)).toBe(3);
  });
});
