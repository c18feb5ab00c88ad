/**
 * docs/contract.md, generated from the zod schemas that define the public contract (z.toJSONSchema), so the
 * document cannot drift from the code: test/contract-doc.test.ts fails when it differs from what this writes.
 * Write it: `npm run docs:contract`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { Assessment, EntityRecordRuntime, PageReport, ParseResult, RuleSettings } from '#core';

export const CONTRACT_DOC = fileURLToPath(new URL('../../docs/contract.md', import.meta.url));

const PARTS: ReadonlyArray<{ title: string; about: string; schema: z.core.$ZodType; io: 'input' | 'output' }> = [
  {
    title: '输入记录 Record',
    about:
      '一个主体及其行政处罚、经营异常名录和严重违法失信名单记录：`creditlens assess` 读取的 JSON、站点适配器读出的记录、扩展和服务器交换的记录。可选字段可以省略。',
    schema: EntityRecordRuntime,
    io: 'input',
  },
  {
    title: '评估结果 Assessment',
    about:
      '一条记录在某一评估日的结论：`creditlens assess` 的输出，扩展各界面显示的内容。`coverage` 与各 `status` 的含义见 docs/rules.md 第 0 节。',
    schema: Assessment,
    io: 'output',
  },
  {
    title: '页面读取结果 ParseResult',
    about: '`creditlens parse` 的输出：读懂时为记录及各栏目的读取完整性，读不懂时为原因。',
    schema: ParseResult,
    io: 'output',
  },
  {
    title: '规则设置 RuleSettings',
    about: '`creditlens assess --settings` 与扩展选项页接受的设置；可只写部分项，其余取默认值（见 docs/rules.md 第 3 节）。',
    schema: RuleSettings,
    io: 'input',
  },
  {
    title: '读取问题报告 PageReport',
    about:
      '扩展“读取有误？”发给团队服务器（`POST /team/<团队>/page-reports`）或保存为文件 `读取问题-<网站>-<时间>.json` 的内容（见 docs/formats.md）。',
    schema: PageReport,
    io: 'input',
  },
];

export function contractMarkdown(): string {
  const parts = PARTS.map(({ title, about, schema, io }) => {
    const json = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' }), null, 2);
    return `## ${title}\n\n${about}\n\n\`\`\`json\n${json}\n\`\`\`\n`;
  });
  return [
    '# 公开契约（由代码生成，请勿手改）',
    '',
    '扩展、命令行、同步服务器和其他工具依赖的数据格式。本文件由 `test/support/contract-doc.ts` 从 zod 模式',
    '（`core/schemas/`、`core/sites/site.ts`、`core/sites/page-report.ts`）生成：`npm run docs:contract`。模式改了而本文件没有重新生成，测试会失败。',
    '日期均为北京时间的日历日 `YYYY-MM-DD`。',
    '',
    ...parts,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(CONTRACT_DOC, contractMarkdown());
