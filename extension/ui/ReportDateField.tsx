/**
 * One of the two dates the 工作情况表 counts by the entity's domain (集中公示“屡禁不止、屡罚不改”, 宣传曝光典型案例):
 * shown as the document holds it, set to the typed day or cleared. The caller keys it by the stored value, so what
 * was typed gives way to the document's value once that changes.
 */
import { useState } from 'react';
import { isIsoDate } from '#core';
import { t, type MessageKey } from './i18n.ts';

export interface ReportDateFieldProps {
  label: MessageKey;
  testId: string;
  value: string | null;
  off: boolean;
  /** Writes the day (null: clears it); `what` names the change for a confirmation. */
  save(event: { isTrusted: boolean }, what: string, value: string | null): void;
}

export function ReportDateField({ label, testId, value, off, save }: ReportDateFieldProps) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? value ?? '';
  const name = t(label);
  return (
    <div className="team-field report-date" data-testid={testId}>
      {name}
      <input
        type="date"
        data-testid={`${testId}-input`}
        disabled={off}
        value={shown}
        aria-label={name}
        onChange={(e) => setTyped(e.target.value)}
      />
      <button
        type="button"
        data-testid={`${testId}-set`}
        disabled={off || !isIsoDate(shown) || shown === value}
        onClick={(e) => {
          save(e, t('facts_date_set_named', name, shown), shown);
        }}
      >
        {t('facts_date_set')}
      </button>
      <button
        type="button"
        data-testid={`${testId}-clear`}
        disabled={off || value === null}
        onClick={(e) => {
          save(e, t('facts_date_clear_named', name), null);
          setTyped('');
        }}
      >
        {t('facts_date_clear')}
      </button>
      <span className="meta" data-testid={`${testId}-value`}>
        {value ?? t('facts_date_unset')}
      </span>
    </div>
  );
}
