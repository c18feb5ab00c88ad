/**
 * Credit China (信用中国) record fields: the 双公示 data-standard keys of its API rows (cf_* for penalties) and the
 * Chinese labels the page shows for them (its `sencesMap`), mapped to the record contract. Shared by the page
 * reader and the JSON reader so both read the same fields (real pages: fixtures/creditchina-gov-cn/real/).
 */
import type { AbnormalListingInput, PenaltyInput, SeriousListingInput } from '../schemas/record.ts';
import { siteDate, withoutUndefined } from './values.ts';

export type Fields = ReadonlyMap<string, string>;

/** Label (label form) or API key → record field. Longest labels first. */
export const PENALTY_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['行政处罚决定书文号', 'decisionNo'],
  ['处罚决定书文号', 'decisionNo'],
  ['决定书文号', 'decisionNo'],
  ['cf_wsh', 'decisionNo'],
  ['处罚决定日期', 'decisionDate'],
  ['决定日期', 'decisionDate'],
  ['cf_jdrq', 'decisionDate'],
  ['处罚机关', 'authority'],
  ['决定机关', 'authority'],
  ['cf_xzjg', 'authority'],
  ['cf_cfjg', 'authority'],
  ['违法行为类型', 'violationText'],
  ['cf_wfxw', 'violationText'],
  ['处罚内容', 'content'],
  ['处罚结果', 'content'],
  ['cf_nr', 'content'],
  ['cf_jg', 'content'],
  ['处罚类别', 'category'],
  ['cf_cflb', 'category'],
  ['处罚依据', 'legalBasis'],
  ['cf_yj', 'legalBasis'],
  ['公示日期', 'publicityDate'],
];

export const ABNORMAL_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['列入经营异常名录原因类型名称', 'reasonText'],
  ['列入经营异常名录原因', 'reasonText'],
  ['列入原因', 'reasonText'],
  ['列入日期', 'listedDate'],
  ['认定日期', 'listedDate'],
  ['列入决定机关名称', 'authority'],
  ['作出决定机关', 'authority'],
  ['决定机关', 'authority'],
  ['移出日期', 'removedDate'],
  ['移出原因', 'removalReasonText'],
];

export const SERIOUS_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['列入严重违法失信名单原因', 'reasonText'],
  ['列入原因', 'reasonText'],
  ['认定原因', 'reasonText'],
  ['列入日期', 'listedDate'],
  ['认定日期', 'listedDate'],
  ['作出决定机关', 'authority'],
  ['认定机关', 'authority'],
  ['决定机关', 'authority'],
  ['移出日期', 'removedDate'],
];

export function penaltyOf(f: Fields): PenaltyInput | null {
  const decisionDate = siteDate(f.get('decisionDate')) ?? siteDate(f.get('publicityDate'));
  if (!decisionDate) return null;
  // 处罚类别 (警告;罚款) stands in for the content when the row gives none: the types are derived from it.
  const content = f.get('content') ?? f.get('category');
  return withoutUndefined({
    id: '',
    decisionNo: f.get('decisionNo') ?? '',
    decisionDate,
    publicityDate: siteDate(f.get('publicityDate')),
    authority: f.get('authority') ?? '',
    content,
    violationText: f.get('violationText'),
    legalBasis: f.get('legalBasis'),
  });
}

export function abnormalOf(f: Fields): AbnormalListingInput | null {
  const listedDate = siteDate(f.get('listedDate'));
  if (!listedDate) return null;
  return withoutUndefined({
    id: '',
    listedDate,
    reasonText: f.get('reasonText'),
    authority: f.get('authority'),
    removedDate: siteDate(f.get('removedDate')),
    removalReasonText: f.get('removalReasonText'),
  });
}

export function seriousOf(f: Fields): SeriousListingInput | null {
  const listedDate = siteDate(f.get('listedDate'));
  if (!listedDate) return null;
  return withoutUndefined({
    id: '',
    listedDate,
    reasonText: f.get('reasonText'),
    authority: f.get('authority'),
    removedDate: siteDate(f.get('removedDate')),
  });
}
