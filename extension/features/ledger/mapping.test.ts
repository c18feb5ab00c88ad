/** The column mapping guessed from a clue list's header row, for the user to check. */
import { describe, expect, it } from 'vitest';
import { completeMapping, guessMapping, headerMapping } from './mapping.ts';

describe('guessMapping', () => {
  it('finds the fields under the names staff write', () => {
    expect(
      guessMapping(['序号', '企业名称', '统一社会信用代码', '法定代表人（负责人）', '线索状态', '所属领域', '承办人', '标签', '备注']),
    ).toEqual({
      name: 1,
      uscc: 2,
      legalRepresentative: 3,
      status: 4,
      domain: 5,
      assignee: 6,
      tags: 7,
      note: 8,
    });
    expect(guessMapping(['主体名称：', ' 社会信用代码 ', '经营者', '处理状态', '监管领域', '经办人', '情况说明'])).toEqual({
      name: 0,
      uscc: 1,
      legalRepresentative: 2,
      status: 3,
      domain: 4,
      assignee: 5,
      note: 6,
    });
  });

  it('prefers an exact name over a header that contains one, and uses each column once', () => {
    // 名称 alone is the name; 标签名称 is the tags column, not a second name.
    expect(guessMapping(['标签名称', '名称', '代码'])).toEqual({ name: 1, tags: 0 });
    expect(guessMapping(['Name', 'USCC', 'Status', 'Notes'])).toEqual({ name: 0, uscc: 1, status: 2, note: 3 });
  });

  it('finds the 工作情况表 columns: the decision number and date, the 集中公示 and 曝光 dates', () => {
    expect(guessMapping(['企业名称', '列入决定书文号', '列入日期', '集中公示日期', '典型案例曝光日期', '备注'])).toEqual({
      name: 0,
      decisionNo: 1,
      decidedOn: 2,
      publicizedOn: 3,
      exposedOn: 4,
      note: 5,
    });
    // The ledger export's own date headings import again.
    expect(
      guessMapping(['主体名称', '集中公示“屡禁不止、屡罚不改”日期', '宣传曝光典型案例日期'], {
        publicizedOn: '集中公示“屡禁不止、屡罚不改”日期',
      }),
    ).toEqual({ name: 0, publicizedOn: 1, exposedOn: 2 });
  });

  it('knows the headings of the ledger export in the UI language', () => {
    expect(
      guessMapping(['Entity', 'Credit code', 'Legal representative'], {
        name: 'Entity',
        uscc: 'Credit code',
        legalRepresentative: 'Legal representative',
      }),
    ).toEqual({ name: 0, uscc: 1, legalRepresentative: 2 });
  });

  it('leaves out what it cannot find; without a name column the mapping is incomplete', () => {
    const guessed = guessMapping(['列1', null, '统一社会信用代码']);
    expect(guessed).toEqual({ uscc: 2 });
    expect(completeMapping(guessed)).toBeNull();
    expect(completeMapping({ ...guessed, name: 0 })).toEqual({ name: 0, uscc: 2 });
  });
});

describe('headerMapping', () => {
  it('reads a first row that names a field as a header, and a first clue as no header', () => {
    expect(headerMapping(['企业名称', '统一社会信用代码', '备注'])).toEqual({ name: 0, uscc: 1, note: 2 });
    expect(headerMapping([null, '主体名称（必填）'])).toEqual({ name: 1 });
    expect(headerMapping(['示例市鲜味坊食品有限公司', '91330106MA27QX8BXF', '核查中', '食品安全', 'wang'])).toBeNull();
    expect(headerMapping([])).toBeNull();
  });
});
