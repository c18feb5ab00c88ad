/**
 * The folder report as CSV: one row per entity with the figures staff look at first, in Chinese. UTF-8 with a BOM
 * so that Excel and WPS open it correctly, written by core's formula-safe CSV writer (names and file names come
 * from web pages and users). A section the page did not let us read is 未知 in every cell about it, never 未列入 or
 * 否, and each section's coverage has its own column.
 */
import { csvText, type Assessment, type EntityRecord, type SectionCoverage } from '#core';

export interface EntityRow {
  file: string;
  record: EntityRecord;
  observedAt: string;
  assessment: Assessment;
}

/** What a cell about a section says when that section was not read whole. */
function unknownCell(c: SectionCoverage): string {
  return c.state === 'unknown' ? '未知（页面未载入）' : '未知（页面仅部分载入）';
}

function serious(a: Assessment): string {
  switch (a.seriousList.status) {
    case 'LISTED':
      return a.seriousList.activeListingIds.length ? '已列入' : '已列入（页面提示，日期不明）';
    case 'NOT_LISTED':
      return a.seriousList.shouldBeListed ? '应列未列' : '未列入';
    default:
      return unknownCell(a.coverage.serious);
  }
}

const ABNORMAL: Record<Exclude<Assessment['abnormalList']['status'], 'UNKNOWN'>, string> = {
  NONE: '未列入',
  ACTIVE: '已列入',
  MARKED: '已标记经营异常状态',
  WARNING_60D: '已列入（届满前60日）',
  ESCALATE_TO_SERIOUS: '已届满3年',
};

function abnormal(a: Assessment): string {
  const { status, activeListingIds } = a.abnormalList;
  if (status === 'UNKNOWN') return unknownCell(a.coverage.abnormal);
  const text = ABNORMAL[status];
  return (status === 'ACTIVE' || status === 'MARKED') && activeListingIds.length === 0 ? `${text}（页面提示，日期不明）` : text;
}

function penaltyCount(a: Assessment): string {
  const { count, atLeast } = a.repeatOffender;
  if (!atLeast) return String(count);
  return a.coverage.penalties.state === 'unknown' ? unknownCell(a.coverage.penalties) : `至少 ${count}`;
}

const REPEAT: Record<Exclude<Assessment['repeatOffender']['status'], 'UNKNOWN'>, string> = { FLAGGED: '是', NOT_FLAGGED: '否' };

function repeat(a: Assessment): string {
  const { status } = a.repeatOffender;
  return status === 'UNKNOWN' ? unknownCell(a.coverage.penalties) : REPEAT[status];
}

function readCell(c: SectionCoverage): string {
  return c.total === null ? `已读取 ${c.read}（页面未显示总数）` : `已读取 ${c.read}/${c.total}`;
}

/** Decision numbers of the candidate penalties: what staff look up, never our internal ids. */
function candidates(r: EntityRow): string {
  const byId = new Map(r.record.penalties.map((p) => [p.id, p.decisionNo || `${p.decisionDate} ${p.authority}`]));
  return r.assessment.seriousList.candidatePenaltyIds.map((id) => byId.get(id) ?? '').join('；');
}

const COLUMNS: ReadonlyArray<[string, (r: EntityRow) => string]> = [
  ['主体名称', (r) => r.record.entity.name],
  ['统一社会信用代码', (r) => r.record.entity.uscc ?? r.record.entity.regNo ?? ''],
  ['严重违法失信名单', (r) => serious(r.assessment)],
  ['经营异常名录', (r) => abnormal(r.assessment)],
  ['近三年行政处罚(件)', (r) => penaltyCount(r.assessment)],
  ['屡禁不止、屡罚不改', (r) => repeat(r.assessment)],
  ['应列入名单的处罚', candidates],
  ['行政处罚读取', (r) => readCell(r.assessment.coverage.penalties)],
  ['经营异常读取', (r) => readCell(r.assessment.coverage.abnormal)],
  ['严重违法失信读取', (r) => readCell(r.assessment.coverage.serious)],
  ['评估日期', (r) => r.assessment.asOf],
  ['页面地址', (r) => r.record.source?.url ?? ''],
  ['观察时间', (r) => r.observedAt],
  ['文件', (r) => r.file],
];

export function csvOf(rows: readonly EntityRow[]): string {
  return csvText([COLUMNS.map(([name]) => name), ...rows.map((r) => COLUMNS.map(([, get]) => get(r)))]);
}
