/**
 * Words that label a field or head a column rather than hold a value: a record table's header row (序号 | 登记编号 |
 * 名称 | 种类 | 登记机关 | 被担保债权数额 …) read as label：value pairs would name the entity 种类.
 */

/** Column headers of the record tables that sit next to the basic information (动产抵押, 知识产权出质, 分支机构…). */
export const COLUMN_WORDS: ReadonlySet<string> = new Set([
  '序号',
  '名称',
  '种类',
  '登记编号',
  '登记日期',
  '登记机关',
  '被担保债权数额',
  '状态',
  '公示日期',
  '详情',
  '备注',
  '类型',
  '日期',
  '结果',
  '知识产权登记证号',
  '出质人名称',
  '质权人名称',
  '质权登记期限',
  '注册号/统一社会信用代码',
  '统一社会信用代码/注册号',
  '统一社会信用代码',
  '注册号',
  '股东',
  '股东名称',
  '股东类型',
  '证照/证件类型',
  '证照/证件号码',
  '职务',
  '姓名',
  '变更事项',
  '变更前内容',
  '变更后内容',
  '变更日期',
  '检查实施机关',
  '决定书文号',
  '违法行为类型',
  '行政处罚内容',
  '决定机关名称',
  '处罚决定日期',
  '许可文件编号',
  '许可文件名称',
  '有效期自',
  '有效期至',
  '许可机关',
  '许可内容',
  '出质人',
  '质权人',
  '出质股权数额',
  '股权出质设立登记日期',
]);

/** Short texts shaped like a column header (作出决定机关(列入), 列入日期, 被担保债权数额…), in label form. */
export const COLUMN_LIKE = /^.{0,10}(日期|原因|编号|文号|数额|金额|证号|期限|事项|内容|机关\(.{2}\))$/;

/** Titles of a page's sections and tabs (基本信息, 行政处罚信息, 列入经营异常名录信息…), in label form. */
export const SECTION_TITLE =
  /^(基本|基础|登记|备案|营业执照|照面|工商公示|企业公示|其他部门公示|司法协助公示|股东(及出资)?|主要人员|分支机构|变更|清算|动产抵押(登记)?|股权出质(登记)?|知识产权出质(登记)?|商标注册|抽查检查(结果)?|双随机抽查(结果)?|行政(处罚|许可)|列入.{0,24}|经营异常|严重违法(失信)?|年报|企业年报)信息$/;

/** A column header by the lists above. */
export function isColumnWord(label: string): boolean {
  return COLUMN_WORDS.has(label) || COLUMN_LIKE.test(label);
}
