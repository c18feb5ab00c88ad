/**
 * Which column of a clue list holds which field: guessed from the header row, for the user to check and change
 * before anything is imported. Headers are compared without spaces, brackets, asterisks or a trailing colon, in
 * half-width and lower case; an exact name wins over a header that merely contains one, and each column and each
 * field is used once. The names are the ones staff write in their spreadsheets (and the ledger's own export headings,
 * passed in by the page in the UI language, so an exported ledger imports again as it is).
 */
import { CLUE_FIELDS, labelForm, type ClueField, type ClueMapping } from '#core';

/** Header names of each field, most specific first. */
export const HEADER_NAMES: Record<ClueField, readonly string[]> = {
  name: [
    '主体名称',
    '企业名称',
    '经营主体名称',
    '市场主体名称',
    '单位名称',
    '公司名称',
    '当事人名称',
    '名称',
    '当事人',
    'name',
    'entity',
    'company',
  ],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', 'uscc', 'creditcode', 'code'],
  legalRepresentative: ['法定代表人', '法定代表人负责人', '负责人', '经营者', '投资人', '法人', 'legalrepresentative'],
  status: ['处理状态', '线索状态', '办理状态', '状态', 'status'],
  domain: ['监管领域', '所属领域', '领域', 'domain'],
  assignee: ['承办人', '经办人', 'assignee'],
  tags: ['标签', 'tags', 'tag'],
  note: ['备注', '情况说明', '线索内容', '说明', 'note', 'notes'],
  decisionNo: ['列入决定书文号', '列入严重违法失信名单决定书文号', '列入文号', '决定书文号', 'decisionno'],
  decidedOn: ['列入决定日期', '列入严重违法失信名单日期', '列入日期', '决定日期', 'decidedon'],
  publicizedOn: ['集中公示日期', '集中公示屡禁不止屡罚不改日期', '集中公示', 'publicizedon'],
  exposedOn: ['典型案例曝光日期', '宣传曝光典型案例日期', '曝光日期', '典型案例', 'exposedon'],
};

const form = (text: string): string =>
  labelForm(text)
    .toLowerCase()
    .replace(/[()（）[\]【】*＊]/g, '');

/** The guessed column of each field; fields with no likely column are left out (name too: the user must pick it). */
export function guessMapping(header: readonly (string | null)[], extra: Partial<Record<ClueField, string>> = {}): Partial<ClueMapping> {
  const heads = header.map((h) => form(h ?? ''));
  const taken = new Set<number>();
  const mapping: Partial<Record<ClueField, number>> = {};
  const names = (field: ClueField) => [...(extra[field] ? [form(extra[field])] : []), ...HEADER_NAMES[field].map(form)];
  for (const exact of [true, false]) {
    for (const field of CLUE_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const name of names(field)) {
        const column = heads.findIndex((h, i) => !taken.has(i) && h !== '' && (exact ? h === name : h.includes(name)));
        if (column >= 0) {
          mapping[field] = column;
          taken.add(column);
          break;
        }
      }
    }
  }
  return mapping;
}

/** A complete mapping (one with a name column), else null. */
export function completeMapping(mapping: Partial<ClueMapping>): ClueMapping | null {
  return mapping.name === undefined ? null : { ...mapping, name: mapping.name };
}

/**
 * The mapping a file's first row gives read as a header, or null when it names no field: then it is the first clue
 * of a list typed without a header.
 */
export function headerMapping(
  first: readonly (string | null)[],
  extra: Partial<Record<ClueField, string>> = {},
): Partial<ClueMapping> | null {
  const mapping = guessMapping(first, extra);
  return Object.keys(mapping).length > 0 ? mapping : null;
}
