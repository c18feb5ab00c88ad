/**
 * One 列入严重违法失信名单决定 being typed: 决定书文号, 决定日期 and 领域 (prefilled by the caller, from the entity's
 * domain). Both the number and a real date are needed before it is sent; the record's checks run again in core.
 */
import { useState } from 'react';
import { Domain, isIsoDate, TeamListing } from '#core';
import { t } from './i18n.ts';

export interface ListingDraft {
  decisionNo: string;
  decidedOn: string;
  domain: Domain;
}

export interface ListingFormProps {
  initial: ListingDraft;
  off: boolean;
  /** Sends the checked decision (the caller closes the form once it is written). */
  save(event: { isTrusted: boolean }, draft: ListingDraft): void;
  cancel?(): void;
}

export function ListingForm({ initial, off, save, cancel }: ListingFormProps) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState(false);
  const set = (patch: Partial<ListingDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: { isTrusted: boolean }) => {
    const decisionNo = draft.decisionNo.trim();
    const ok = decisionNo !== '' && isIsoDate(draft.decidedOn) && TeamListing.shape.decisionNo.safeParse(decisionNo).success;
    setProblem(!ok);
    if (ok) save(event, { ...draft, decisionNo });
  };
  return (
    <div className="listing-form" data-testid="listing-form">
      <label className="team-field">
        {t('listing_no')}
        <input
          data-testid="listing-no"
          disabled={off}
          maxLength={200}
          placeholder={t('listing_no_placeholder')}
          value={draft.decisionNo}
          onChange={(e) => set({ decisionNo: e.target.value })}
        />
      </label>
      <label className="team-field">
        {t('listing_date')}
        <input
          type="date"
          data-testid="listing-date"
          disabled={off}
          value={draft.decidedOn}
          onChange={(e) => set({ decidedOn: e.target.value })}
        />
      </label>
      <label className="team-field">
        {t('listing_domain')}
        <select
          data-testid="listing-domain"
          disabled={off}
          value={draft.domain}
          onChange={(e) => set({ domain: Domain.parse(e.target.value) })}
        >
          {Domain.options.map((d) => (
            <option key={d} value={d}>
              {t(`domain_${d}`)}
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <p className="error" role="alert" data-testid="listing-problem">
          {t('listing_need_both')}
        </p>
      )}
      <button type="button" data-testid="listing-save" disabled={off} onClick={submit}>
        {t('listing_save')}
      </button>
      {cancel && (
        <button type="button" data-testid="listing-cancel" onClick={cancel}>
          {t('listing_cancel')}
        </button>
      )}
    </div>
  );
}
