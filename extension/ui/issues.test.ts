/** zod's issues and failures as the user reads them: Chinese from the locale files, never zod's or a library's English. */
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { detailText } from './team-labels.ts';
import { errorText, UserError } from './errors.ts';
import { issueLines } from './issues.ts';

const Shape = z.strictObject({
  days: z.number().int().positive(),
  name: z.string().max(3),
  tags: z.array(z.string()).min(1),
  kind: z.enum(['a', 'b']),
  own: z.string().refine((s) => s !== 'x', 'team_address_scheme'),
});
const lines = (input: unknown) => issueLines(Shape.safeParse(input).error?.issues ?? []);

describe('issueLines', () => {
  it('says each kind of issue in Chinese, the field path kept as a code', () => {
    expect(lines({ days: 0, name: 'abcd', tags: [], kind: 'c', own: 'x', extra: 1 })).toEqual([
      'days：应大于 0',
      'name：过长（最多 3 个字符）',
      'tags：项数过少（至少 1 项）',
      'kind：不是可选的取值（可选：a、b）',
      'own：地址须以 ws:// 或 wss:// 开头',
      '含有无法识别的字段：extra',
    ]);
    expect(lines({ days: 2.5, name: 1, tags: ['t'], kind: 'a', own: '' })).toEqual(['days：应为整数', 'name：缺少或类型不符']);
  });

  it('names a field in words when the caller can', () => {
    expect(
      issueLines(z.object({ days: z.number() }).safeParse({}).error?.issues ?? [], (path) => (path[0] === 'days' ? '保留天数' : null)),
    ).toEqual(['保留天数：应为数字']);
  });
});

describe('errorText', () => {
  it('shows a UserError by its key, and anything else in general words (its English only in the log)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(errorText(new UserError('team_error_readonly', ['alice'], 'read-only: alice …'))).toBe(
      '只读：alice 可以查看团队台账，但不能修改',
    );
    expect(errorText(new Error('entity:lookup failed: DatabaseClosedError'))).toBe(
      '出现意外错误，请重试；仍不行请联系管理员（详情已记入浏览器控制台）',
    );
    expect(warn).toHaveBeenCalledWith('[CreditLens]', 'entity:lookup failed: DatabaseClosedError');
    warn.mockRestore();
  });
});

describe('detailText', () => {
  it("says a server close by its code and known reason, never the server's English", () => {
    expect(detailText('4401 token revoked')).toBe('令牌已被吊销（代码 4401），请向管理员要新令牌');
    expect(detailText('1012 shutting down')).toBe('服务器正在重启（代码 1012），稍后自动重连');
    expect(detailText('4999 something new')).toBe('服务器关闭了连接（代码 4999）');
    expect(detailText('已保存的团队设置无法使用：令牌已过期')).toBe('已保存的团队设置无法使用：令牌已过期');
  });
});
