/**
 * The folder report as CSV: one row per entity with the figures staff look at first, in Chinese. UTF-8 with a BOM
 * so that Excel and WPS open it correctly; fields quoted as RFC 4180 says.
 */
import type { Assessment, EntityRecord } from '#core';

export interface EntityRow {
  file: string;
  record: EntityRecord;
  observedAt: string;
  assessment: Assessment;
}

const SERIOUS = (a: Assessment) => (a.seriousList.active ? '已列入' : a.seriousList.shouldBeListed ? '应列未列' : '未列入');
const ABNORMAL: Record<Assessment['abnormalList']['status'], string> = {
  NONE: '未列入', ACTIVE: '已列入', WARNING_60D: '已列入（届满前60日）', ESCALATE_TO_SERIOUS: '已届满3年',
};

const COLUMNS: ReadonlyArray<[string, (r: EntityRow) => string]> = [
  ['主体名称', (r) => r.record.entity.name],
  ['统一社会信用代码', (r) => r.record.entity.uscc ?? r.record.entity.regNo ?? ''],
  ['严重违法失信名单', (r) => SERIOUS(r.assessment)],
  ['经营异常名录', (r) => ABNORMAL[r.assessment.abnormalList.status]],
  ['近三年行政处罚(件)', (r) => String(r.assessment.repeatOffender.count)],
  ['屡禁不止、屡罚不改', (r) => (r.assessment.repeatOffender.flag ? '是' : '否')],
  ['应列入名单的处罚', (r) => r.assessment.seriousList.candidatePenaltyIds.join(' ')],
  ['已读取处罚记录', (r) => `${r.record.penalties.length}`],
  ['评估日期', (r) => r.assessment.asOf],
  ['页面地址', (r) => r.record.source?.url ?? ''],
  ['观察时间', (r) => r.observedAt],
  ['文件', (r) => r.file],
];

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvOf(rows: readonly EntityRow[]): string {
  const lines = [COLUMNS.map(([name]) => field(name)).join(','), ...rows.map((r) => COLUMNS.map(([, get]) => field(get(r))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
