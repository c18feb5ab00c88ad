/**
 * Rule settings: every choice docs/rules.md makes where the law leaves room, and every duration it marks 待核
 * (unverified), is a setting whose default is that choice (docs/rules.md §3). The options page and
 * `creditlens assess --settings` accept a partial object.
 */
import * as z from 'zod/mini';

export const Repair1yField = z.enum(['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT', 'MEDICAL_DEVICE', 'COSMETIC']);
export type Repair1yField = z.infer<typeof Repair1yField>;

const Whole = z.number().check(z.int(), z.positive());

export const RuleSettings = z.strictObject({
  /** The anniversary day is still inside a period (民法典 Arts. 201–202). */
  boundaryInclusive: z._default(z.boolean(), true),
  /** R4: penalties counted to be a repeat offender ("10次以上" includes 10). */
  repeatOffenderThreshold: z._default(Whole, 10),
  /** R4: the look-back window in years. */
  repeatOffenderWindowYears: z._default(Whole, 3),
  /** R4 leaves out decisions that are only a warning. */
  excludeWarningOnly: z._default(z.boolean(), false),
  /** R4 counts only penalties still published on the as-of date (the stricter 发改 reading). */
  onlyStillPublished: z._default(z.boolean(), false),
  /** R4 counts only penalties of market-regulation authorities. */
  samrOnly: z._default(z.boolean(), false),
  /** R3: fields with a 1-year minimum before repair (6 months otherwise). */
  repair1yDomains: z._default(z.array(Repair1yField), ['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT']),
  /** R6 keyword fallback: conduct keywords before product keywords, or after them. */
  domainKeywordOrder: z._default(z.enum(['conduct-first', 'product-first']), 'conduct-first'),
  /** R5 looks back this many years. */
  candidateWindowYears: z._default(Whole, 3),
  /** 待核 Order 44: a serious listing lasts this many years. */
  seriousListYears: z._default(Whole, 3),
  /** 待核 Order 44: early removal may be requested after this many full years. */
  seriousEarlyRemovalYears: z._default(Whole, 1),
  /** 公示条例 Art. 17: years on the abnormal list before escalation to the serious list. */
  abnormalEscalationYears: z._default(Whole, 3),
  /** 2015 interim measures: days of public reminder before escalation. */
  abnormalWarningDays: z._default(Whole, 60),
});
export type RuleSettings = z.infer<typeof RuleSettings>;
export type RuleSettingsInput = z.input<typeof RuleSettings>;

export const DEFAULT_SETTINGS: RuleSettings = RuleSettings.parse({});
