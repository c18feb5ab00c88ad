/**
 * The team ledger page (ledger.html): every record of the team document in one virtualised table with filters,
 * full-text search and sorting; bulk status change and bulk 集中公示 / 典型案例曝光 dates; each row opened with its latest local snapshot; records that do
 * not parse listed apart with their problems; the 工作情况表 preview and downloads; charts; import of a clue list and
 * export of the filtered ledger. Everything comes from the background through messages (use-ledger.ts); writes are
 * refused for a readonly token (只读), here and again in the background.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { CaseStatus, chinaDateOfEpochMs, csvText, tableXlsx } from '#core';
import { request, type Transport } from '../../messaging/client.ts';
import { chartFigures } from './charts-data.ts';
import { exportTable } from './export.ts';
import { choicesOf, filterRows, NO_FILTER, sortRows, type LedgerFilter, type LedgerSort, type SortColumn } from './filter.ts';
import type { Progress } from './progress.ts';
import type { OpenImportWorker } from './import-worker-port.ts';
import { ledgerRows } from './rows.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { ClueImport } from './ClueImport.tsx';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import type { DownloadFile } from '../../ui/download.ts';
import { messageOf } from '../../ui/format.ts';
import { LedgerCharts } from './LedgerCharts.tsx';
import { LedgerBulkDates } from './LedgerBulkDates.tsx';
import { LedgerDetail } from './LedgerDetail.tsx';
import { LedgerFilters } from './LedgerFilters.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ReportPreview, type ReportUnitMemory } from './ReportPreview.tsx';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';
import { useLedger, type LedgerData } from './use-ledger.ts';

export interface LedgerPageProps {
  transport: Transport;
  openUrl(url: string): void;
  download: DownloadFile;
  /** Now, as an ISO instant. */
  now(): string;
  newId(): string;
  /** How often to look for changes by colleagues; tests shorten it. */
  pollMs?: number;
  /** The 填报单位 remembered from last time, and where a new one is kept. */
  reportUnit?: ReportUnitMemory;
  /** Where a clue list is read and checked: the page's import worker (tests run the same job in place). */
  openImportWorker: OpenImportWorker;
}

const TABS = ['ledger', 'report', 'charts', 'import'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  ledger: 'ledger_tab_ledger',
  report: 'ledger_tab_report',
  charts: 'ledger_tab_charts',
  import: 'ledger_tab_import',
};
const UNSET = 'unset';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Ready = Extract<LedgerData, { phase: 'ready' }>;

export function LedgerPage(props: LedgerPageProps) {
  const { data, progress, stale, reload } = useLedger(props.transport, props.pollMs);
  return (
    <main className="ledger">
      <header className="ledger-top">
        <h1>{t('ledger_title')}</h1>
        {data.phase === 'ready' && <ConnectionIndicator status={data.status} />}
        <button type="button" data-testid="ledger-reload" onClick={reload} disabled={progress !== null}>
          {t('ledger_reload')}
        </button>
        {stale && (
          <span className="stale" data-testid="ledger-stale" role="status">
            {t('ledger_stale')}
          </span>
        )}
      </header>
      {progress && <ProgressBar done={progress.loaded} total={progress.total} testId="ledger-loading" />}
      {data.phase === 'error' && (
        <p className="error" role="alert" data-testid="ledger-error">
          {t('ledger_error', data.message)}
        </p>
      )}
      {data.phase === 'ready' &&
        (data.status.state === 'not-configured' ? (
          <p className="hint" data-testid="ledger-not-configured">
            {t('team_not_configured_hint')}
          </p>
        ) : (
          <LedgerBody {...props} data={data} reload={reload} />
        ))}
    </main>
  );
}

