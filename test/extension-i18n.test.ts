/**
 * No text is hard-coded in the extension's UI: every Chinese string a user sees comes from the messages files.
 * The UI code (comments stripped) is scanned for Chinese characters; page-reading patterns belong in core, not here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latinOnly, latinOnlyTexts } from './support/latin.ts';

const EXTENSION = fileURLToPath(new URL('../extension/', import.meta.url));
const UI_FOLDERS = ['background', 'features', 'entrypoints', 'ui'];
const HAN = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** Lines whose Chinese is not UI text: the tag input accepts Chinese and Latin separators alike. */
const INPUT_PARSING = /\.split\(\/\[/;
/** Files whose Chinese is what they read, not what they show: the column headers clue files use. */
const READS_CHINESE = new Set(['features/ledger/mapping.ts']);

function uiFiles(): string[] {
  return UI_FOLDERS.flatMap((folder) =>
    readdirSync(`${EXTENSION}${folder}`, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|html)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => `${folder}/${f}`)
      .filter((f) => !READS_CHINESE.has(f)),
  );
}

/** The code without its comments (line, block and HTML comments); strings stay. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('extension UI texts', () => {
  it('are Chinese in the Chinese messages file: no message is Latin words alone', () => {
    const zh = JSON.parse(readFileSync(`${EXTENSION}public/_locales/zh_CN/messages.json`, 'utf8')) as Record<string, { message: string }>;
    // `lang` is the UI language's code, read by the code (ui/i18n.ts), never shown.
    const latin = Object.entries(zh)
      .filter(([key, { message }]) => key !== 'lang' && latinOnly(message))
      .map(([key]) => key);
    expect(Object.keys(zh).length).toBeGreaterThan(300);
    expect(latin).toEqual([]);
    expect(latinOnly('stopped after 12 requests')).toBe(true);
    expect(latinOnly('令牌字段 role：缺少')).toBe(false);
    expect(
      latinOnlyTexts(['91110000101623741K', 'https://www.gsxt.gov.cn/x', '2026-12-07 10:00', 'Zhang San', 'not JSON'], ['Zhang San']),
    ).toEqual(['not JSON']);
  });

  it('come from the messages files, not from the code', () => {
    const files = uiFiles();
    expect(files.length).toBeGreaterThan(20);
    const hardCoded = files.flatMap((file) =>
      code(readFileSync(`${EXTENSION}${file}`, 'utf8'))
        .split('\n')
        .filter((line) => HAN.test(line) && !INPUT_PARSING.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(hardCoded).toEqual([]);
  });

  it('cite only sections of docs/rules.md, a document in the repository, and each section they cite exists', () => {
    const zh = JSON.parse(readFileSync(`${EXTENSION}public/_locales/zh_CN/messages.json`, 'utf8')) as Record<string, { message: string }>;
    const rules = readFileSync(fileURLToPath(new URL('../docs/rules.md', import.meta.url)), 'utf8');
    const messages = Object.values(zh).map((m) => m.message);
    // The options page once cited a specification users cannot open (§6.1, §10.7).
    expect(messages.filter((m) => m.includes('§') || m.includes('说明书'))).toEqual([]);
    const hints = Object.entries(zh).filter(([key]) => key.startsWith('options_hint_'));
    expect(hints.length).toBeGreaterThan(10);
    for (const [key, { message }] of hints) {
      const cited = [...message.matchAll(/R(\d)|第 (\d) 节/g)];
      expect(cited.length, key).toBeGreaterThan(0);
      for (const [, rule, section] of cited) {
        expect(rules, `${key} cites ${rule ? `R${rule}` : `section ${section}`}`).toMatch(
          rule ? new RegExp(`^### R${rule} `, 'm') : new RegExp(`^## ${section}\\. `, 'm'),
        );
      }
    }
  });
});
