/**
 * What the 工作情况表 counts for one entity, editable: its 列入严重违法失信名单决定 (added, corrected, removed), the
 * 集中公示 date and the 典型案例曝光 date. Shared by the team panel (behind the notes frame's write guard) and the
 * ledger's detail pane. A record at 已列入 without a decision asks for one, which may be skipped. Every change is one
 * team:* message; what is shown is what the document holds (the caller redraws from the next answer).
 */
import { useState } from 'react';
import type { TeamEntity, TeamListing } from '#core';
import type { RequestOf } from '../messaging/protocol.ts';
import { t } from './i18n.ts';
import { ListingForm, type ListingDraft } from './ListingForm.tsx';
import { ReportDateField } from './ReportDateField.tsx';

export type ReportFactsRequest = RequestOf<'team:update' | 'team:listing-add' | 'team:listing-update' | 'team:listing-remove'>;

export interface ReportFactsProps {
  entityKey: string;
  record: TeamEntity;
  /** Every control that writes is off (只读, or a frame that may not write). */
  off: boolean;
  /** Runs a write for a user's event (the frame's guard asks first where it must); `what` names it. */
  act(event: { isTrusted: boolean }, what: string, write: () => void): void;
  /** Sends one write; resolves true when it was done (failures are shown by the caller). */
  write(message: ReportFactsRequest): Promise<boolean>;
  newId(): string;
}

/** Which form is open: none, a new decision, or the correction of one by id. */
type Editing = null | 'new' | string;

export function ReportFacts({ entityKey, record, off, act, write, newId }: ReportFactsProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [skipped, setSkipped] = useState(false);
  const missing = record.status === 'listed' && record.listings.length === 0 && !skipped;
  const blank: ListingDraft = { decisionNo: '', decidedOn: '', domain: record.domain ?? 'OTHER' };

  const saveListing = (event: { isTrusted: boolean }, draft: ListingDraft, id: string | null) => {
    const listing: TeamListing = { id: id ?? newId(), ...draft };
    act(
      event,
      t(id ? 'listing_edit_named' : 'listing_add', draft.decisionNo),
      () =>
        void write(id ? { type: 'team:listing-update', entityKey, listing } : { type: 'team:listing-add', entityKey, listing }).then(
          (done) => done && setEditing(null),
        ),
    );
  };
  const saveDate =
    (field: 'repeatOffenderPublicizedOn' | 'typicalCaseExposedOn') =>
    (event: { isTrusted: boolean }, what: string, value: string | null) => {
      act(event, what, () => void write({ type: 'team:update', entityKey, patch: { [field]: value } }));
    };

  return (
    <section className="report-facts" data-testid="report-facts">
      <h3>{t('facts_title')}</h3>
      <p className="hint">{t('facts_hint')}</p>
      {missing && (
        <div className="listing-missing" role="alert" data-testid="listing-missing">
          <p>{t('listing_missing_prompt')}</p>
          <ListingForm initial={blank} off={off} save={(e, draft) => saveListing(e, draft, null)} />
          <button type="button" data-testid="listing-missing-skip" onClick={() => setSkipped(true)}>
            {t('listing_missing_skip')}
          </button>
        </div>
      )}
      <h4>{t('ledger_col_listings')}</h4>
      {record.listings.length === 0 ? (
        <p className="empty" data-testid="listing-none">
          {t('listing_none')}
        </p>
      ) : (
        <ul className="listings">
          {record.listings.map((l) => (
            <li key={l.id} data-testid="listing">
              {editing === l.id ? (
                <ListingForm
                  initial={{ decisionNo: l.decisionNo, decidedOn: l.decidedOn, domain: l.domain }}
                  off={off}
                  save={(e, draft) => saveListing(e, draft, l.id)}
                  cancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <span data-testid="listing-text">{`${l.decidedOn} ${l.decisionNo} · ${t(`domain_${l.domain}`)}`}</span>
                  <button
                    type="button"
                    data-testid="listing-edit"
                    disabled={off}
                    aria-label={t('listing_edit_named', l.decisionNo)}
                    onClick={() => setEditing(l.id)}
                  >
                    {t('listing_edit')}
                  </button>
                  <button
                    type="button"
                    data-testid="listing-remove"
                    disabled={off}
                    aria-label={t('listing_remove_named', l.decisionNo)}
                    onClick={(e) =>
                      act(
                        e,
                        t('listing_remove_named', l.decisionNo),
                        () => void write({ type: 'team:listing-remove', entityKey, id: l.id }),
                      )
                    }
                  >
                    {t('listing_remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing === 'new' ? (
        <ListingForm initial={blank} off={off} save={(e, draft) => saveListing(e, draft, null)} cancel={() => setEditing(null)} />
      ) : (
        !missing && (
          <button type="button" data-testid="listing-add-open" disabled={off} onClick={() => setEditing('new')}>
            {t('listing_add')}
          </button>
        )
      )}
      <ReportDateField
        key={`p-${record.repeatOffenderPublicizedOn}`}
        label="ledger_col_publicized"
        testId="facts-publicized"
        value={record.repeatOffenderPublicizedOn}
        off={off}
        save={saveDate('repeatOffenderPublicizedOn')}
      />
      <ReportDateField
        key={`e-${record.typicalCaseExposedOn}`}
        label="ledger_col_exposed"
        testId="facts-exposed"
        value={record.typicalCaseExposedOn}
        off={off}
        save={saveDate('typicalCaseExposedOn')}
      />
    </section>
  );
}
