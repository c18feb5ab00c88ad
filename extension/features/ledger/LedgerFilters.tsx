/**
 * The ledger's filters: status, domain, assignee, tag, a date range on a chosen date, the full-text search, and the
 * 工作情况表 number the rows were opened from (removable on its own).
 */
import { CaseStatus, Domain } from '#core';
import { DATE_FIELDS, LISTED_WITHOUT_DECISION, NONE, NO_FILTER, type DateField, type LedgerFilter } from './filter.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';

const DATE_LABEL: Record<DateField, MessageKey> = {
  updatedOn: 'ledger_date_updated',
  listedOn: 'ledger_date_listed',
  publicizedOn: 'ledger_date_publicized',
  exposedOn: 'ledger_date_exposed',
};

export interface LedgerFiltersProps {
  filter: LedgerFilter;
  onChange(filter: LedgerFilter): void;
  assignees: readonly string[];
  tags: readonly string[];
}

export function LedgerFilters({ filter, onChange, assignees, tags }: LedgerFiltersProps) {
  const set = <K extends keyof LedgerFilter>(key: K, value: LedgerFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="ledger-filters" data-testid="ledger-filters">
      <input
        type="search"
        data-testid="ledger-search"
        className="search"
        placeholder={t('ledger_search_placeholder')}
        aria-label={t('ledger_search_placeholder')}
        maxLength={200}
        value={filter.text}
        onChange={(e) => set('text', e.target.value)}
      />
      <label>
        {t('ledger_col_status')}
        <select
          data-testid="ledger-filter-status"
          value={filter.status}
          onChange={(e) => set('status', e.target.value as LedgerFilter['status'])}
        >
          <option value="">{t('ledger_any')}</option>
          {CaseStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(CASE_STATUS_LABEL[s])}
            </option>
          ))}
          <option value={LISTED_WITHOUT_DECISION}>{t('status_listed_missing')}</option>
          <option value={NONE}>{t('team_unset')}</option>
        </select>
      </label>
      <label>
        {t('ledger_col_domain')}
        <select
          data-testid="ledger-filter-domain"
          value={filter.domain}
          onChange={(e) => set('domain', e.target.value as LedgerFilter['domain'])}
        >
          <option value="">{t('ledger_any')}</option>
          {Domain.options.map((d) => (
            <option key={d} value={d}>
              {t(`domain_${d}`)}
            </option>
          ))}
          <option value={NONE}>{t('team_unset')}</option>
        </select>
      </label>
      <label>
        {t('ledger_col_assignee')}
        <select data-testid="ledger-filter-assignee" value={filter.assignee} onChange={(e) => set('assignee', e.target.value)}>
          <option value="">{t('ledger_any')}</option>
          {assignees.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
          <option value={NONE}>{t('ledger_unassigned')}</option>
        </select>
      </label>
      <label>
        {t('ledger_col_tags')}
        <select data-testid="ledger-filter-tag" value={filter.tag} onChange={(e) => set('tag', e.target.value)}>
          <option value="">{t('ledger_any')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
          <option value={NONE}>{t('ledger_no_tags')}</option>
        </select>
      </label>
      <span className="date-filter">
        <select
          data-testid="ledger-filter-date-field"
          aria-label={t('ledger_date_field')}
          value={filter.dateField}
          onChange={(e) => set('dateField', e.target.value as DateField)}
        >
          {DATE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(DATE_LABEL[f])}
            </option>
          ))}
        </select>
        <input
          type="date"
          data-testid="ledger-filter-from"
          aria-label={t('ledger_from')}
          value={filter.from}
          onChange={(e) => set('from', e.target.value)}
        />
        {t('ledger_to')}
        <input
          type="date"
          data-testid="ledger-filter-to"
          aria-label={t('ledger_to_label')}
          value={filter.to}
          onChange={(e) => set('to', e.target.value)}
        />
      </span>
      <button type="button" data-testid="ledger-filter-clear" onClick={() => onChange(NO_FILTER)}>
        {t('ledger_clear_filters')}
      </button>
      {filter.drill && (
        <span className="drill-filter" data-testid="ledger-drill">
          {filter.drill.label}
          <button type="button" data-testid="ledger-drill-clear" onClick={() => set('drill', null)}>
            {t('ledger_drill_clear')}
          </button>
        </span>
      )}
    </div>
  );
}
