/**
 * The kind of entity the rules apply to (docs/rules.md "Entity kind"): the registration category of the credit
 * code (92 个体工商户, 93 农民专业合作社), else what the page shows (经营者, 组成形式), else the 注册号's sequence
 * (first digit 6–9: individual business; NA: cooperative), else marks or banners that only individual businesses
 * get. Nothing to go on: UNKNOWN, which the rules treat as an enterprise and say so.
 */
import { COOPERATIVE_REG_NO, normalizeIdentifier } from '../lib/identifiers.ts';
import type { AssessedEntityKind } from '../schemas/assessment.ts';
import type { EntityRecord } from '../schemas/record.ts';

const PLAIN_CODE = /^[0-9A-Z]{18}$/;

function ofUscc(uscc: string): AssessedEntityKind | null {
  // Codes from pages and files are nearly always plain already: normalising costs more than the rest of this.
  const code = PLAIN_CODE.test(uscc) ? uscc : normalizeIdentifier(uscc);
  if (code.length !== 18) return null;
  if (code.startsWith('92')) return 'INDIVIDUAL';
  if (code.startsWith('93')) return 'COOPERATIVE';
  return 'ENTERPRISE';
}

function ofRegNo(regNo: string): AssessedEntityKind | null {
  const code = normalizeIdentifier(regNo);
  if (COOPERATIVE_REG_NO.test(code)) return 'COOPERATIVE';
  if (!/^\d{15}$/.test(code)) return null;
  return /[6-9]/.test(code.charAt(6)) ? 'INDIVIDUAL' : 'ENTERPRISE';
}

export function entityKindOf(record: EntityRecord): AssessedEntityKind {
  const { entity } = record;
  const marked = record.abnormalListings.some((a) => a.kind === 'MARK') || (record.banners ?? []).some((b) => b.kind === 'MARK');
  return (
    (entity.uscc ? ofUscc(entity.uscc) : null) ??
    entity.kind ??
    (entity.regNo ? ofRegNo(entity.regNo) : null) ??
    (marked ? 'INDIVIDUAL' : 'UNKNOWN')
  );
}
