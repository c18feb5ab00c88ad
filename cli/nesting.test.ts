/** The nesting measure the command line refuses absurd pages by, before building a DOM. */
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingDepth } from './nesting.ts';

describe('nestingDepth', () => {
  it('counts elements whose end tag is required, not self-closing or void ones, nor markup inside scripts and comments', () => {
    expect(nestingDepth('<div><span><b>x</b></span></div>')).toBe(3);
    expect(nestingDepth('<table><tr><td><p>a<p>b<li>c</table>')).toBe(1);
    expect(nestingDepth('<div><br><img src=x><input/></div><div/>')).toBe(1);
    expect(nestingDepth(`<div><script>const s = '${'<div>'.repeat(600)}';</script><!-- ${'<div>'.repeat(600)} --></div>`)).toBe(1);
  });

  it('stops counting as soon as the limit is passed', () => {
    expect(nestingDepth('<div>'.repeat(100_000))).toBe(MAX_NESTING + 1);
    expect(nestingDepth('<div>'.repeat(MAX_NESTING))).toBe(MAX_NESTING);
  });
});
