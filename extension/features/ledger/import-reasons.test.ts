/**
 * What the import tells the user comes from the locale files: each kind of row problem by field, each limit with the
 * file's figure, and zod's issues with an import request said by row and field — no zod English anywhere.
 */
import { describe, expect, it } from 'vitest';
import { parseClueRows } from '#core';
import { Request } from '../../messaging/protocol.ts';
import { IMPORT_CAPS } from './import-caps.ts';
import { limitsText, overCapText, requestIssuesText, rowReason } from './import-reasons.ts';

/** Latin words of three letters or more: zod's English, not MB or KB. */
const ENGLISH = /[A-Za-z]{3,}/;

describe('import reasons', () => {
  it('say each row problem by field in Chinese', () => {
    const mapping = { name: 0, uscc: 1, legalRepresentative: 2, status: 3, assignee: 4, note: 5 };
    const [bad] = parseClueRows([['', '12345', '张'.repeat(101), '搁置', 'a b', '']], mapping).bad;
    expect(rowReason(bad!.problems)).toBe(
      `主体名称为空；统一社会信用代码无效：“12345”；法定代表人过长（超过 100 字）：“${'张'.repeat(40)}…”；处理状态无法识别：“搁置”；承办人无效：“a b”`,
    );
  });

  it('state the limits before a file is picked, and the one a file passed with its figure', () => {
    expect(limitsText()).toBe(
      '每次导入：文件不超过 20.0 MB，数据不超过 20,000 行（不含表头），XLSX 解压后不超过 50.0 MB。超过任何一项，整个文件都不导入。',
    );
    expect(overCapText({ cap: 'rows', limit: IMPORT_CAPS.rows, actual: 120_000 })).toBe(
      '未导入任何内容：文件有 120,000 行数据，超过每次导入的上限 20,000 行。请拆分后分批导入。',
    );
    expect(overCapText({ cap: 'fileBytes', limit: IMPORT_CAPS.fileBytes, actual: 52_428_800 })).toBe(
      '未导入任何内容：文件大小 50.0 MB，超过每次导入的上限 20.0 MB。',
    );
    expect(overCapText({ cap: 'xlsxBytes', limit: IMPORT_CAPS.xlsxBytes, actual: 58_000_000 })).toContain(
      'XLSX 解压后至少 55.3 MB，超过上限 50.0 MB',
    );
  });

  it("turn zod's issues with an import request into rows and fields", () => {
    const sent = { mapping: { name: 0, note: 1 }, firstRow: 2 };
    const said = (rows: (string | null)[][]) => {
      const parsed = Request.safeParse({ type: 'ledger:import', importId: 'i', rows, ...sent });
      expect(parsed.success).toBe(false);
      return requestIssuesText(parsed.error!.issues, sent);
    };
    const long = said([
      ['甲公司', null],
      ['乙公司', 'x'.repeat(100_001)],
    ]);
    expect(long).toBe('第 3 行的“备注”超过 100,000 字');
    const many = said(Array.from({ length: 120_000 }, () => ['丙', null]));
    expect(many).toBe('数据超过 100,000 行');
    expect(long + many).not.toMatch(ENGLISH);
    const other = Request.safeParse({ type: 'ledger:import', importId: '', rows: [], mapping: { name: 0 }, firstRow: 0 });
    expect(requestIssuesText(other.error!.issues, { mapping: { name: 0 }, firstRow: 1 })).toBe('导入内容不符合要求；导入内容不符合要求');
  });
});
