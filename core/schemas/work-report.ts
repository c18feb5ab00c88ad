/**
 * The special action's 工作情况表 (notice 国市监信发〔2023〕48号): per supervisory domain, what the team did in a
 * period. Public contract: the sync server's `GET /team/<team>/report?format=json` answers exactly this.
 */
import * as z from 'zod';
import { Domain } from './assessment.ts';
import { IsoDateString } from './date.ts';

const Count = z.number().int().nonnegative();

export const WorkReportCounts = z.strictObject({
  /** 列入严重违法失信名单（件）: the team's listing decisions decided in the period, by the decision's domain. */
  listed: Count,
  /** 集中公示“屡禁不止、屡罚不改”经营主体户数（户）: entities publicised in the period, by the entity's domain. */
  repeatOffendersPublicized: Count,
  /** 宣传曝光典型案例（件）: entities exposed as typical cases in the period, by the entity's domain. */
  typicalCases: Count,
});
export type WorkReportCounts = z.infer<typeof WorkReportCounts>;

export const WorkReport = z.strictObject({
  from: IsoDateString,
  to: IsoDateString,
  /** The six domains, always all six, in the order of the notice's attachment (REPORT_DOMAINS). */
  rows: z.array(WorkReportCounts.extend({ domain: Domain })).length(6),
  total: WorkReportCounts,
});
export type WorkReport = z.infer<typeof WorkReport>;
