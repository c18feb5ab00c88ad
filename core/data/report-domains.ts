/**
 * The rows of the 工作情况表 of notice 国市监信发〔2023〕48号, in its order, with the wording its attachment uses
 * (the notice is not public: cited by number, never reproduced).
 */
import type { Domain } from '../schemas/assessment.ts';

export const REPORT_DOMAINS: readonly { domain: Domain; label: string }[] = [
  { domain: 'FOOD', label: '食品安全' },
  { domain: 'DRUG_DEVICE_COSMETIC', label: '药品、医疗器械、化妆品' },
  { domain: 'QUALITY', label: '质量安全' },
  { domain: 'CONSUMER', label: '侵害消费者权益' },
  { domain: 'COMPETITION_ORDER', label: '破坏公平竞争秩序和扰乱市场秩序' },
  { domain: 'OTHER', label: '其他' },
];

/** The report's column headings, in order. */
export const REPORT_COLUMNS = {
  listed: '列入严重违法失信名单(件)',
  repeatOffendersPublicized: '集中公示“屡禁不止、屡罚不改”经营主体户数(户)',
  typicalCases: '宣传曝光典型案例(件)',
} as const;

export const REPORT_TITLE = '经营主体严重违法失信行为专项治理行动工作情况表';
export const REPORT_DOMAIN_HEADING = '监管领域';
export const REPORT_TOTAL_LABEL = '合计';
