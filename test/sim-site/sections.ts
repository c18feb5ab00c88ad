/**
 * The section data behind the simulated pages: gsxt DataTables JSON (the site's field names) and Credit
 * China private-api rows, built from the truth data in entities.ts. The page renderers, the server and the
 * fixture builder all read rows from here, so a page, its JSON and its saved copy never disagree.
 */
import type { IsoDate, PenaltyInput } from '#core';
import { hexId } from './codes.ts';
import type { RawOverrides, SimEntity } from './entities.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRow = Record<string, JsonValue>;

/** gsxt writes 长期 as epoch milliseconds at or above this value (core/lib/dates.ts reads it back). */
export const LONG_TERM_MS = 253402185600000;
/** Rows per section page, as the site's own DataTables ask for. */
export const PAGE_LENGTH = 5;

/** Midnight of a calendar date in China time (UTC+8) as epoch milliseconds, as the site's JSON carries dates. */
export function chinaMidnightMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

// ---------------------------------------------------------------------------------------------------------------
// Section catalogue.

export type SectionId =
  | 'shareholder'
  | 'keyPerson'
  | 'branch'
  | 'liquidation'
  | 'alter'
  | 'mortgage'
  | 'stakePledge'
  | 'ipPledge'
  | 'trademark'
  | 'licence'
  | 'insLicence'
  | 'punishment'
  | 'insPunishment'
  | 'abnormal'
  | 'serious'
  | 'spotCheck'
  | 'drRanins'
  | 'assist'
  | 'simpleCancel'
  | 'foodCheck'
  | 'productQuality';

/** idx = row number; cell = the JSON value inserted as HTML (DataTables' default); date = epoch ms → text. */
export type CellKind = 'idx' | 'cell' | 'date' | 'detail' | 'insType';

export interface Column {
  header: string;
  kind: CellKind;
  key?: string;
}

export interface SectionDef {
  id: SectionId;
  /** Title on the 2026 page (and in its left menu). */
  title: string;
  /** Title on the 2017/18 page when it differs. */
  title2017?: string;
  columns: Column[];
  /** What an opened, empty section says on the 2026 page. */
  emptyText: string;
}

const idx: Column = { header: '序号', kind: 'idx' };
const c = (header: string, key: string): Column => ({ header, key, kind: 'cell' });
const d = (header: string, key: string): Column => ({ header, key, kind: 'date' });
const detail = (key: string): Column => ({ header: '详情', key, kind: 'detail' });

export const PUNISHMENT_COLUMNS: Column[] = [
  idx,
  c('决定书文号', 'penDecNo'),
  c('违法行为类型', 'illegActType'),
  c('行政处罚内容', 'penContent'),
  c('决定机关名称', 'penAuth_CN'),
  d('处罚决定日期', 'penDecIssDate'),
  d('公示日期', 'publicDate'),
  detail('caseId'),
];

export const ABNORMAL_COLUMNS: Column[] = [
  idx,
  c('列入经营异常名录原因', 'speCause_CN'),
  d('列入日期', 'abntime'),
  c('作出决定机关(列入)', 'decOrg_CN'),
  c('移出经营异常名录原因', 'remExcpRes_CN'),
  d('移出日期', 'remDate'),
  c('作出决定机关(移出)', 'reDecOrg_CN'),
];

/** 个体工商户: the same fields under 标记/恢复 headers. */
export const ABNORMAL_COLUMNS_INDIVIDUAL: Column[] = [
  idx,
  c('标记经营异常状态原因', 'speCause_CN'),
  d('列入日期', 'abntime'),
  c('作出决定机关(标记)', 'decOrg_CN'),
  c('恢复正常记载状态原因', 'remExcpRes_CN'),
  d('移出日期', 'remDate'),
  c('作出决定机关(恢复)', 'reDecOrg_CN'),
];

