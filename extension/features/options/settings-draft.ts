/**
 * The rule settings as the options form holds them: every field of RuleSettings in the order of docs/rules.md with the
 * kind of control it gets, and numbers kept as typed so that a bad entry is shown back and refused on save (by
 * RuleSettings itself), never silently corrected.
 */
import type { RuleSettings } from '#core';

/** Every setting, grouped by rule (periods, R4, R3, R6, R5, serious list, abnormal list). */
export const FIELDS = [
  { name: 'boundaryInclusive', kind: 'boolean' },
  { name: 'repeatOffenderThreshold', kind: 'number' },
  { name: 'repeatOffenderWindowYears', kind: 'number' },
  { name: 'excludeWarningOnly', kind: 'boolean' },
  { name: 'onlyStillPublished', kind: 'boolean' },
  { name: 'samrOnly', kind: 'boolean' },
  { name: 'repair1yDomains', kind: 'domains' },
  { name: 'domainKeywordOrder', kind: 'order' },
  { name: 'candidateWindowYears', kind: 'number' },
  { name: 'seriousListYears', kind: 'number' },
  { name: 'seriousEarlyRemovalYears', kind: 'number' },
  { name: 'abnormalEscalationYears', kind: 'number' },
  { name: 'abnormalWarningDays', kind: 'number' },
] as const satisfies ReadonlyArray<{ name: keyof RuleSettings; kind: string }>;

type Field = (typeof FIELDS)[number];
export type NumberField = Extract<Field, { kind: 'number' }>['name'];

// A new field of RuleSettings fails to compile here until it has a control above.
const _everyFieldHasAControl: [Exclude<keyof RuleSettings, Field['name']>] extends [never] ? true : never = true;

export type Draft = Omit<RuleSettings, NumberField> & Record<NumberField, string>;

const NUMBER_FIELDS: readonly NumberField[] = FIELDS.flatMap((f) => (f.kind === 'number' ? [f.name] : []));

export function toDraft(settings: RuleSettings): Draft {
  // fromEntries loses the keys; NUMBER_FIELDS names every number field, so the record is complete.
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, String(settings[field])])) as Record<NumberField, string>;
  return { ...settings, ...numbers };
}

/** The draft as input for RuleSettings: an empty box is NaN (refused), not 0 and not the default. */
export function fromDraft(draft: Draft): unknown {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  return { ...draft, ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, number(draft[field])])) };
}
