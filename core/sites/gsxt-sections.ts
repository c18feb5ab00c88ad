/**
 * The three record sections of gsxt (行政处罚, 经营异常, 严重违法失信) and how their rows become record items,
 * from rendered tables (columns found by header text, for every column set of the 2017/18 and 2026 designs,
 * 个体工商户 and old provincial variants: fixtures/gsxt-gov-cn/) and from the section JSON (DataTables rows).
 */
import { parseSiteDate } from '../lib/dates.ts';
import type { AbnormalListingInput, PenaltyInput, SeriousListingInput } from '../schemas/record.ts';
import { column, type Grid } from './dom/tables.ts';
import type { SectionKind } from './sections.ts';
import { stripHtml } from './dom/text.ts';
import { siteDate, withoutUndefined } from './values.ts';

/** The gsxt reader's version (page, sections and JSON): raised with every change of what it reads. */
export const GSXT_READER_VERSION = '2.1.0';

// Header patterns, in label form: half-width brackets, no spaces.
const PENALTY_NO = /决定书文号|决定文书号|处罚文号/;
const PENALTY_CONTENT = /处罚内容|处罚结果/;
const PENALTY_CONDUCT = /违法行为类型|违法行为|违法事实/;
const PENALTY_AUTHORITY = /决定机关|处罚机关/;
const PENALTY_DATE = /处罚决定日期|决定日期|处罚日期|作出.*日期/;
const PUBLICITY_DATE = /公示日期/;
const ABNORMAL_REASON = /(列入|标记).*(经营异常|异常).*原因|经营异常.*原因/;
const SERIOUS_REASON = /严重违法.*原因/;
const LISTED_DATE = /列入日期|标记日期|认定日期/;
const REMOVED_DATE = /移出日期|恢复日期/;
const REMOVAL_REASON = /(移出|恢复).*原因/;
const LISTING_AUTHORITY = /决定机关\((列入|标记)\)|^作出决定机关$|^决定机关$/;

/** Which section a table holds, by its header labels; null for any other table. */
export function sectionOfHeaders(headers: readonly string[]): SectionKind | null {
  const has = (re: RegExp) => headers.some((h) => re.test(h));
  if (has(SERIOUS_REASON)) return 'serious';
  if (has(ABNORMAL_REASON)) return 'abnormal';
  const penaltySignals = [PENALTY_NO, PENALTY_CONTENT, PENALTY_CONDUCT].filter(has).length;
  if (penaltySignals >= 2 || (penaltySignals === 1 && has(PENALTY_DATE) && has(PENALTY_AUTHORITY))) return 'penalties';
  return null;
}

/** Columns of a penalty table the reader knows, used or not. Any other may be one of these renamed. */
const PENALTY_COLUMNS = [
  PENALTY_NO,
  PENALTY_CONTENT,
  PENALTY_CONDUCT,
  PENALTY_AUTHORITY,
  PENALTY_DATE,
  PUBLICITY_DATE,
  /^序号$|详情|备注|操作|查看/,
];
/** A decision number as the sites write them: 示市监处罚〔2023〕288号, 京工商处字[2019]第12号, (2021)…第3号. */
const DECISION_NO_LIKE = /[〔[(（【]\s*(19|20)\d{2}\s*[〕\])）】]|第\S{1,12}号/;

/**
 * Why a penalty table cannot be read as it is, or null: it lacks a column the reader needs (决定书文号, 处罚决定日期)
 * while a column it does not know holds, in most rows, what that column would. Read anyway, its penalties would
 * have no numbers (so no decision could be matched to a listing) or the publicity date for the decision's.
 */
export function penaltyTableDoubt(grid: Grid): string | null {
  const h = grid.headers;
  const unknown = h.flatMap((header, i) => (PENALTY_COLUMNS.some((re) => re.test(header)) ? [] : [i]));
  if (unknown.length === 0) return null;
  const holding = (test: (value: string) => boolean) =>
    unknown.find((i) => {
      const values = grid.rows.flatMap((row) => cell(row, i) ?? []);
      return values.length > 0 && values.filter(test).length * 2 > values.length;
    });
  const numbers = column(h, PENALTY_NO) < 0 ? holding((v) => DECISION_NO_LIKE.test(v)) : undefined;
  if (numbers !== undefined) return `column ${h[numbers]} holds decision numbers, but no decision-number column is known`;
  const dates = column(h, PENALTY_DATE, PUBLICITY_DATE) < 0 ? holding((v) => parseSiteDate(v) !== null) : undefined;
  if (dates !== undefined) return `column ${h[dates]} holds dates, but no decision-date column is known`;
  return null;
}

function cell(row: readonly string[], index: number): string | undefined {
  const value = index >= 0 ? row[index]?.trim() : undefined;
  return value === '' || value === '-' || value === '—' ? undefined : value;
}