export const SERIOUS_COLUMNS_2017: Column[] = [
  idx,
  c('类别', 'type'),
  c('列入严重违法失信企业名单（黑名单）原因', 'serILLRea_CN'),
  d('列入日期', 'abntime'),
  c('作出决定机关(列入)', 'decOrg_CN'),
  c('移出严重违法失信企业名单（黑名单）原因', 'remExcpRes_CN'),
  d('移出日期', 'remDate'),
  c('作出决定机关(移出)', 'reDecOrg_CN'),
];

/** 2026: 企业 is gone from the titles; the brackets of the decision-authority headers are full-width here. */
export const SERIOUS_COLUMNS_2026: Column[] = [
  idx,
  c('类别', 'type'),
  c('列入严重违法失信名单（黑名单）原因', 'serILLRea_CN'),
  d('列入日期', 'abntime'),
  c('作出决定机关（列入）', 'decOrg_CN'),
  c('移出严重违法失信名单（黑名单）原因', 'remExcpRes_CN'),
  d('移出日期', 'remDate'),
  c('作出决定机关（移出）', 'reDecOrg_CN'),
];

export const ABNORMAL_COLUMNS_2026: Column[] = [
  idx,
  c('列入经营异常名录原因', 'speCause_CN'),
  d('列入日期', 'abntime'),
  c('作出决定机关（列入）', 'decOrg_CN'),
  c('移出经营异常名录原因', 'remExcpRes_CN'),
  d('移出日期', 'remDate'),
  c('作出决定机关（移出）', 'reDecOrg_CN'),
];