function LedgerBody({
  transport,
  openUrl,
  download,
  now,
  newId,
  reportUnit,
  openImportWorker,
  data,
  reload,
}: LedgerPageProps & { data: Ready; reload(): void }) {
  const [tab, setTab] = useState<Tab>('ledger');
  const [filter, setFilter] = useState<LedgerFilter>(NO_FILTER);
  const [sort, setSort] = useState<LedgerSort>({ column: 'updatedAt', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // By key: after a write and the reload, the pane shows the row as the document now holds it.
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [bulkStatus, setBulkStatus] = useState<string>('verifying');
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [exporting, setExporting] = useState<Progress | null>(null);
  const readonly = data.status.claims?.role === 'readonly';

  const { rows, invalid } = useMemo(() => ledgerRows(data.records), [data.records]);
  const open = useMemo(() => rows.find((row) => row.key === openKey) ?? null, [rows, openKey]);
  const seen = useMemo(() => new Map(data.seen.map((s) => [s.entityKey, s])), [data.seen]);
  const choices = useMemo(() => choicesOf(rows), [rows]);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  // Typing in the search box stays responsive: the table follows the filter a moment later when rows are many.
  const shownFilter = useDeferredValue(filter);
  const filtered = useMemo(() => filterRows(sorted, shownFilter), [sorted, shownFilter]);
  const figures = useMemo(() => chartFigures(filtered, seen), [filtered, seen]);
  const chosen = useMemo(() => filtered.filter((row) => selected.has(row.key)), [filtered, selected]);
  const today = chinaDateOfEpochMs(Date.parse(now())) ?? now().slice(0, 10);

  const onSort = (column: SortColumn) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : column === 'updatedAt' }));
  const onSelect = (keys: readonly string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const key of keys) {
        if (on) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const applyBulk = async () => {
    const status = bulkStatus === UNSET ? null : CaseStatus.parse(bulkStatus);
    try {
      // 已列入 set in bulk cannot ask for each decision: the outcome says how many still lack one.
      const undecided = status === 'listed' ? chosen.filter((row) => row.entity.listings.length === 0).length : 0;
      const answer = await request(transport, { type: 'ledger:bulk-status', entityKeys: chosen.map((row) => row.key), status });
      const done = t('ledger_bulk_done', answer.updated, answer.skipped.length);
      setOutcome({ tone: 'ok', text: undecided > 0 ? `${done}${t('ledger_bulk_listed_undecided', undecided)}` : done });
      setSelected(new Set());
      reload();
    } catch (error) {
      setOutcome({ tone: 'error', text: t('ledger_bulk_failed', messageOf(error)) });
    }
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting({ done: 0, total: filtered.length });
    try {
      const table = await exportTable(filtered, setExporting);
      const name = `${t('ledger_export_file', today)}.${format}`;
      download(
        name,
        format === 'csv'
          ? new Blob([csvText(table)], { type: 'text/csv;charset=utf-8' })
          : new Blob([tableXlsx(table, { sheetName: t('ledger_title'), headerRows: 1 }) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }),
      );
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            data-testid={`ledger-tab-${name}`}
            className={tab === name ? 'active' : ''}
            onClick={() => setTab(name)}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </nav>
      {tab === 'ledger' && (
        <section className="ledger-main">
          <LedgerFilters filter={filter} onChange={setFilter} assignees={choices.assignees} tags={choices.tags} />
          <div className="ledger-bar">
            <span data-testid="ledger-count">{t('ledger_count', filtered.length, rows.length)}</span>
            <span className="bulk">
              <span data-testid="ledger-selected">{t('ledger_selected', chosen.length)}</span>
              <select
                data-testid="ledger-bulk-status"
                aria-label={t('ledger_bulk_label')}
                value={bulkStatus}
                disabled={readonly}
                onChange={(e) => setBulkStatus(e.target.value)}
              >
                {CaseStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {t(CASE_STATUS_LABEL[s])}
                  </option>
                ))}
                <option value={UNSET}>{t('team_unset')}</option>
              </select>
              <button
                type="button"
                data-testid="ledger-bulk-apply"
                disabled={readonly || chosen.length === 0}
                onClick={() => void applyBulk()}
              >
                {t('ledger_bulk_apply', chosen.length)}
              </button>
            </span>
            <LedgerBulkDates
              transport={transport}
              keys={chosen.map((row) => row.key)}
              readonly={readonly}
              today={today}
              onOutcome={(next, done) => {
                setOutcome(next);
                if (done) {
                  setSelected(new Set());
                  reload();
                }
              }}
            />
            <span className="export">
              <button
                type="button"
                data-testid="ledger-export-csv"
                disabled={exporting !== null || filtered.length === 0}
                onClick={() => void exportAs('csv')}
              >
                {t('ledger_export_csv')}
              </button>
              <button
                type="button"
                data-testid="ledger-export-xlsx"
                disabled={exporting !== null || filtered.length === 0}
                onClick={() => void exportAs('xlsx')}
              >
                {t('ledger_export_xlsx')}
              </button>
            </span>
          </div>
          {readonly && (
            <p className="hint" data-testid="ledger-readonly-hint">
              {t('ledger_readonly_hint')}
            </p>
          )}
          {exporting && <ProgressBar done={exporting.done} total={exporting.total} testId="ledger-export-progress" />}
          {outcome && (
            <p
              data-testid="ledger-outcome"
              className={outcome.tone === 'ok' ? 'status ok' : 'status error'}
              role={outcome.tone === 'ok' ? 'status' : 'alert'}
            >
              {outcome.text}
            </p>
          )}
          {invalid.length > 0 && (
            <details className="invalid" data-testid="ledger-invalid">
              <summary>{t('ledger_invalid', invalid.length)}</summary>
              <ul>
                {invalid.map((row) => (
                  <li key={row.key} data-testid="ledger-invalid-row">
                    <span className="mono">{row.key}</span> {t('team_invalid_count', row.problems.length)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className={open ? 'ledger-split' : ''}>
            <LedgerTable
              rows={filtered}
              seen={seen}
              sort={sort}
              onSort={onSort}
              selected={selected}
              onSelect={onSelect}
              onOpen={(row) => setOpenKey(row.key)}
              openKey={openKey}
            />
            {open && (
              <LedgerDetail
                transport={transport}
                row={open}
                openUrl={openUrl}
                onClose={() => setOpenKey(null)}
                readonly={readonly}
                newId={newId}
                onWritten={reload}
              />
            )}
          </div>
        </section>
      )}
      {tab === 'report' && (
        <ReportPreview
          records={data.records}
          today={today}
          download={download}
          reportUnit={reportUnit}
          onDrill={(drill) => {
            setFilter({ ...NO_FILTER, drill });
            setTab('ledger');
          }}
        />
      )}
      {tab === 'charts' && <LedgerCharts figures={figures} />}
      {/* Kept mounted on the other tabs: an import being read or checked goes on while the ledger is browsed. */}
      <div hidden={tab !== 'import'}>
        <ClueImport transport={transport} readonly={readonly} newId={newId} onImported={reload} openWorker={openImportWorker} />
      </div>
    </>
  );
}
