/**
 * Truth data of the simulated credit sites: invented entities (no real people or companies), each with the record a
 * correct site adapter should read (the Record of docs/contract.md) and what else its pages show, and the list of pages
 * the simulated site serves. The expected parse results of the saved-page fixtures are computed from this file.
 */
import type { AbnormalListingInput, Entity, IsoDate, PenaltyInput, SeriousListingInput } from '#core';
import { gsxtToken, hexId, makeRegNo, makeUscc } from './codes.ts';
import { esc } from './render/html.ts';

export type EntityKey = 'clean' | 'listed' | 'repeat' | 'individual' | 'creditchina' | 'captcha' | 'blocked' | 'xss' | 'bench';

/** The record in the contract form, with the lists in the order the site shows them (ids P1…, A1…, S1…). */
export interface TruthRecord {
  entity: Entity;
  penalties: PenaltyInput[];
  abnormalListings: AbnormalListingInput[];
  seriousListings: SeriousListingInput[];
}

/** Registration details the basic-info blocks show beyond the record's entity fields. */
export interface Profile {
  kind: 'company' | 'individual';
  /** Hidden `input#entType` on the 2017/18 page (16 = 个体工商户 on the saved sample). */
  entTypeCode: string;
  typeText: string;
  capital?: string;
  address: string;
  scope: string;
  approvedOn: IsoDate;
  /** 营业期限至; null = 长期. */
  termTo: IsoDate | null;
  /** 组成形式 (个体工商户 only). */
  organisationForm?: string;
}

export interface Licence {
  no: string;
  name: string;
  from: IsoDate;
  to: IsoDate | null;
  authority: string;
  content: string;
}
export interface Alteration {
  item: string;
  before: string;
  after: string;
  date: IsoDate;
}
export interface SpotCheck {
  authority: string;
  type: 1 | 2;
  date: IsoDate;
  result: string;
}
export interface Shareholder {
  name: string;
  type: string;
  licenceType: string;
  licenceNo: string;
}
export interface KeyPerson {
  name: string;
  position: string;
}

/** Sections the pages carry that are not part of the record: noise with look-alike columns. */
export interface SideData {
  licences: Licence[];
  alterations: Alteration[];
  spotChecks: SpotCheck[];
  shareholders: Shareholder[];
  keyPersons: KeyPerson[];
}

/** How the raw site value of a field differs from its normalised truth (white space, HTML fragments). */
export type RawOverrides = Partial<Record<'decisionNo' | 'content' | 'violationText' | 'authority' | 'reasonText', string>>;

/** Credit China (信用中国) fields of the private-api rows that the record does not carry. */
export interface CreditChinaPenaltyExtra {
  category: string;
  facts: string;
  basis: string;
  fineWan: string;
  publicityEnd: IsoDate;
  authorityCode: string;
}
export interface CreditChinaLicence {
  no: string;
  name: string;
  category: string;
  content: string;
  date: IsoDate;
  from: IsoDate;
  to: IsoDate;
  authority: string;
}
export interface CreditChinaExtras {
  uuid: string;
  recid: string;
  penaltyExtras: Record<string, CreditChinaPenaltyExtra>;
  licences: CreditChinaLicence[];
  /** Order of the 行政管理 rows: penalty ids and licence numbers, newest first, as the API returns them. */
  adminOrder: string[];
  honours: Array<{ title: string; year: string; authority: string; date: IsoDate }>;
}

