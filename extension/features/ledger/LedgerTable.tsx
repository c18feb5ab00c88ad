/**
 * The ledger's table, virtualised (@tanstack/react-virtual): whatever the number of rows, only those in view (plus a
 * few either side) are in the DOM, each ROW_HEIGHT high, so 20,000 rows scroll as smoothly as 20. Headers sort;
 * a checkbox per row and one for all rows the filters leave select rows for the bulk status change; the name opens
 * the row's details. Texts from the document are React text.
 */
import { useRef } from 'react';
import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import type { SeenSummary } from '../../storage/seen.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { seriousVerdict } from '../../ui/summary.ts';
import type { LedgerSort, SortColumn } from './filter.ts';
import type { LedgerRow } from './rows.ts';
import { localDate, localDateTime } from '../../ui/format.ts';
import { statusLabel } from '../../ui/team-labels.ts';

export const ROW_HEIGHT = 32;

/** Before the table is laid out (and in tests, where nothing is), it is taken to be this size. */
const FALLBACK_RECT: Rect = { width: 1200, height: 600 };

const COLUMNS: Array<{ column: SortColumn | null; label: MessageKey }> = [
  { column: 'name', label: 'ledger_col_name' },
  { column: 'key', label: 'ledger_col_key' },
  { column: 'status', label: 'ledger_col_status' },
  { column: 'domain', label: 'ledger_col_domain' },
  { column: 'assignee', label: 'ledger_col_assignee' },
  { column: null, label: 'ledger_col_tags' },
  { column: 'notes', label: 'ledger_col_note_count' },
  { column: null, label: 'ledger_col_seen' },
  { column: 'updatedAt', label: 'ledger_col_updated' },
];

export interface LedgerTableProps {
  rows: readonly LedgerRow[];
  seen: ReadonlyMap<string, SeenSummary>;
  sort: LedgerSort;
  onSort(column: SortColumn): void;
  selected: ReadonlySet<string>;
  onSelect(keys: readonly string[], selected: boolean): void;
  onOpen(row: LedgerRow): void;
  openKey: string | null;
}

function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT));
}

export function LedgerTable({ rows, seen, sort, onSort, selected, onSelect, onOpen, openKey }: LedgerTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeWithFallback,
    getItemKey: (index) => rows[index]!.key,
  });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.key));
  return (
    <div className="ledger-table" role="table" aria-rowcount={rows.length + 1} data-testid="ledger-table">
      <div className="ledger-row ledger-head" role="row">
        <span role="columnheader">
          <input
            type="checkbox"
            data-testid="ledger-select-all"
            aria-label={t('ledger_select_all', rows.length)}
            title={t('ledger_select_all', rows.length)}
            checked={allSelected}
            onChange={(e) =>
              onSelect(
                rows.map((row) => row.key),
                e.target.checked,
              )
            }
          />
        </span>
        {COLUMNS.map(({ column, label }) => (
          <span
            key={label}
            role="columnheader"
            aria-sort={column && sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined}
          >
            {column ? (
              <button type="button" className="sort" data-testid={`ledger-sort-${column}`} onClick={() => onSort(column)}>
                {t(label)}
                {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            ) : (
              t(label)
            )}
          </span>
        ))}
      </div>
      <div className="ledger-scroll" ref={scroller} data-testid="ledger-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const e = row.entity;
            const s = seen.get(row.key);
            const serious = s ? seriousVerdict(s.serious) : null;
            const seenText = s && serious ? `${localDate(new Date(s.observedAt))} ${t(serious.key)}` : t('ledger_unseen');
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="ledger-row"
                data-key={row.key}
                className={`ledger-row${openKey === row.key ? ' open' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    data-testid="ledger-select"
                    aria-label={t('ledger_select', e.name)}
                    checked={selected.has(row.key)}
                    onChange={(ev) => onSelect([row.key], ev.target.checked)}
                  />
                </span>
                <span role="cell" className="name">
                  <button type="button" className="link" data-testid="ledger-open" title={e.name} onClick={() => onOpen(row)}>
                    {e.name}
                  </button>
                </span>
                <span role="cell" className="mono" title={row.key}>
                  {e.uscc ?? row.key}
                </span>
                <span
                  role="cell"
                  data-testid="ledger-status"
                  className={statusLabel(e) === 'status_listed_missing' ? 'status-listed-missing' : `status-${e.status ?? 'none'}`}
                  title={t(statusLabel(e))}
                >
                  {t(statusLabel(e))}
                </span>
                <span role="cell">{e.domain ? t(`domain_${e.domain}`) : ''}</span>
                <span role="cell">{e.assignee ?? ''}</span>
                <span role="cell" title={e.tags.join(t('list_separator'))}>
                  {e.tags.join(t('list_separator'))}
                </span>
                <span role="cell" className="num">
                  {e.notes.length}
                </span>
                <span role="cell" data-testid="ledger-seen" className={serious ? `tone-${serious.tone}` : 'unseen'} title={seenText}>
                  {seenText}
                </span>
                <span role="cell">{localDateTime(e.updatedAt)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