export function penaltiesFromGrid(grid: Grid): PenaltyInput[] {
  const h = grid.headers;
  const at = {
    no: column(h, PENALTY_NO),
    conduct: column(h, PENALTY_CONDUCT),
    content: column(h, PENALTY_CONTENT),
    authority: column(h, PENALTY_AUTHORITY),
    date: column(h, PENALTY_DATE, PUBLICITY_DATE),
    publicity: column(h, PUBLICITY_DATE),
  };
  return grid.rows.flatMap((row) => {
    const decisionDate = siteDate(cell(row, at.date)) ?? siteDate(cell(row, at.publicity));
    // A row without any date cannot be placed in time: it is not read (completeness shows the gap).
    if (!decisionDate) return [];
    return [
      withoutUndefined({
        id: '',
        decisionNo: cell(row, at.no) ?? '',
        decisionDate,
        publicityDate: siteDate(cell(row, at.publicity)),
        authority: cell(row, at.authority) ?? '',
        content: cell(row, at.content),
        violationText: cell(row, at.conduct),
      }),
    ];
  });
}

export function abnormalFromGrid(grid: Grid): AbnormalListingInput[] {
  const h = grid.headers;
  const at = {
    reason: column(h, /(列入|标记).*原因|^经营异常.*原因/, REMOVAL_REASON),
    listed: column(h, LISTED_DATE),
    authority: column(h, LISTING_AUTHORITY),
    removalReason: column(h, REMOVAL_REASON),
    removed: column(h, REMOVED_DATE),
  };
  // 标记经营异常状态原因 / 作出决定机关(标记): a 个体工商户's mark, not a listing.
  const kind = h.some((x) => /标记/.test(x)) ? ('MARK' as const) : undefined;
  return grid.rows.flatMap((row) => {
    const listedDate = siteDate(cell(row, at.listed));
    if (!listedDate) return [];
    return [
      withoutUndefined({
        id: '',
        listedDate,
        kind,
        reasonText: cell(row, at.reason),
        authority: cell(row, at.authority),
        removedDate: siteDate(cell(row, at.removed)),
        removalReasonText: cell(row, at.removalReason),
      }),
    ];
  });
}

export function seriousFromGrid(grid: Grid): SeriousListingInput[] {
  const h = grid.headers;
  const at = {
    reason: column(h, /列入.*原因/, REMOVAL_REASON),
    listed: column(h, LISTED_DATE),
    authority: column(h, LISTING_AUTHORITY),
    removed: column(h, REMOVED_DATE),
  };
  return grid.rows.flatMap((row) => {
    const listedDate = siteDate(cell(row, at.listed));
    if (!listedDate) return [];
    return [
      withoutUndefined({
        id: '',
        listedDate,
        reasonText: cell(row, at.reason),
        authority: cell(row, at.authority),
        removedDate: siteDate(cell(row, at.removed)),
      }),
    ];
  });
}

// ---- Section JSON (DataTables rows) ----

type JsonRow = Record<string, unknown>;

function text(row: JsonRow, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string' && stripHtml(value) !== '') return stripHtml(value);
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

function jsonDate(row: JsonRow, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = row[key];
    const parsed = parseSiteDate(typeof value === 'string' ? stripHtml(value) : value);
    if (parsed) return parsed;
  }
  return undefined;
}

/** Which section a JSON row belongs to, by its fields (the URL names are not to be trusted). */
export function sectionOfJsonRow(row: JsonRow): SectionKind | null {
  if ('serILLRea_CN' in row || 'serILLRea' in row) return 'serious';
  if ('speCause_CN' in row || 'speCause' in row) return 'abnormal';
  if ('penDecNo' in row || 'illegActType' in row || 'penContent' in row) return 'penalties';
  return null;
}

export function penaltyFromJson(row: JsonRow): PenaltyInput | null {
  // A reply without the decision-number or decision-date field has had them renamed: the row is not read (the section's
  // recordsTotal then shows the gap) rather than read without a number or dated by its publicity date.
  if (!('penDecNo' in row) || !('penDecIssDate' in row)) return null;
  const decisionDate = jsonDate(row, 'penDecIssDate', 'publicDate');
  if (!decisionDate) return null;
  return withoutUndefined({
    id: '',
    decisionNo: text(row, 'penDecNo') ?? '',
    decisionDate,
    publicityDate: jsonDate(row, 'publicDate'),
    authority: text(row, 'penAuth_CN', 'penAuth') ?? '',
    content: text(row, 'penContent'),
    violationText: text(row, 'illegActType'),
  });
}

export function abnormalFromJson(row: JsonRow): AbnormalListingInput | null {
  const listedDate = jsonDate(row, 'abntime', 'cogDate');
  if (!listedDate) return null;
  return withoutUndefined({
    id: '',
    listedDate,
    reasonText: text(row, 'speCause_CN', 'speCause'),
    authority: text(row, 'decOrg_CN', 'decOrg'),
    removedDate: jsonDate(row, 'remDate'),
    removalReasonText: text(row, 'remExcpRes_CN', 'remExcpRes'),
  });
}

export function seriousFromJson(row: JsonRow): SeriousListingInput | null {
  const listedDate = jsonDate(row, 'abntime', 'cogDate');
  if (!listedDate) return null;
  return withoutUndefined({
    id: '',
    listedDate,
    reasonText: text(row, 'serILLRea_CN', 'serILLRea'),
    authority: text(row, 'decOrg_CN', 'decOrg'),
    removedDate: jsonDate(row, 'remDate'),
  });
}