export const SECTIONS: Readonly<Record<SectionId, SectionDef>> = {
  shareholder: {
    id: 'shareholder',
    title: '股东及出资信息',
    emptyText: '暂无股东及出资信息',
    columns: [
      idx,
      c('股东名称', 'inv'),
      c('股东类型', 'invType_CN'),
      c('证照/证件类型', 'blicType_CN'),
      c('证照/证件号码', 'bLicNo'),
      detail('invId'),
    ],
  },
  keyPerson: {
    id: 'keyPerson',
    title: '主要人员信息',
    emptyText: '暂无主要人员信息',
    columns: [idx, c('姓名', 'name'), c('职务', 'position_CN')],
  },
  branch: {
    id: 'branch',
    title: '分支机构信息',
    emptyText: '暂无分支机构信息',
    columns: [idx, c('名称', 'brName'), c('统一社会信用代码/注册号', 'uniscId'), c('登记机关', 'regOrg_CN')],
  },
  liquidation: {
    id: 'liquidation',
    title: '清算信息',
    emptyText: '暂无清算信息',
    columns: [idx, c('清算组负责人', 'ligPrincipal'), c('清算组成员', 'liqMem')],
  },
  alter: {
    id: 'alter',
    title: '变更信息',
    emptyText: '暂无变更信息',
    columns: [idx, c('变更事项', 'altItem_CN'), c('变更前内容', 'altBe'), c('变更后内容', 'altAf'), d('变更日期', 'altDate')],
  },
  mortgage: {
    id: 'mortgage',
    title: '动产抵押登记信息',
    emptyText: '暂无动产抵押登记信息',
    columns: [
      idx,
      c('登记编号', 'morRegCNo'),
      d('登记日期', 'regiDate'),
      c('登记机关', 'regOrg_CN'),
      c('被担保债权数额', 'priClaSecAm'),
      c('状态', 'type'),
      d('公示日期', 'publicDate'),
      detail('morReg_Id'),
    ],
  },
  stakePledge: {
    id: 'stakePledge',
    title: '股权出质登记信息',
    emptyText: '暂无股权出质登记信息',
    columns: [
      idx,
      c('登记编号', 'equityNo'),
      c('出质人', 'pledgor'),
      c('出质股权数额', 'impAm'),
      c('质权人', 'impOrg'),
      d('股权出质设立登记日期', 'equPleDate'),
      c('状态', 'type'),
      d('公示日期', 'publicDate'),
    ],
  },
  ipPledge: {
    id: 'ipPledge',
    title: '知识产权出质登记信息',
    emptyText: '暂无知识产权出质登记信息',
    columns: [
      idx,
      c('知识产权登记证号', 'tmRegNo'),
      c('名称', 'tmName'),
      c('种类', 'kinds'),
      c('出质人名称', 'pledgor'),
      c('质权人名称', 'impOrg'),
      c('质权登记期限', 'pleRegPerFrom'),
      c('状态', 'type'),
      d('公示日期', 'publicDate'),
    ],
  },
  trademark: {
    id: 'trademark',
    title: '商标注册信息',
    emptyText: '暂无商标注册信息',
    columns: [idx, c('商标', 'tmName'), c('注册号', 'regNum'), c('类别', 'intCls'), c('专用权期限', 'propertyPeriod')],
  },
  licence: {
    id: 'licence',
    title: '行政许可信息',
    emptyText: '暂无行政许可信息',
    columns: [
      idx,
      c('许可文件编号', 'licNo'),
      c('许可文件名称', 'licName_CN'),
      d('有效期自', 'valFrom'),
      d('有效期至', 'valTo'),
      c('许可机关', 'licAnth'),
      c('许可内容', 'licItem'),
    ],
  },
  insLicence: {
    id: 'insLicence',
    title: '行政许可信息（企业自行公示）',
    title2017: '行政许可信息',
    emptyText: '暂无行政许可信息',
    columns: [
      idx,
      c('许可文件编号', 'licNo'),
      c('许可文件名称', 'licName_CN'),
      d('有效期自', 'valFrom'),
      d('有效期至', 'valTo'),
      c('许可机关', 'licAnth'),
      c('许可内容', 'licItem'),
      c('状态', 'status'),
      d('公示日期', 'publicDate'),
      detail('licId'),
    ],
  },
  punishment: { id: 'punishment', title: '行政处罚信息', emptyText: '暂无行政处罚信息', columns: PUNISHMENT_COLUMNS },
  insPunishment: {
    id: 'insPunishment',
    title: '行政处罚信息（企业自行公示）',
    title2017: '行政处罚信息',
    emptyText: '暂无行政处罚信息',
    columns: [
      idx,
      c('决定书文号', 'penDecNo'),
      c('违法行为类型', 'illegActType'),
      c('行政处罚内容', 'penContent'),
      c('决定机关名称', 'penAuth_CN'),
      d('处罚决定日期', 'penDecIssDate'),
      d('公示日期', 'publicDate'),
      c('备注', 'remark'),
    ],
  },
  abnormal: { id: 'abnormal', title: '列入经营异常名录信息', emptyText: '暂无列入经营异常名录信息', columns: ABNORMAL_COLUMNS_2026 },
  serious: {
    id: 'serious',
    title: '列入严重违法失信名单（黑名单）信息',
    title2017: '列入严重违法失信企业名单（黑名单）信息',
    emptyText: '暂无列入严重违法失信名单信息',
    columns: SERIOUS_COLUMNS_2026,
  },
  spotCheck: {
    id: 'spotCheck',
    title: '抽查检查结果信息',
    emptyText: '暂无抽查检查结果信息',
    columns: [
      idx,
      c('检查实施机关', 'insAuth_CN'),
      { header: '类型', key: 'insType', kind: 'insType' },
      d('日期', 'insDate'),
      c('结果', 'insRes_CN'),
    ],
  },
  drRanins: {
    id: 'drRanins',
    title: '双随机抽查结果信息',
    emptyText: '暂无双随机抽查结果信息',
    columns: [
      idx,
      c('抽查计划编号', 'raninsPlanId'),
      c('抽查计划名称', 'raninsPlaneName'),
      c('抽查任务编号', 'raninsTaskId'),
      c('抽查任务名称', 'raninsTaskName'),
      c('抽查类型', 'raninsTypeName'),
      c('抽查机关', 'insAuth'),
      d('抽查完成日期', 'insDate'),
      detail('raninsTaskId'),
    ],
  },
  assist: {
    id: 'assist',
    title: '司法协助信息',
    emptyText: '暂无司法协助信息',
    columns: [
      idx,
      c('被执行人', 'inv'),
      c('股权数额', 'froAm'),
      c('执行法院', 'froAuth'),
      c('执行通知书文号', 'executeNo'),
      c('类型|状态', 'frozState_CN'),
      detail('parent_Id'),
    ],
  },
  simpleCancel: {
    id: 'simpleCancel',
    title: '简易注销信息',
    emptyText: '暂无简易注销信息',
    columns: [idx, c('企业名称', 'entName'), c('公告期', 'noticeFromDate'), c('简易注销结果', 'simpleCanRea'), d('核准日期', 'canDate')],
  },
  foodCheck: {
    id: 'foodCheck',
    title: '食品抽检信息',
    emptyText: '暂无食品抽检信息',
    columns: [idx, c('抽检样品名称', 'sampleName'), c('抽检结果', 'chkResult'), d('抽检日期', 'chkDate'), c('抽检机关', 'chkOrg')],
  },
  productQuality: {
    id: 'productQuality',
    title: '产品质量抽查信息',
    emptyText: '暂无产品质量抽查信息',
    columns: [idx, c('产品名称', 'proName'), c('抽查结果', 'chkResult'), d('抽查日期', 'chkDate'), c('抽查机关', 'chkOrg')],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Raw values: what the site sends where the truth is normalised.

/** The site's *_CN fields sometimes arrive with markup around parts of the text. */
export function obfuscate(text: string, seed: number): string {
  if (text === '') return text;
  switch (seed % 3) {
    case 1: {
      const cut = Math.max(1, Math.floor(text.length / 2));
      return `<span class="c${(seed * 7919) % 1000}">${text.slice(0, cut)}</span>${text.slice(cut)}`;
    }
    case 2:
      return `<div style="display:inline">${text}</div>`;
    default:
      return text;
  }
}

function raw(entity: SimEntity, id: string, field: keyof RawOverrides, truth: string): string {
  return entity.raw?.[id]?.[field] ?? truth;
}

function dateMs(date: IsoDate | undefined | null): number | null {
  return date ? chinaMidnightMs(date) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// gsxt section rows.

function penaltyRow(entity: SimEntity, p: PenaltyInput, index: number): JsonRow {
  const authority = entity.raw?.[p.id]?.authority ?? obfuscate(p.authority, index);
  return {
    caseId: hexId(`${entity.key}:case:${p.id}`),
    pripId: hexId(`${entity.key}:pripid`),
    penDecNo: raw(entity, p.id, 'decisionNo', p.decisionNo),
    illegActType: raw(entity, p.id, 'violationText', p.violationText ?? ''),
    penContent: raw(entity, p.id, 'content', p.content ?? ''),
    penAuth_CN: authority,
    penDecIssDate: chinaMidnightMs(p.decisionDate),
    publicDate: dateMs(p.publicityDate),
    penType_CN: null,
    nodeNum: '330000',
  };
}

function abnormalRows(entity: SimEntity): JsonRow[] {
  return entity.record.abnormalListings.map((a, i) => ({
    busExcepList: hexId(`${entity.key}:abn:${a.id}`),
    speCause_CN: obfuscate(raw(entity, a.id, 'reasonText', a.reasonText ?? ''), i + 1),
    abntime: chinaMidnightMs(a.listedDate),
    decOrg_CN: a.authority ?? '',
    remExcpRes_CN: a.removalReasonText ?? null,
    remDate: dateMs(a.removedDate),
    reDecOrg_CN: a.removedDate ? (a.authority ?? null) : null,
  }));
}

function seriousRows(entity: SimEntity): JsonRow[] {
  return entity.record.seriousListings.map((s, i) => ({
    illegalId: hexId(`${entity.key}:ill:${s.id}`),
    type: entity.seriousCategory ?? '严重违法失信',
    serILLRea_CN: obfuscate(raw(entity, s.id, 'reasonText', s.reasonText ?? ''), i + 2),
    abntime: chinaMidnightMs(s.listedDate),
    decOrg_CN: obfuscate(s.authority ?? '', i + 1),
    remExcpRes_CN: null,
    remDate: dateMs(s.removedDate),
    reDecOrg_CN: null,
  }));
}

/** The rows of one section, in the order the site lists them. */
export function sectionRows(entity: SimEntity, section: SectionId): JsonRow[] {
  const side = entity.side;
  switch (section) {
    case 'punishment':
      return entity.record.penalties.map((p, i) => penaltyRow(entity, p, i));
    case 'abnormal':
      return abnormalRows(entity);
    case 'serious':
      return seriousRows(entity);
    case 'licence':
      return side.licences.map((l, i) => ({
        licId: hexId(`${entity.key}:lic:${i}`),
        licNo: l.no,
        licName_CN: l.name,
        valFrom: chinaMidnightMs(l.from),
        valTo: l.to ? chinaMidnightMs(l.to) : LONG_TERM_MS,
        licAnth: l.authority,
        licItem: l.content,
      }));
    case 'alter':
      return side.alterations.map((a, i) => ({
        altId: hexId(`${entity.key}:alt:${i}`),
        altItem_CN: a.item,
        altBe: a.before,
        altAf: a.after,
        altDate: chinaMidnightMs(a.date),
      }));
    case 'spotCheck':
      return side.spotChecks.map((s, i) => ({
        insId: hexId(`${entity.key}:ins:${i}`),
        insAuth_CN: s.authority,
        insType: String(s.type),
        insDate: chinaMidnightMs(s.date),
        insRes_CN: s.result,
      }));
    case 'shareholder':
      return side.shareholders.map((s, i) => ({
        invId: hexId(`${entity.key}:inv:${i}`),
        inv: s.name,
        invType_CN: s.type,
        blicType_CN: s.licenceType,
        bLicNo: s.licenceNo,
      }));
    case 'keyPerson':
      return side.keyPersons.map((k) => ({ name: k.name, position_CN: k.position }));
    default:
      return [];
  }
}

/** One page of a section as the site's POST endpoint answers it (DataTables shape). */
export interface DataTablesReply {
  draw: number;
  recordsTotal: number;
  totalPage: number;
  data: JsonRow[];
}

export function dataTablesPage(rows: JsonRow[], draw: number, start: number, length: number): DataTablesReply {
  return {
    draw,
    recordsTotal: rows.length,
    totalPage: Math.ceil(rows.length / length),
    data: rows.slice(start, start + length),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Credit China private-api rows.

export const CREDITCHINA_CATEGORIES = ['行政管理', '诚实守信', '经营异常', '严重失信主体名单', '重点关注'] as const;

export interface CreditChinaRow {
  table_name: string;
  dataSource: string;
  columnList: string[];
  sencesMap: Record<string, string>;
  entity: Record<string, string>;
}

const PENALTY_COLUMNS = [
  'cf_xdr_mc',
  'cf_xdr_shxym',
  'cf_wsh',
  'cf_wfxw',
  'cf_sy',
  'cf_cflb',
  'cf_nr',
  'cf_nr_fk',
  'cf_jdrq',
  'cf_cfjg',
  'cf_cfjgdm',
  'cf_gsjzq',
  'cf_sjly',
];
const PENALTY_LABELS: Record<string, string> = {
  cf_xdr_mc: '行政相对人名称',
  cf_xdr_shxym: '统一社会信用代码',
  cf_wsh: '行政处罚决定书文号',
  cf_wfxw: '违法行为类型',
  cf_sy: '违法事实',
  cf_cflb: '处罚类别',
  cf_nr: '处罚内容',
  cf_nr_fk: '罚款金额（万元）',
  cf_jdrq: '处罚决定日期',
  cf_cfjg: '处罚机关',
  cf_cfjgdm: '处罚机关统一社会信用代码',
  cf_gsjzq: '公示截止期',
  cf_sjly: '数据来源单位',
  cf_yj: '处罚依据',
};
const LICENCE_COLUMNS = ['xk_xdr', 'xk_xdr_shxym', 'xk_wsh', 'xk_xmmc', 'xk_splb', 'xk_nr', 'xk_jdrq', 'xk_yxq', 'xk_jzq', 'xk_xzjg'];
const LICENCE_LABELS: Record<string, string> = {
  xk_xdr: '行政相对人名称',
  xk_xdr_shxym: '统一社会信用代码',
  xk_wsh: '行政许可决定文书号',
  xk_xmmc: '项目名称',
  xk_splb: '许可类别',
  xk_nr: '许可内容',
  xk_jdrq: '许可决定日期',
  xk_yxq: '有效期自',
  xk_jzq: '有效期至',
  xk_xzjg: '许可机关',
};

function slashDate(date: IsoDate): string {
  return date.replace(/-/g, '/');
}

function creditChinaAdminRows(entity: SimEntity): CreditChinaRow[] {
  const cc = entity.creditChina;
  if (!cc) return [];
  const { name, uscc = '' } = entity.record.entity;
  return cc.adminOrder.flatMap((key): CreditChinaRow[] => {
    const p = entity.record.penalties.find((x) => x.id === key);
    const extra = cc.penaltyExtras[key];
    if (p && extra) {
      return [
        {
          table_name: `credit_xyzx_fr_xzcf_${p.decisionDate.slice(0, 4)}`,
          dataSource: p.authority,
          columnList: PENALTY_COLUMNS,
          sencesMap: PENALTY_LABELS,
          entity: {
            cf_xdr_mc: name,
            cf_xdr_lb: '法人及非法人组织',
            cf_xdr_shxym: uscc,
            cf_wsh: p.decisionNo,
            cf_cfmc: '行政处罚决定书',
            cf_wfxw: p.violationText ?? '',
            cf_sy: extra.facts,
            cf_yj: extra.basis,
            cf_cflb: extra.category,
            cf_nr: p.content ?? '',
            cf_nr_fk: extra.fineWan,
            cf_jdrq: p.decisionDate,
            cf_gsjzq: extra.publicityEnd,
            cf_cfjg: p.authority,
            cf_cfjgdm: extra.authorityCode,
            cf_sjly: p.authority,
            cf_sjc: `${p.decisionDate} 10:21:07`,
          },
        },
      ];
    }
    const l = cc.licences.find((x) => x.no === key);
    if (!l) return [];
    return [
      {
        table_name: `credit_xyzx_fr_xzxk_${l.date.slice(0, 4)}`,
        dataSource: l.authority,
        columnList: LICENCE_COLUMNS,
        sencesMap: LICENCE_LABELS,
        entity: {
          xk_xdr: name,
          xk_xdr_shxym: uscc,
          xk_wsh: l.no,
          xk_xmmc: l.name,
          xk_splb: l.category,
          xk_nr: l.content,
          xk_jdrq: slashDate(l.date),
          xk_yxq: slashDate(l.from),
          xk_jzq: slashDate(l.to),
          xk_xzjg: l.authority,
        },
      },
    ];
  });
}

/** The rows of one Credit China category, newest first. */
export function creditChinaRows(entity: SimEntity, category: string): CreditChinaRow[] {
  const { name, uscc = '' } = entity.record.entity;
  switch (category) {
    case '行政管理':
      return creditChinaAdminRows(entity);
    case '诚实守信':
      return (entity.creditChina?.honours ?? []).map((h) => ({
        table_name: 'credit_swzj_fr_ajnsr',
        dataSource: '国家税务总局',
        columnList: ['nsrmc', 'nsrsbh', 'pjnd', 'xypj', 'pjdw', 'fbrq'],
        sencesMap: {
          nsrmc: '纳税人名称',
          nsrsbh: '纳税人识别号',
          pjnd: '评价年度',
          xypj: '纳税信用等级',
          pjdw: '评价单位',
          fbrq: '发布日期',
        },
        entity: { nsrmc: name, nsrsbh: uscc, pjnd: h.year, xypj: 'A', pjdw: h.authority, fbrq: h.date },
      }));
    case '经营异常':
      return entity.record.abnormalListings.map((a) => ({
        table_name: 'credit_scjdglzj_fr_jyycml',
        dataSource: '市场监督管理总局',
        columnList: ['entname', 'uniscid', 'specause', 'abntime', 'decorg'],
        sencesMap: {
          entname: '企业名称',
          uniscid: '统一社会信用代码',
          specause: '列入经营异常名录原因',
          abntime: '列入日期',
          decorg: '列入决定机关名称',
        },
        entity: { entname: name, uniscid: uscc, specause: a.reasonText ?? '', abntime: a.listedDate, decorg: a.authority ?? '' },
      }));
    case '严重失信主体名单':
      return entity.record.seriousListings.map((s) => ({
        table_name: 'credit_scjdglzj_fr_yzwfsx',
        dataSource: '市场监督管理总局',
        columnList: ['entname', 'uniscid', 'serillrea', 'abntime', 'decorg'],
        sencesMap: {
          entname: '企业名称',
          uniscid: '统一社会信用代码',
          serillrea: '列入严重违法失信名单原因',
          abntime: '列入日期',
          decorg: '作出决定机关',
        },
        entity: { entname: name, uniscid: uscc, serillrea: s.reasonText ?? '', abntime: s.listedDate, decorg: s.authority ?? '' },
      }));
    default:
      return [];
  }
}

export interface CreditChinaListReply {
  status: number;
  message: string;
  data: { page: number; pageSize: number; total: number; totalSize: number; list: CreditChinaRow[] };
}

export function creditChinaCategoryReply(entity: SimEntity | null, category: string, page: number, pageSize: number): CreditChinaListReply {
  const rows = entity ? creditChinaRows(entity, category) : [];
  return {
    status: 1,
    message: '成功',
    data: {
      page,
      pageSize,
      total: rows.length,
      totalSize: Math.ceil(rows.length / pageSize),
      list: rows.slice((page - 1) * pageSize, page * pageSize),
    },
  };
}

export interface CreditChinaDetailReply {
  status: number;
  message: string;
  data: {
    headEntity: Record<string, string>;
    data: {
      table_name: string;
      dataSource: string;
      data_catalog: string;
      columnList: string[];
      sencesMap: Record<string, string>;
      entity: Record<string, string>;
    };
    punishmentStatus: 'yes' | 'no';
    rewardStatus: 'yes' | 'no';
  };
}

export function creditChinaDetailReply(entity: SimEntity): CreditChinaDetailReply {
  const e = entity.record.entity;
  const p = entity.profile;
  const cc = entity.creditChina;
  return {
    status: 1,
    message: '成功',
    data: {
      headEntity: {
        jgmc: e.name,
        tyshxydm: e.uscc ?? '',
        status: e.status ?? '',
        entity_type: '1',
        record_source: '市场监督管理总局',
        recid: cc?.recid ?? '',
      },
      data: {
        table_name: 'credit_scjdglzj_fr_gscxqy',
        dataSource: '市场监督管理总局',
        data_catalog: '登记信息',
        columnList: ['jgmc', 'tyshxydm', 'name', 'enttype', 'esdate', 'regcap', 'regorg', 'entstatus', 'dom'],
        sencesMap: {
          jgmc: '企业名称',
          tyshxydm: '统一社会信用代码',
          name: '法定代表人',
          enttype: '企业类型',
          esdate: '成立日期',
          regcap: '注册资本',
          regorg: '登记机关',
          entstatus: '登记状态',
          dom: '住所',
        },
        entity: {
          jgmc: e.name,
          tyshxydm: e.uscc ?? '',
          name: e.legalRepresentative ?? '',
          enttype: p.typeText,
          esdate: e.establishedOn ?? '',
          regcap: p.capital ?? '',
          regorg: e.registrationAuthority ?? '',
          entstatus: e.status ?? '',
          dom: p.address,
          uuid: cc?.uuid ?? '',
          recid: cc?.recid ?? '',
        },
      },
      punishmentStatus: entity.record.penalties.length > 0 ? 'yes' : 'no',
      rewardStatus: (cc?.honours.length ?? 0) > 0 ? 'yes' : 'no',
    },
  };
}
