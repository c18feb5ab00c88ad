/**
 * Phrases from which missing input fields are derived: penalty types from 行政处罚内容, SAMR authorities from
 * their names, abnormal-listing reasons and serious-listing routes from the sites' reason text. Regular
 * expressions over normalised text (half-width, lower case). Data, not code.
 */
import type { AbnormalReason, PenaltyType, SeriousRoute } from '../schemas/record.ts';

/** Each type is derived when any of its patterns matches the penalty content. */
export const PENALTY_TYPE_PATTERNS: ReadonlyArray<{ type: PenaltyType; patterns: readonly string[] }> = [
  { type: 'WARNING', patterns: ['警告'] },
  { type: 'CIRCULATED_CRITICISM', patterns: ['通报批评'] },
  { type: 'FINE', patterns: ['罚款', '处以?.{0,12}罚金'] },
  { type: 'CONFISCATE_GAINS', patterns: ['没收(全部)?违法所得'] },
  {
    type: 'CONFISCATE_PROPERTY',
    patterns: [
      '没收非法财物',
      '没收(涉案|用于违法|假冒|侵权|不合格|过期)',
      '没收违法(生产|经营|使用|销售|物品|财物|产品|商品)',
      // A seized product named in the same clause; 没收违法所得 alone names none.
      '没收[^,;。]{0,20}(产品|商品|食品|药品|工具|设备|原料|物品|化妆品|器械)',
    ],
  },
  { type: 'SUSPEND_LICENSE', patterns: ['暂扣'] },
  { type: 'DOWNGRADE_QUALIFICATION', patterns: ['降低资质等级'] },
  { type: 'REVOKE_BUSINESS_LICENSE', patterns: ['吊销(其)?《?营业执照'] },
  // 营业执照 contains no 许可/证, so "吊销营业执照和食品经营许可证" yields both types.
  { type: 'REVOKE_LICENSE', patterns: ['吊销[^,;。]{0,20}(许可|证|资质|资格)'] },
  { type: 'RESTRICT_OPERATIONS', patterns: ['限制开展生产经营活动'] },
  { type: 'ORDER_SUSPENSION', patterns: ['责令停产停业', '责令停业', '责令停产', '停产停业'] },
  { type: 'ORDER_CLOSURE', patterns: ['责令关闭'] },
  { type: 'RESTRICT_EMPLOYMENT', patterns: ['限制从业', '(禁止|不得)(再)?从事'] },
  { type: 'DETENTION', patterns: ['行政拘留'] },
];

/** A fine "从重" under the discretion benchmark is a heavier penalty (Order 44 Art. 2). */
export const AGGRAVATED_PATTERN = '从重';
/** ...unless the text says it was not aggravated. */
export const NOT_AGGRAVATED_PATTERN = '(不予|不|未|无)从重';

/** Authorities of the market-regulation system, past and present: their penalties are `isSamr` (docs/formats.md). */
export const SAMR_AUTHORITY_WORDS: readonly string[] = [
  '市场监督管理', '市场监管', '工商行政管理', '食品药品监督管理', '质量技术监督',
  // Short and local forms seen on the sites (工商局, 质监局, 食药监局, 深圳's 市场和质量监督管理委员会, 药监局).
  '工商局', '质监局', '食药监', '市场和质量监督管理', '药品监督管理', '药监局',
];

/** Abnormal-list reasons from 列入经营异常名录原因; checked in order (false info before "公示" in general). */
export const ABNORMAL_REASON_PATTERNS: ReadonlyArray<{ reason: AbnormalReason; patterns: readonly string[] }> = [
  // FALSE_INFO first: "年度报告(公示信息)隐瞒真实情况、弄虚作假的" (合作社, 个体户) is falsity, not a missing report.
  { reason: 'FALSE_INFO', patterns: ['隐瞒真实情况', '弄虚作假', '虚假'] },
  { reason: 'ANNUAL_REPORT', patterns: ['年度报告', '年报'] },
  { reason: 'UNREACHABLE', patterns: ['无法联系', '无法取得联系', '联系不上'] },
  { reason: 'INSTANT_INFO', patterns: ['即时信息', '公示有关企业信息', '责令的期限内公示', '未按规定公示'] },
];

/** Serious-list routes from 列入严重违法失信名单原因. */
export const SERIOUS_ROUTE_PATTERNS: ReadonlyArray<{ route: SeriousRoute; patterns: readonly string[] }> = [
  { route: 'ABNORMAL_3Y', patterns: ['经营异常名录.{0,12}(满|届满|超过)?(三|3)年'] },
  { route: 'PENALTY', patterns: ['行政处罚', '较重', '从重', '吊销', '责令停产停业', '责令关闭', '限制从业', '限制开展生产经营活动'] },
];
