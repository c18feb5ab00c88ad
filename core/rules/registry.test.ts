/** Every rule file is registered once, its id is its file name, and it names a legal source with an article. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from './index.ts';

const RULE_FILE = /^r\d+-[a-z0-9-]+\.ts$/;
const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)))
  .filter((f) => RULE_FILE.test(f) && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('rule registry', () => {
  it('lists every rule file exactly once, R1–R8', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...files].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.map((r) => r.id.split('-')[0])).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
  });

  it.each(files)('%s exports its own info with a title in both languages and a cited article', async (file) => {
    const mod: unknown = await import(`./${file}.ts`);
    const info = (mod as { rule?: (typeof RULES)[number] }).rule;
    expect(info?.id).toBe(file);
    expect(info?.title.zh).not.toBe('');
    expect(info?.title.en).not.toBe('');
    expect(info?.source.title).toMatch(/《.+》|〔\d{4}〕/);
    expect(info?.source.article).toMatch(/第|[一二三四五六七八九十]/);
  });
});
