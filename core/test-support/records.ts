/**
 * Builders for records in tests: the default penalty is EFFECTIVE, by a market-regulation authority, type FINE,
 * with a unique decision number, so a case states only what it is about.
 */
import type { AbnormalListingInput, EntityRecord, PenaltyInput, SeriousListingInput } from '../schemas/record.ts';

let serial = 0;

export function penalty(decisionDate: string, extra: Partial<PenaltyInput> = {}): PenaltyInput {
  serial++;
  return {
    id: extra.id ?? `P${serial}`,
    decisionNo: `测市监罚〔${decisionDate.slice(0, 4)}〕${serial}号`,
    decisionDate,
    authority: '测试市市场监督管理局',
    isSamr: true,
    types: ['FINE'],
    violationText: '违反道路运输管理规定',
    ...extra,
  };
}

export function penalties(dates: readonly string[], extra: Partial<PenaltyInput> = {}): PenaltyInput[] {
  return dates.map((d) => penalty(d, extra));
}

export function record(parts: {
  penalties?: PenaltyInput[];
  abnormalListings?: AbnormalListingInput[];
  seriousListings?: SeriousListingInput[];
}): EntityRecord {
  return {
    entity: { name: '测试企业有限公司', uscc: '91110000101623741K' },
    penalties: parts.penalties ?? [],
    abnormalListings: parts.abnormalListings ?? [],
    seriousListings: parts.seriousListings ?? [],
  };
}
