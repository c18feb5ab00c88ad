/**
 * The controls of the rule settings, one per field of RuleSettings (settings-draft.ts lists them): a checkbox for a
 * yes/no choice, a whole-number box (min 1) for a duration or count, checkboxes for the 1-year repair fields and a
 * select for the keyword order. Each has its label and a one-line hint naming its section of docs/rules.md.
 */
import { Repair1yField, type RuleSettings } from '#core';
import type { ReactNode } from 'react';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { FIELDS, type Draft } from './settings-draft.ts';

type Order = RuleSettings['domainKeywordOrder'];
/** Message names allow no hyphen: the two orders get keys of their own. */
const ORDER: Record<Order, MessageKey> = { 'conduct-first': 'options_order_conduct_first', 'product-first': 'options_order_product_first' };
const ORDERS: readonly Order[] = ['conduct-first', 'product-first'];

function Hint({ field }: { field: keyof RuleSettings }) {
  return <p className="hint">{t(`options_hint_${field}`)}</p>;
}

function Labelled({ field, children }: { field: keyof RuleSettings; children: ReactNode }) {
  return (
    <div className="field">
      <label>
        {children} <span>{t(`options_setting_${field}`)}</span>
      </label>
      <Hint field={field} />
    </div>
  );
}

export function SettingFields({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const toggle = (domain: Repair1yField, on: boolean) =>
    onChange({ ...draft, repair1yDomains: Repair1yField.options.filter((d) => (d === domain ? on : draft.repair1yDomains.includes(d))) });
  return FIELDS.map((field) => {
    const id = `setting-${field.name}`;
    switch (field.kind) {
      case 'boolean':
        return (
          <Labelled key={id} field={field.name}>
            <input
              data-testid={id}
              type="checkbox"
              checked={draft[field.name]}
              onChange={(e) => onChange({ ...draft, [field.name]: e.target.checked })}
            />
          </Labelled>
        );
      case 'number':
        return (
          <Labelled key={id} field={field.name}>
            <input
              data-testid={id}
              type="number"
              min={1}
              step={1}
              value={draft[field.name]}
              onChange={(e) => onChange({ ...draft, [field.name]: e.target.value })}
            />
          </Labelled>
        );
      case 'domains':
        return (
          <fieldset key={id} data-testid={id} className="field">
            <legend>{t('options_setting_repair1yDomains')}</legend>
            {Repair1yField.options.map((domain) => (
              <label key={domain} className="inline">
                <input
                  data-testid={`${id}-${domain}`}
                  type="checkbox"
                  checked={draft.repair1yDomains.includes(domain)}
                  onChange={(e) => toggle(domain, e.target.checked)}
                />
                {t(`options_repair_${domain}`)}
              </label>
            ))}
            <Hint field={field.name} />
          </fieldset>
        );
      case 'order':
        return (
          <Labelled key={id} field={field.name}>
            <select
              data-testid={id}
              value={draft.domainKeywordOrder}
              onChange={(e) => onChange({ ...draft, domainKeywordOrder: ORDERS.find((o) => o === e.target.value) ?? 'conduct-first' })}
            >
              {ORDERS.map((order) => (
                <option key={order} value={order}>
                  {t(ORDER[order])}
                </option>
              ))}
            </select>
          </Labelled>
        );
    }
  });
}
