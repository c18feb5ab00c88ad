/**
 * The ledger's bulk marks of the two report dates: 标记集中公示（日期） and 标记典型案例曝光（日期） on the selected
 * rows, the day chosen beside them (today by default). Each is one ledger:bulk-date message, written by the
 * background in one transaction; disabled, and refused again by the background, for 只读.
 */
import { useState } from 'react';
import { isIsoDate } from '#core';
import { request, type Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import { messageOf } from '../../ui/format.ts';

export interface LedgerBulkDatesProps {
  transport: Transport;
  keys: readonly string[];
  readonly: boolean;
  /** Today's date in Beijing, the day offered first. */
  today: string;
  /** What happened, for the ledger's outcome line; `done` when the document changed (selection cleared, reload). */
  onOutcome(outcome: { tone: 'ok' | 'error'; text: string }, done: boolean): void;
}

const FIELDS = [
  { field: 'repeatOffenderPublicizedOn', label: 'ledger_bulk_publicized', testId: 'ledger-bulk-publicized' },
  { field: 'typicalCaseExposedOn', label: 'ledger_bulk_exposed', testId: 'ledger-bulk-exposed' },
] as const;

export function LedgerBulkDates({ transport, keys, readonly, today, onOutcome }: LedgerBulkDatesProps) {
  const [date, setDate] = useState(today);
  const mark = async (field: (typeof FIELDS)[number]['field']) => {
    try {
      const answer = await request(transport, { type: 'ledger:bulk-date', entityKeys: [...keys], field, date });
      onOutcome({ tone: 'ok', text: t('ledger_bulk_date_done', answer.updated, answer.skipped.length) }, true);
    } catch (error) {
      onOutcome({ tone: 'error', text: t('ledger_bulk_failed', messageOf(error)) }, false);
    }
  };
  const off = readonly || keys.length === 0 || !isIsoDate(date);
  return (
    <span className="bulk-dates">
      <input
        type="date"
        data-testid="ledger-bulk-date"
        aria-label={t('ledger_bulk_date_label')}
        title={t('ledger_bulk_date_label')}
        value={date}
        disabled={readonly}
        onChange={(e) => setDate(e.target.value)}
      />
      {FIELDS.map(({ field, label, testId }) => (
        <button key={field} type="button" data-testid={testId} disabled={off} onClick={() => void mark(field)}>
          {t(label, date)}
        </button>
      ))}
    </span>
  );
}
