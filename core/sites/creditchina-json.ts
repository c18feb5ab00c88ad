/**
 * Credit China API rows (`/private-api/typeSourceSearch`) → record items. Rows describe themselves: `entity` holds
 * the values under API keys (cf_wsh …), `sencesMap` gives each key's Chinese label, `table_name` tells penalties
 * (…xzcf…) from licences (…xzxk…) in the 行政管理 category. Keys we do not know are read by their labels.
 */
import * as z from 'zod/mini';
import { labelForm } from '../lib/text.ts';
import { stripHtml } from './dom/text.ts';
import { ABNORMAL_FIELDS, PENALTY_FIELDS, SERIOUS_FIELDS, abnormalOf, penaltyOf, seriousOf } from './creditchina-fields.ts';
import type { AbnormalListingInput, PenaltyInput, SeriousListingInput } from '../schemas/record.ts';

export const CreditChinaRow = z.looseObject({
  table_name: z.optional(z.string()),
  sencesMap: z.optional(z.record(z.string(), z.unknown())),
  entity: z.record(z.string(), z.unknown()),
});
export type CreditChinaRow = z.infer<typeof CreditChinaRow>;

/** A typeSourceSearch reply: `{status, data: {list: [...], total}}` (the list may also be called `data`). */
export const CreditChinaReply = z.looseObject({
  status: z.optional(z.union([z.number(), z.string()])),
  data: z.looseObject({
    total: z.optional(z.coerce.number().check(z.int(), z.nonnegative())),
    list: z.optional(z.array(CreditChinaRow)),
  }),
});
export type CreditChinaReply = z.infer<typeof CreditChinaReply>;

function fieldsOf(row: CreditChinaRow, table: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, raw] of Object.entries(row.entity)) {
    if (raw === null || raw === undefined) continue;
    const value = stripHtml(String(raw));
    if (value === '') continue;
    const label = row.sencesMap?.[key];
    const field =
      table.find(([k]) => k === key.toLowerCase())?.[1] ??
      (typeof label === 'string' ? table.find(([l]) => l === labelForm(label))?.[1] : undefined);
    if (field && !fields.has(field)) fields.set(field, value);
  }
  return fields;
}

export interface CreditChinaItems {
  penalties: PenaltyInput[];
  abnormal: AbnormalListingInput[];
  serious: SeriousListingInput[];
}

/** Rows of one category (行政管理, 经营异常, 严重失信主体名单) → items; licences are left out. */
export function creditChinaItems(category: string, rows: readonly CreditChinaRow[]): CreditChinaItems {
  const items: CreditChinaItems = { penalties: [], abnormal: [], serious: [] };
  for (const row of rows) {
    const table = row.table_name ?? '';
    if (/经营异常/.test(category)) {
      const item = abnormalOf(fieldsOf(row, ABNORMAL_FIELDS));
      if (item) items.abnormal.push(item);
    } else if (/严重失信|黑名单/.test(category)) {
      const item = seriousOf(fieldsOf(row, SERIOUS_FIELDS));
      if (item) items.serious.push(item);
    } else if (/xzcf/i.test(table) || (!/xzxk/i.test(table) && 'cf_wsh' in row.entity)) {
      const item = penaltyOf(fieldsOf(row, PENALTY_FIELDS));
      if (item) items.penalties.push(item);
    }
  }
  return items;
}
