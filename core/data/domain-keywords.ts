/**
 * R6 classification data (docs/rules.md R6): laws first, then keyword groups. Data, not code: a department that
 * words things differently edits these lists, not the rule. Matching normalises both sides (half-width, lower case).
 */
import type { Domain } from '../schemas/assessment.ts';

/** Laws named in 违反的法律法规 / 处罚依据, checked in this order; the first hit decides. */
export const LEGAL_BASIS_LAWS: ReadonlyArray<{ domain: Domain; laws: readonly string[] }> = [
  { domain: 'FOOD', laws: ['食品安全法'] },
  { domain: 'DRUG_DEVICE_COSMETIC', laws: ['药品管理法', '疫苗管理法', '医疗器械监督管理条例', '化妆品监督管理条例'] },
  {
    domain: 'QUALITY',
    laws: ['产品质量法', '特种设备安全法', '认证认可条例', '工业产品生产许可证', '计量法', '标准化法', '检验检测'],
  },
  { domain: 'CONSUMER', laws: ['消费者权益保护法', '侵害消费者权益行为处罚办法'] },
  {
    domain: 'COMPETITION_ORDER',
    laws: [
      '反不正当竞争法', '反垄断法', '广告法', '价格法', '明码标价', '商标法', '专利法', '禁止传销条例', '无证无照经营',
      '市场主体登记', '电子商务法',
    ],
  },
];

export interface KeywordGroup {
  /** The group's letter (a–e), in the order groups are tried. */
  group: string;
  domain: Domain;
  keywords: readonly string[];
}

/** Conduct keywords (group a): the law broken decides the article, so conduct goes first by default. */
export const CONDUCT_GROUP: KeywordGroup = {
  group: 'a',
  domain: 'COMPETITION_ORDER',
  keywords: [
    '广告', '虚假宣传', '不正当竞争', '商业贿赂', '商业秘密', '商业诋毁', '混淆', '垄断', '滥用市场支配地位', '价格', '明码标价',
    '哄抬', '串通', '传销', '商标', '专利', '无照', '未取得营业执照', '市场主体登记', '变更登记', '虚假登记', '年报',
  ],
};

/** Product and consumer keywords (groups b–e), checked in this order. */
export const PRODUCT_GROUPS: readonly KeywordGroup[] = [
  { group: 'b', domain: 'FOOD', keywords: ['食品', '食用农产品', '保健食品', '婴幼儿配方', '餐饮', '保质期'] },
  { group: 'c', domain: 'DRUG_DEVICE_COSMETIC', keywords: ['药品', '假药', '劣药', '医疗器械', '化妆品', '疫苗'] },
  {
    group: 'd',
    domain: 'QUALITY',
    keywords: [
      '特种设备', '电梯', '锅炉', '压力容器', '气瓶', '起重机械', '场(厂)内专用机动车辆', '叉车', '大型游乐设施', '客运索道',
      '产品质量', '不合格产品', '以次充好', '掺杂掺假', 'CCC', '3C', '强制性产品认证', '认证', '检验检测', '计量', '生产许可证',
      '缺陷产品', '召回',
    ],
  },
  { group: 'e', domain: 'CONSUMER', keywords: ['消费者', '七日无理由', '三包', '退货', '预付', '预收', '个人信息', '格式条款'] },
];

/** Special-equipment words of group d (docs/rules.md R3): they put a QUALITY penalty under the 1-year repair period. */
export const SPECIAL_EQUIPMENT_WORDS: readonly string[] = [
  '特种设备', '电梯', '锅炉', '压力容器', '气瓶', '起重机械', '场(厂)内专用机动车辆', '叉车', '大型游乐设施', '客运索道',
  '特种设备安全法',
];

/** Drug words (docs/rules.md R3): a DRUG_DEVICE_COSMETIC penalty naming one is in the drug field. */
export const DRUG_WORDS: readonly string[] = ['药品', '假药', '劣药', '疫苗', '药品管理法', '疫苗管理法'];
export const MEDICAL_DEVICE_WORDS: readonly string[] = ['医疗器械'];
export const COSMETIC_WORDS: readonly string[] = ['化妆品'];

/**
 * Order 44 Art. 10 (other serious conduct: fraud in permits or registration, obstructing inspections or
 * investigations). Regular expressions over the normalised text.
 */
export const ARTICLE_10_PATTERNS: readonly string[] = [
  '虚假材料',
  '骗取',
  '(拒绝|阻碍|干扰|阻挠|逃避).{0,12}(检查|调查|监督)',
];
