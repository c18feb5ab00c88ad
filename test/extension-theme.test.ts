/**
 * One small design system for the extension's pages: popup, options and ledger load ui/theme.css before their own
 * styles, take every colour and font from its tokens, and use only tokens it defines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const EXTENSION = fileURLToPath(new URL('../extension/', import.meta.url));
const theme = readFileSync(`${EXTENSION}ui/theme.css`, 'utf8');
const defined = new Set(Array.from(theme.matchAll(/(--cl-[a-z0-9-]+)\s*:/g), (m) => m[1]));

describe.each(['popup', 'options', 'ledger'])('the %s page', (page) => {
  const main = readFileSync(`${EXTENSION}entrypoints/${page}/main.tsx`, 'utf8');
  const css = readFileSync(`${EXTENSION}entrypoints/${page}/style.css`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

  it('loads the theme before its own styles', () => {
    const themeAt = main.indexOf("import '../../ui/theme.css';");
    expect(themeAt).toBeGreaterThan(-1);
    expect(themeAt).toBeLessThan(main.indexOf("import './style.css';"));
  });

  it('takes its colours and fonts from the theme, and only tokens the theme defines', () => {
    expect(css.match(/#[0-9a-f]{3,8}\b|rgba?\(/gi) ?? []).toEqual([]);
    expect(css).not.toMatch(/font-family|font:/);
    const used = Array.from(css.matchAll(/var\((--cl-[a-z0-9-]+)\)/g), (m) => m[1]);
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((token) => !defined.has(token))).toEqual([]);
  });
});
