/**
 * No text is hard-coded in the extension's UI: every Chinese string a user sees comes from the messages files.
 * The UI code (comments stripped) is scanned for Chinese characters; page-reading patterns belong in core, not here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const EXTENSION = fileURLToPath(new URL('../extension/', import.meta.url));
const UI_FOLDERS = ['background', 'components', 'entrypoints', 'overlay', 'ui'];
const HAN = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** Lines whose Chinese is not UI text: the tag input accepts Chinese and Latin separators alike. */
const INPUT_PARSING = /text\.split\(\/\[/;

function uiFiles(): string[] {
  return UI_FOLDERS.flatMap((folder) => readdirSync(`${EXTENSION}${folder}`, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|html)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('test-helpers.ts'))
    .map((f) => `${folder}/${f}`));
}

/** The code without its comments (line, block and HTML comments); strings stay. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('extension UI texts', () => {
  it('come from the messages files, not from the code', () => {
    const files = uiFiles();
    expect(files.length).toBeGreaterThan(20);
    const hardCoded = files.flatMap((file) => code(readFileSync(`${EXTENSION}${file}`, 'utf8')).split('\n')
      .filter((line) => HAN.test(line) && !INPUT_PARSING.test(line)).map((line) => `${file}: ${line.trim()}`));
    expect(hardCoded).toEqual([]);
  });
});