export interface SimEntity {
  key: EntityKey;
  record: TruthRecord;
  profile: Profile;
  side: SideData;
  /** How the section endpoints of its gsxt page answer: data, a captcha page, or an NGIDERRORCODE refusal. */
  behaviour: 'normal' | 'captcha' | 'ngid';
  /**
   * Raw site values by record id, where they differ from the truth only by white space, markup or HTML escaping
   * (the text a browser shows for the raw value is the truth).
   */
  raw?: Record<string, RawOverrides>;
  /** 类别 column of the blacklist rows. */
  seriousCategory?: string;
  creditChina?: CreditChinaExtras;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for writing the data compactly.

const EMPTY_SIDE: SideData = { licences: [], alterations: [], spotChecks: [], shareholders: [], keyPersons: [] };

function penalty(
  id: string,
  decisionNo: string,
  decisionDate: IsoDate,
  publicityDate: IsoDate | undefined,
  authority: string,
  violationText: string,
  content: string,
): PenaltyInput {
  return { id, decisionNo, decisionDate, ...(publicityDate ? { publicityDate } : {}), authority, content, violationText };
}

const SHI_SCJ = '示例市市场监督管理局';
const SHIFAN_SCJ = '示例市示范区市场监督管理局';
const KAIFA_FENJU = '示例市市场监督管理局经济技术开发区分局';
const COMPANY_STATUS = '存续（在营、开业、在册）';
/** Authorities have codes too (category 11 = 机关); Credit China shows them as 处罚机关统一社会信用代码. */
const SHIFAN_SCJ_CODE = makeUscc('11', '330110', 'MB2L8R4H');

// ---------------------------------------------------------------------------------------------------------------
// a. clean: no penalties, no lists (2026 layout).

const clean: SimEntity = {
  key: 'clean',
  record: {
    entity: {
      name: '示例市清和科技有限公司',
      uscc: makeUscc('91', '330106', 'MA2H7K3P'),
      legalRepresentative: '陈某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHIFAN_SCJ,
      establishedOn: '2023-11-02',
    },
    penalties: [],
    abnormalListings: [],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '200万元人民币',
    address: '示例省示例市示范区科创路18号3幢501室',
    scope:
      '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。',
    approvedOn: '2023-11-02',
    termTo: null,
  },
  side: {
    ...EMPTY_SIDE,
    shareholders: [{ name: '陈某某', type: '自然人股东', licenceType: '非公示项', licenceNo: '非公示项' }],
    keyPersons: [
      { name: '陈某某', position: '执行董事兼总经理' },
      { name: '刘某某', position: '监事' },
    ],
  },
  behaviour: 'normal',
};

// ---------------------------------------------------------------------------------------------------------------
// b. listed: on the serious list because of a heavier penalty (责令停产停业); served in the 2026 layout on www and
//    in an older provincial layout on zj.gsxt.gov.cn (e).

const listed: SimEntity = {
  key: 'listed',
  record: {
    entity: {
      name: '示例市鲜味坊食品有限公司',
      uscc: makeUscc('91', '330106', 'MA27QX8B'),
      regNo: makeRegNo('33010600034567'),
      legalRepresentative: '张某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHI_SCJ,
      establishedOn: '2012-03-05',
    },
    penalties: [
      penalty(
        'P1',
        '示市监处罚〔2025〕156号',
        '2025-08-12',
        '2025-08-19',
        SHI_SCJ,
        '使用超过保质期的食品原料生产食品',
        '没收违法所得人民币18,600元，罚款人民币200,000元，责令停产停业三个月',
      ),
      penalty('P2', '示市监处罚〔2024〕071号', '2024-03-05', '2024-03-12', SHI_SCJ, '发布虚假广告', '罚款人民币30,000元'),
      penalty('P3', '示市监处罚〔2023〕288号', '2023-11-02', '2023-11-09', SHI_SCJ, '未按规定标注食品生产日期', '警告'),
    ],
    abnormalListings: [
      {
        id: 'A1',
        listedDate: '2022-07-01',
        reasonText: '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告的',
        authority: SHI_SCJ,
        removedDate: '2022-09-15',
        removalReasonText: '依照《经营异常名录管理办法》第十一条规定，补报未报年份年度报告并公示，申请移出',
      },
    ],
    seriousListings: [
      {
        id: 'S1',
        listedDate: '2025-10-20',
        authority: SHI_SCJ,
        reasonText:
          '因使用超过保质期的食品原料生产食品，受到责令停产停业的较重行政处罚（示市监处罚〔2025〕156号），依据《市场监督管理严重违法失信名单管理办法》第五条、第十二条的规定列入',
      },
    ],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '500万元人民币',
    address: '示例省示例市食品工业园区丰收路6号',
    scope: '许可项目：食品生产；食品销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）。',
    approvedOn: '2024-12-10',
    termTo: '2042-03-04',
  },
  side: {
    ...EMPTY_SIDE,
    licences: [
      {
        no: 'SC10633010600123',
        name: '食品生产许可证',
        from: '2022-05-10',
        to: '2027-05-09',
        authority: SHI_SCJ,
        content: '糕点；速冻食品',
      },
    ],
    spotChecks: [{ authority: SHI_SCJ, type: 1, date: '2024-09-12', result: '发现问题已责令改正' }],
    keyPersons: [
      { name: '张某某', position: '执行董事' },
      { name: '黄某某', position: '监事' },
    ],
  },
  behaviour: 'normal',
  raw: {
    P1: { content: '\n      没收违法所得人民币18,600元，罚款人民币200,000元，责令停产停业三个月\n    ' },
  },
  seriousCategory: '严重违法失信',
};

// ---------------------------------------------------------------------------------------------------------------
// c. repeat: 23 penalties, 5 per page (2017/18 layout, base64-style token).

const REPEAT_CASES: Array<[string, string]> = [
  ['销售超过保质期的食品', '罚款人民币5,000元'],
  ['未按规定明码标价', '罚款人民币2,000元'],
  ['发布虚假广告', '罚款人民币30,000元'],
  ['销售不合格产品', '没收违法所得人民币860元，罚款人民币12,000元'],
  ['未建立并执行进货查验记录制度', '罚款人民币5,000元'],
  ['价格欺诈', '罚款人民币20,000元'],
  ['销售未经强制性产品认证的产品', '没收违法所得人民币1,260元，罚款人民币50,000元'],
  ['虚假宣传', '罚款人民币15,000元'],
  ['拒绝履行七日无理由退货义务', '罚款人民币8,000元'],
];

/**
 * Decision dates newest first, as the site lists them: all within 3 years before 2026-11-30 but the last two, so that
 * on the day the demo was written the repeat offender is flagged (21 of 23 in the window).
 */
const REPEAT_DATES: IsoDate[] = [
  '2026-10-18',
  '2026-09-27',
  '2026-08-30',
  '2026-07-22',
  '2026-06-06',
  '2026-04-14',
  '2026-03-08',
  '2026-01-26',
  '2025-12-15',
  '2025-11-04',
  '2025-09-23',
  '2025-08-11',
  '2025-06-28',
  '2025-05-09',
  '2025-03-17',
  '2025-01-28',
  '2024-12-10',
  '2024-10-21',
  '2024-08-26',
  '2024-05-13',
  '2024-01-07',
  '2023-07-16',
  '2023-03-24',
];

function addDaysIso(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function repeatPenalties(): PenaltyInput[] {
  const count = REPEAT_DATES.length;
  return REPEAT_DATES.map((date, i) => {
    const year = date.slice(0, 4);
    const serial = String(count * 7 - i * 5 + 3).padStart(3, '0');
    const n = i + 1;
    if (n === 16) {
      // Not every authority is a market regulator: one penalty by the environment bureau.
      return penalty(
        `P${n}`,
        `示环罚〔${year}〕19号`,
        date,
        addDaysIso(date, 9),
        '示例市生态环境局',
        '未依法进行排污登记',
        '罚款人民币10,000元',
      );
    }
    if (n === 9) {
      return penalty(`P${n}`, `示市监处罚〔${year}〕${serial}号`, date, addDaysIso(date, 6), SHI_SCJ, '经营场所未按规定亮照经营', '警告');
    }
    const [violation, content] = REPEAT_CASES[i % REPEAT_CASES.length] ?? ['', ''];
    const office = i % 5 === 1 ? SHIFAN_SCJ : i % 5 === 3 ? KAIFA_FENJU : SHI_SCJ;
    const decisionNo =
      office === SHIFAN_SCJ
        ? `示范市监处字〔${year}〕${Number(serial)}号`
        : office === KAIFA_FENJU
          ? `示市监开处罚[${year}]${serial}号`
          : n === 18
            ? `示市监处罚（${year}）${serial}号`
            : `示市监处罚〔${year}〕${serial}号`;
    return penalty(`P${n}`, decisionNo, date, addDaysIso(date, 5 + (i % 9)), office, violation, content);
  });
}

const repeat: SimEntity = {
  key: 'repeat',
  record: {
    entity: {
      name: '示例市百汇达商贸有限公司',
      uscc: makeUscc('91', '330108', 'MA28KD4R'),
      legalRepresentative: '李某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHIFAN_SCJ,
      establishedOn: '2015-09-17',
    },
    penalties: repeatPenalties(),
    abnormalListings: [
      {
        id: 'A1',
        listedDate: '2021-07-05',
        reasonText: '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告的',
        authority: SHIFAN_SCJ,
        removedDate: '2021-10-12',
        removalReasonText: '补报未报年份的年度报告并公示',
      },
    ],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人独资)',
    capital: '100万元人民币',
    address: '示例省示例市示范区商贸城B区2排17号',
    scope: '预包装食品、日用百货、五金交电、电子产品的销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    approvedOn: '2021-10-12',
    termTo: '2035-09-16',
  },
  side: {
    licences: [
      {
        no: 'JY13301080045678',
        name: '食品经营许可证',
        from: '2020-04-01',
        to: '2025-03-31',
        authority: SHIFAN_SCJ,
        content: '预包装食品（不含冷藏冷冻食品）销售',
      },
    ],
    alterations: [
      { item: '法定代表人变更', before: '李某', after: '李某某', date: '2019-04-22' },
      { item: '住所变更', before: '示例省示例市示范区商贸城A区5排3号', after: '示例省示例市示范区商贸城B区2排17号', date: '2020-08-30' },
    ],
    spotChecks: [
      { authority: SHIFAN_SCJ, type: 1, date: '2023-06-15', result: '未发现问题' },
      { authority: SHIFAN_SCJ, type: 2, date: '2022-10-20', result: '发现问题已责令改正' },
    ],
    shareholders: [{ name: '李某某', type: '自然人股东', licenceType: '非公示项', licenceNo: '非公示项' }],
    keyPersons: [
      { name: '李某某', position: '执行董事兼总经理' },
      { name: '吴某某', position: '监事' },
    ],
  },
  behaviour: 'normal',
  raw: {
    P2: { content: '罚款人民币2,000元\r\n' },
  },
};
// One decision number with padding the site left in, whatever the generator numbered it.
const repeatP4 = repeat.record.penalties[3];
if (repeatP4 && repeat.raw) repeat.raw.P4 = { decisionNo: `\u00a0${repeatP4.decisionNo} ` };

// ---------------------------------------------------------------------------------------------------------------
// d. individual: a 个体工商户 on the abnormal list (2017/18 layout, hex token, 个体户 column set).

const individual: SimEntity = {
  key: 'individual',
  record: {
    entity: {
      name: '示例县惠民日用百货店',
      uscc: makeUscc('92', '330127', 'MA2J6N1T'),
      legalRepresentative: '王某某',
      status: COMPANY_STATUS,
      registrationAuthority: '示例县市场监督管理局',
      establishedOn: '2016-04-12',
    },
    penalties: [],
    abnormalListings: [
      {
        id: 'A1',
        listedDate: '2019-07-03',
        reasonText: '通过登记的经营场所或者经营者住所无法联系',
        authority: '示例县市场监督管理局',
        removedDate: '2020-03-10',
        removalReasonText: '依法办理经营场所变更登记，申请恢复正常记载状态',
      },
      {
        id: 'A2',
        listedDate: '2023-07-10',
        reasonText: '未按照《个体工商户年度报告办法》规定报送2022年度年度报告',
        authority: '示例县市场监督管理局',
      },
    ],
    seriousListings: [],
  },
  profile: {
    kind: 'individual',
    entTypeCode: '16',
    typeText: '个体工商户',
    address: '示例省示例县城关镇人民路88号',
    scope: '日用百货、文具用品零售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
    approvedOn: '2020-03-10',
    termTo: null,
    organisationForm: '个人经营',
  },
  side: {
    ...EMPTY_SIDE,
    alterations: [
      { item: '经营场所变更', before: '示例省示例县城关镇解放街12号', after: '示例省示例县城关镇人民路88号', date: '2020-03-06' },
    ],
  },
  behaviour: 'normal',
};

// ---------------------------------------------------------------------------------------------------------------
// f. creditchina: a Credit China (信用中国) entity page with penalties mixed with licences under 行政管理.

const creditchina: SimEntity = {
  key: 'creditchina',
  record: {
    entity: {
      name: '示例市味之源餐饮管理有限公司',
      uscc: makeUscc('91', '330110', 'MA2GW5E0'),
      legalRepresentative: '赵某某',
      status: '存续',
      registrationAuthority: SHIFAN_SCJ,
      establishedOn: '2019-05-16',
    },
    penalties: [
      penalty('P1', '示范市监处罚〔2025〕208号', '2025-09-18', undefined, SHIFAN_SCJ, '经营超过保质期的食品原料', '罚款人民币10,000元'),
      penalty(
        'P2',
        '示卫监罚〔2025〕31号',
        '2025-04-02',
        undefined,
        '示例市卫生健康委员会',
        '安排未取得健康证明的人员从事接触直接入口食品的工作',
        '警告，罚款人民币2,000元',
      ),
      penalty(
        'P3',
        '示范市监处罚〔2024〕95号',
        '2024-06-11',
        undefined,
        SHIFAN_SCJ,
        '未按规定明码标价',
        '没收违法所得人民币640元，罚款人民币5,000元',
      ),
    ],
    abnormalListings: [
      {
        id: 'A1',
        listedDate: '2024-07-03',
        reasonText: '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告的',
        authority: SHIFAN_SCJ,
      },
    ],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '50万元人民币',
    address: '示例省示例市示范区美食街9号',
    scope: '餐饮服务；餐饮管理。',
    approvedOn: '2024-10-08',
    termTo: null,
  },
  side: EMPTY_SIDE,
  behaviour: 'normal',
  creditChina: {
    uuid: hexId('creditchina-uuid'),
    recid: hexId('creditchina-recid', 24),
    penaltyExtras: {
      P1: {
        category: '罚款',
        facts: '当事人在其经营场所存放超过保质期的食用油2桶用于加工食品。',
        basis: '《中华人民共和国食品安全法》第一百二十四条第一款',
        fineWan: '1',
        publicityEnd: '2028-09-18',
        authorityCode: SHIFAN_SCJ_CODE,
      },
      P2: {
        category: '警告;罚款',
        facts: '当事人安排2名未取得健康证明的人员从事接触直接入口食品的工作。',
        basis: '《中华人民共和国食品安全法》第一百二十六条第一款',
        fineWan: '0.2',
        publicityEnd: '2025-07-02',
        authorityCode: makeUscc('11', '330100', 'MB7K5Q2D'),
      },
      P3: {
        category: '没收违法所得、没收非法财物;罚款',
        facts: '当事人销售的酒水饮料未按规定明码标价。',
        basis: '《中华人民共和国价格法》第四十二条',
        fineWan: '0.5',
        publicityEnd: '2027-06-11',
        authorityCode: SHIFAN_SCJ_CODE,
      },
    },
    licences: [
      {
        no: 'JY33301100078901',
        name: '食品经营许可证',
        category: '普通',
        content: '热食类食品制售；冷食类食品制售',
        date: '2024-08-20',
        from: '2024-08-20',
        to: '2029-08-19',
        authority: SHIFAN_SCJ,
      },
      {
        no: '示城管户许〔2025〕46号',
        name: '户外广告设施设置许可',
        category: '普通',
        content: '设置店招店牌1处',
        date: '2025-06-30',
        from: '2025-06-30',
        to: '2027-06-29',
        authority: '示例市示范区综合行政执法局',
      },
    ],
    adminOrder: ['P1', '示城管户许〔2025〕46号', 'P2', 'JY33301100078901', 'P3'],
    honours: [{ title: '纳税信用A级纳税人', year: '2024', authority: '示例市示范区税务局', date: '2025-04-15' }],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Entities whose section endpoints misbehave (captcha page / NGIDERRORCODE): demo pages only, no fixtures.

const captcha: SimEntity = {
  key: 'captcha',
  record: {
    entity: {
      name: '示例市安信物流有限公司',
      uscc: makeUscc('91', '330105', 'MA2C3L9W'),
      legalRepresentative: '孙某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHI_SCJ,
      establishedOn: '2018-01-22',
    },
    penalties: [
      penalty('P1', '示市监处罚〔2024〕233号', '2024-05-14', '2024-05-21', SHI_SCJ, '未按规定办理变更登记', '罚款人民币10,000元'),
      penalty('P2', '示市监处罚〔2023〕150号', '2023-08-02', '2023-08-09', SHI_SCJ, '超出核准登记范围从事经营', '罚款人民币3,000元'),
    ],
    abnormalListings: [],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '300万元人民币',
    address: '示例省示例市物流园区1号',
    scope: '道路货物运输；仓储服务。',
    approvedOn: '2022-06-01',
    termTo: null,
  },
  side: EMPTY_SIDE,
  behaviour: 'captcha',
};

const blocked: SimEntity = {
  key: 'blocked',
  record: {
    entity: {
      name: '示例市远航建材有限公司',
      uscc: makeUscc('91', '330102', 'MA2E8F4U'),
      legalRepresentative: '周某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHI_SCJ,
      establishedOn: '2017-06-08',
    },
    penalties: [],
    abnormalListings: [{ id: 'A1', listedDate: '2024-06-28', reasonText: '通过登记的住所或者经营场所无法联系的', authority: SHI_SCJ }],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '1000万元人民币',
    address: '示例省示例市建材市场C区8号',
    scope: '建筑材料销售。',
    approvedOn: '2021-03-15',
    termTo: '2037-06-07',
  },
  side: EMPTY_SIDE,
  behaviour: 'ngid',
};

// ---------------------------------------------------------------------------------------------------------------
// Test-only entities (no fixtures): script payloads shown as text, and 200 penalties on one page.

/** Marks a payload that ran: every payload below bumps or sets it, so `window.__clxss` stays undefined if none ran. */
export const XSS_MARKER = '__clxss';
export const XSS_PAYLOADS = {
  img: '<img src=x onerror="window.__clxss=(window.__clxss||0)+1">',
  script: '<script>window.__clxss=1</script>',
  svg: '"><svg onload=window.__clxss=1>',
} as const;

/**
 * Raw values of a careful site: every text field HTML-escaped in the JSON, so that the page's DataTables script,
 * which inserts cell values as HTML, shows the payloads as literal text.
 */
function htmlEscapedRaw(penalties: PenaltyInput[], abnormal: AbnormalListingInput[]): Record<string, RawOverrides> {
  const raw: Record<string, RawOverrides> = {};
  for (const p of penalties) {
    raw[p.id] = {
      decisionNo: esc(p.decisionNo),
      authority: esc(p.authority),
      content: esc(p.content ?? ''),
      violationText: esc(p.violationText ?? ''),
    };
  }
  for (const a of abnormal) raw[a.id] = { reasonText: esc(a.reasonText ?? '') };
  return raw;
}

/** P1 is heavy (责令停产停业) and recent, so the overlay names its decision number — payload included — in a finding. */
const XSS_PENALTIES: PenaltyInput[] = [
  penalty(
    'P1',
    `示市监处罚〔2025〕${XSS_PAYLOADS.script}212号`,
    '2025-10-14',
    '2025-10-21',
    `${SHI_SCJ}${XSS_PAYLOADS.script}`,
    `使用超过保质期的食品原料生产食品${XSS_PAYLOADS.svg}`,
    `罚款人民币80,000元，责令停产停业一个月${XSS_PAYLOADS.img}`,
  ),
  penalty(
    'P2',
    `示市监处罚〔2024〕${XSS_PAYLOADS.svg}097号`,
    '2024-07-03',
    '2024-07-10',
    `${SHIFAN_SCJ}${XSS_PAYLOADS.img}`,
    `${XSS_PAYLOADS.img}未按规定明码标价`,
    `${XSS_PAYLOADS.svg}罚款人民币3,000元`,
  ),
  penalty(
    'P3',
    `示市监处罚〔2023〕${XSS_PAYLOADS.img}045号`,
    '2023-05-19',
    '2023-05-26',
    SHI_SCJ,
    `发布虚假广告${XSS_PAYLOADS.script}`,
    `罚款人民币20,000元${XSS_PAYLOADS.script}`,
  ),
];
const XSS_ABNORMAL: AbnormalListingInput[] = [
  { id: 'A1', listedDate: '2025-06-30', reasonText: `通过登记的住所或者经营场所无法联系的${XSS_PAYLOADS.img}`, authority: SHI_SCJ },
];

const xss: SimEntity = {
  key: 'xss',
  record: {
    entity: {
      name: `示例市${XSS_PAYLOADS.img}安信测评商行有限公司`,
      uscc: makeUscc('91', '330106', 'MA2X7T3K'),
      legalRepresentative: '郑某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHI_SCJ,
      establishedOn: '2020-08-26',
    },
    penalties: XSS_PENALTIES,
    abnormalListings: XSS_ABNORMAL,
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '100万元人民币',
    address: '示例省示例市示范区测评路5号',
    scope: '日用百货销售；广告设计、代理。',
    approvedOn: '2024-03-18',
    termTo: null,
  },
  side: EMPTY_SIDE,
  behaviour: 'normal',
  raw: htmlEscapedRaw(XSS_PENALTIES, XSS_ABNORMAL),
};

/** Violations across the six domains, so that the 200 rows carry every kind of chip. */
const BENCH_CASES: Array<[string, string]> = [
  ['销售超过保质期的食品', '罚款人民币5,000元'],
  ['生产经营不符合食品安全标准的食品', '没收违法所得人民币3,200元，罚款人民币50,000元'],
  ['经营未取得注册证的医疗器械', '没收违法所得人民币1,800元，罚款人民币20,000元'],
  ['销售不合格产品', '罚款人民币12,000元'],
  ['拒绝履行七日无理由退货义务', '罚款人民币8,000元'],
  ['虚假宣传', '罚款人民币15,000元'],
  ['未按规定明码标价', '警告'],
  ['发布虚假广告', '罚款人民币30,000元'],
  ['经营场所未按规定亮照经营', '警告'],
  ['使用超过保质期的食品原料生产食品', '没收违法所得人民币6,400元，罚款人民币100,000元，责令停产停业一个月'],
];
export const BENCH_PENALTY_COUNT = 200;

/** 200 decisions newest first, 9–12 days apart from 2026-11-29 back to early 2022 (all within 5 years of 2026-11-30). */
function benchPenalties(): PenaltyInput[] {
  return Array.from({ length: BENCH_PENALTY_COUNT }, (_, i) => {
    const date = addDaysIso('2026-11-29', -(i * 9 + (i % 4)));
    const year = date.slice(0, 4);
    const [violation, content] = BENCH_CASES[i % BENCH_CASES.length] ?? ['', ''];
    const office = i % 7 === 3 ? '示例市生态环境局' : i % 3 === 1 ? SHIFAN_SCJ : SHI_SCJ;
    const serial = String(BENCH_PENALTY_COUNT * 2 - i);
    const decisionNo =
      office === SHIFAN_SCJ
        ? `示范市监处字〔${year}〕${serial}号`
        : office === SHI_SCJ
          ? `示市监处罚〔${year}〕${serial}号`
          : `示环罚〔${year}〕${serial}号`;
    return penalty(`P${i + 1}`, decisionNo, date, addDaysIso(date, 7), office, violation, content);
  });
}

const bench: SimEntity = {
  key: 'bench',
  record: {
    entity: {
      name: '示例市百川汇通基准贸易有限公司',
      uscc: makeUscc('91', '330104', 'MA2B8N6Q'),
      legalRepresentative: '钱某某',
      status: COMPANY_STATUS,
      registrationAuthority: SHI_SCJ,
      establishedOn: '2014-02-11',
    },
    penalties: benchPenalties(),
    abnormalListings: [],
    seriousListings: [],
  },
  profile: {
    kind: 'company',
    entTypeCode: '1',
    typeText: '有限责任公司(自然人投资或控股)',
    capital: '800万元人民币',
    address: '示例省示例市商贸中心大道200号',
    scope: '食品销售；医疗器械经营；日用百货销售。',
    approvedOn: '2025-01-06',
    termTo: null,
  },
  side: EMPTY_SIDE,
  behaviour: 'normal',
};

export const ENTITIES: Readonly<Record<EntityKey, SimEntity>> = {
  clean,
  listed,
  repeat,
  individual,
  creditchina,
  captcha,
  blocked,
  xss,
  bench,
};

// ---------------------------------------------------------------------------------------------------------------
// Pages.

export type Layout = 'gsxt-2017' | 'gsxt-2026' | 'gsxt-provincial' | 'gsxt-search' | 'creditchina';
export type SiteId = 'gsxt-gov-cn' | 'creditchina-gov-cn';

export const GSXT_HOST = 'www.gsxt.gov.cn';
export const PROVINCIAL_HOST = 'zj.gsxt.gov.cn';
export const CREDITCHINA_HOST = 'www.creditchina.gov.cn';
export const CREDITCHINA_API_HOST = 'public.creditchina.gov.cn';
/** The moment every fixture claims to have been captured. */
export const OBSERVED_AT = '2026-11-30T00:00:00.000Z';

export interface SimPage {
  /** Fixture file name without extension; also the page's id in the demo index. */
  name: string;
  site: SiteId;
  host: string;
  /** Path and query exactly as in the address bar (percent-encoded). */
  path: string;
  layout: Layout;
  entityKey: EntityKey | null;
  /** 2017 pages carry base64-like tokens, 2018 pages upper-case hex (and a commented-out blacklist table). */
  variant?: '2017' | '2018';
  /** Whether build-fixtures saves this page. */
  fixture: boolean;
  /** Rows per section page the page's own script asks for (default PAGE_LENGTH, 5, as on the site). */
  pageLength?: number;
  /** Whether the search results list it (default true); test-only pages stay out so the search page is unchanged. */
  inSearch?: boolean;
  /** What the page exercises, for the demo index and the report. */
  about: string;
}

function gsxtPath(seed: string, style: 'base64' | 'hex', era: '2017' | '2026' = '2017'): string {
  return `/%7B${gsxtToken(seed, style, era)}%7D`;
}

function creditChinaPath(entity: SimEntity): string {
  const uuid = entity.creditChina?.uuid ?? '';
  const query = new URLSearchParams({
    searchState: '1',
    entityType: '1',
    keyword: entity.record.entity.name,
    uuid,
    tyshxydm: entity.record.entity.uscc ?? '',
  });
  return `/xinyongxinxixiangqing/xyDetail.html?${query.toString().replace(/\+/g, '%20')}`;
}

export const PAGES: readonly SimPage[] = [
  {
    name: 'clean-2026',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:clean-2026', 'hex', '2026'),
    layout: 'gsxt-2026',
    entityKey: 'clean',
    fixture: true,
    about: '2026 layout, clean company: the three sections opened and empty (暂无…), totals 0',
  },
  {
    name: 'listed-2026',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:listed-2026', 'hex', '2026'),
    layout: 'gsxt-2026',
    entityKey: 'listed',
    fixture: true,
    about: '2026 layout, company on the serious list: 3 penalties (one 责令停产停业), 1 removed abnormal listing, 1 active blacklist entry',
  },
  {
    name: 'repeat-2017',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:repeat-2017', 'base64'),
    layout: 'gsxt-2017',
    entityKey: 'repeat',
    variant: '2017',
    fixture: true,
    about:
      '2017 layout, repeat offender: 23 penalties behind punishmentDetailInfoUrl, 5 rendered, pager 共 23 条 / 共5页; nested specialfuckth header',
  },
  {
    name: 'individual-2018',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:individual-2018', 'hex'),
    layout: 'gsxt-2017',
    entityKey: 'individual',
    variant: '2018',
    fixture: true,
    about: '2017/18 layout, 个体工商户 (92…): 经营者/组成形式, 个体户 abnormal columns (标记/恢复) via indBusExcepUrl, 2 abnormal rows',
  },
  {
    name: 'listed-zj-provincial',
    site: 'gsxt-gov-cn',
    host: PROVINCIAL_HOST,
    path: gsxtPath('page:listed-zj', 'base64'),
    layout: 'gsxt-provincial',
    entityKey: 'listed',
    fixture: true,
    about: 'provincial sub-site (zj.gsxt.gov.cn), older th/td layout: Guangxi-style 经营异常/严重违法 columns, 注册号 shown',
  },
  {
    name: 'search',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: '/corp-query-search-1.html',
    layout: 'gsxt-search',
    entityKey: null,
    fixture: true,
    about: 'gsxt search results (page kind search): entity names, codes and statuses but no record — unsupported-page',
  },
  {
    name: 'entity-detail',
    site: 'creditchina-gov-cn',
    host: CREDITCHINA_HOST,
    path: creditChinaPath(creditchina),
    layout: 'creditchina',
    entityKey: 'creditchina',
    fixture: true,
    about: 'Credit China entity page: 行政管理 mixing 3 penalties and 2 licences, 1 经营异常 row, empty 严重失信主体名单, no counts',
  },
  {
    name: 'captcha-2018',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:captcha-2018', 'hex'),
    layout: 'gsxt-2017',
    entityKey: 'captcha',
    variant: '2018',
    fixture: false,
    about: 'section endpoints answer an HTML captcha page where JSON was expected',
  },
  {
    name: 'blocked-2018',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:blocked-2018', 'hex'),
    layout: 'gsxt-2017',
    entityKey: 'blocked',
    variant: '2018',
    fixture: false,
    about: 'section endpoints answer {"NGIDERRORCODE": …}',
  },
  {
    name: 'xss-2017',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:xss-2017', 'base64'),
    layout: 'gsxt-2017',
    entityKey: 'xss',
    variant: '2017',
    fixture: false,
    inSearch: false,
    about:
      'script payloads (<img onerror>, <script>, "><svg onload>) in the name, 3 penalties (one heavy) and 1 abnormal row, shown as literal text (HTML-escaped in the JSON); window.__clxss is set if any runs',
  },
  {
    name: 'bench-200',
    site: 'gsxt-gov-cn',
    host: GSXT_HOST,
    path: gsxtPath('page:bench-200', 'base64'),
    layout: 'gsxt-2017',
    entityKey: 'bench',
    variant: '2017',
    fixture: false,
    pageLength: BENCH_PENALTY_COUNT,
    inSearch: false,
    about:
      '200 penalties over the 5 years before 2026-11-30, all rendered on load (page length 200, 共 200 条): the overlay benchmark page',
  },
];

export function pageUrl(page: SimPage): string {
  return `https://${page.host}${page.path}`;
}

export function pageByName(name: string): SimPage {
  const page = PAGES.find((p) => p.name === name);
  if (!page) throw new RangeError(`no page ${name}`);
  return page;
}
