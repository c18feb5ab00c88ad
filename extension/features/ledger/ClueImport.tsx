/**
 * Importing a clue list (CSV or XLSX) into the team ledger, in three steps: pick the file; check whether its first row
 * is a header and which column holds which field (both guessed from the first row, mapping.ts — the name column is
 * required); see the check of every row (core's parseClueRows: bad rows with their row number and reason). The file
 * is read, parsed and checked in a worker (features/ledger/import-job.ts), with progress and a cancel button, within the
 * limits stated before a file is picked (features/ledger/import-caps.ts). Then 导入 sends the rows and the mapping to the
 * background, which checks them again the same way and writes the good rows in one transaction — all of them or, if
 * anything fails, none. Refused (and disabled) for a readonly role.
 */
import { useEffect, useRef, useState } from 'react';
import { CaseStatus, CLUE_FIELDS, Domain, type ClueField, type ClueMapping } from '#core';
import { ProtocolError, request, type Transport } from '../../messaging/client.ts';
import { CLUE_HEADINGS, columnLabel } from './export.ts';
import type { BadRow, FromWorker, UiWords } from './import-messages.ts';
import { limitsText, overCapText, requestIssuesText, rowReason, unreadableText } from './import-reasons.ts';
import type { ImportWorker, OpenImportWorker } from './import-worker-port.ts';
import { completeMapping, guessMapping } from './mapping.ts';
import { t } from '../../ui/i18n.ts';
import { messageOf } from '../../ui/format.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';

export interface ClueImportProps {
  transport: Transport;
  readonly: boolean;
  newId(): string;
  /** After an import: the ledger reloads. */
  onImported(): void;
  /** The import worker: a real Web Worker on the page, the same job in place in tests. */
  openWorker: OpenImportWorker;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;
type FileInfo = { name: string; encoding: string; first: (string | null)[]; rows: number };
type Check = { seq: number; good: number; bad: BadRow[]; badCount: number };
type Rows = Extract<FromWorker, { type: 'rows' }>;
type WorkerProgress = Extract<FromWorker, { type: 'progress' }>;

/** The ledger's own export headings in the UI language: an exported ledger imports again as it is. */
const exportHeadings = () => Object.fromEntries(CLUE_FIELDS.map((f) => [f, t(CLUE_HEADINGS[f])])) as Record<ClueField, string>;

/** This UI's words for statuses and domains, for the worker (which has no i18n) to read them as the contract's values. */
const uiWords = (): UiWords => ({
  status: Object.fromEntries(CaseStatus.options.map((s) => [t(CASE_STATUS_LABEL[s]).toLowerCase(), s])),
  domain: Object.fromEntries(Domain.options.map((d) => [t(`domain_${d}`).toLowerCase(), d])),
});

export function ClueImport({ transport, readonly, newId, onImported, openWorker }: ClueImportProps) {
  const worker = useRef<ImportWorker | null>(null);
  const seq = useRef(0);
  const rowsWanted = useRef<((rows: Rows) => void) | null>(null);
  const [file, setFile] = useState<FileInfo | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<Partial<ClueMapping>>({});
  const [check, setCheck] = useState<Check | null>(null);
  const [progress, setProgress] = useState<WorkerProgress | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const complete = completeMapping(mapping);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    rowsWanted.current = null;
    setFile(null);
    setCheck(null);
    setProgress(null);
    setBusy(null);
  };
  useEffect(() => () => worker.current?.terminate(), []);

  const onMessage = (name: string) => (message: FromWorker) => {
    if (message.type === 'progress') setProgress(message);
    else if (message.type === 'read') {
      setHasHeader(message.guessed !== null);
      setMapping(message.guessed ?? {});
      setFile({ name, encoding: message.encoding, first: message.first, rows: message.rows });
      setProgress(null);
      setBusy(null);
    } else if (message.type === 'checked') {
      if (message.seq !== seq.current) return;
      setCheck(message);
      setProgress(null);
    } else if (message.type === 'rows') rowsWanted.current?.(message);
    else {
      stop();
      setOutcome({ tone: 'error', text: message.type === 'refused' ? overCapText(message.over) : unreadableText(message.kind) });
    }
  };

  // The mapping's content, not its identity, decides the check.
  const mappingKey = complete ? JSON.stringify(complete) : '';
  useEffect(() => {
    setCheck(null);
    if (!file || mappingKey === '' || !worker.current) return;
    seq.current++;
    // Busy from the moment it is asked, not only from the worker's first progress.
    setProgress({ type: 'progress', phase: 'checking', done: 0, total: file.rows });
    worker.current.send({ type: 'check', seq: seq.current, mapping: JSON.parse(mappingKey) as ClueMapping, hasHeader });
  }, [file, hasHeader, mappingKey]);

  const pick = (picked: File | undefined) => {
    stop();
    setOutcome(null);
    if (!picked) return;
    setBusy('reading');
    worker.current = openWorker(onMessage(picked.name));
    worker.current.send({ type: 'read', file: picked, name: picked.name, headings: exportHeadings(), words: uiWords() });
  };

  const cancel = () => {
    stop();
    setOutcome({ tone: 'error', text: t('ledger_import_cancelled') });
  };

  const run = async () => {
    if (!complete || !check || !worker.current) return;
    setBusy('importing');
    const sent = await new Promise<Rows>((resolve) => {
      rowsWanted.current = resolve;
      worker.current?.send({ type: 'rows' });
    });
    try {
      const answer = await request(transport, {
        type: 'ledger:import',
        importId: `import-${newId()}`,
        rows: sent.rows,
        mapping: sent.mapping,
        firstRow: sent.firstRow,
      });
      setOutcome({ tone: 'ok', text: t('ledger_import_done', answer.imported, check.badCount) });
      stop();
      onImported();
    } catch (error) {
      const reason = error instanceof ProtocolError && error.issues.length > 0 ? requestIssuesText(error.issues, sent) : messageOf(error);
      setOutcome({ tone: 'error', text: t('ledger_import_failed', reason) });
      setBusy(null);
    }
  };

  /** Turned on, the header's names fill the fields not chosen yet; what the user chose stays. */
  const setHeader = (on: boolean) => {
    setHasHeader(on);
    if (on && file) setMapping({ ...guessMapping(file.first, exportHeadings()), ...mapping });
  };

  const setField = (field: ClueField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };

  const working = busy === 'reading' || (progress !== null && busy !== 'importing');
  return (
    <section className="ledger-import" data-testid="ledger-import" data-busy={busy ?? (progress ? 'checking' : '')}>
      <p className="hint">{t('ledger_import_hint')}</p>
      <p className="hint" data-testid="import-limits">
        {limitsText()}
      </p>
      <input
        type="file"
        data-testid="import-file"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={readonly || busy !== null}
        onChange={(e) => pick(e.target.files?.[0])}
        aria-label={t('ledger_import_pick')}
      />
      {readonly && <p className="hint">{t('ledger_readonly_hint')}</p>}
      {busy === 'reading' && <ProgressBar done={0} total={null} testId="import-reading" />}
      {working && (
        <button type="button" data-testid="import-cancel" onClick={cancel}>
          {t('ledger_import_cancel')}
        </button>
      )}
      {file && (
        <>
          <p data-testid="import-file-info">
            {t('ledger_import_file', file.name, file.rows - (hasHeader ? 1 : 0), file.encoding.toUpperCase())}
          </p>
          <label className="has-header">
            <input type="checkbox" data-testid="import-has-header" checked={hasHeader} onChange={(e) => setHeader(e.target.checked)} />
            {t('ledger_import_has_header')}
          </label>
          <fieldset className="mapping" data-testid="import-mapping">
            <legend>{t('ledger_import_mapping')}</legend>
            {CLUE_FIELDS.map((field) => (
              <label key={field}>
                {t(CLUE_HEADINGS[field])}
                {field === 'name' ? ' *' : ''}
                <select data-testid={`import-map-${field}`} value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
                  <option value="">{t('ledger_import_skip')}</option>
                  {file.first.map((head, i) => (
                    <option key={i} value={i}>{`${columnLabel(i)}: ${head ?? ''}`}</option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          {!complete && (
            <p className="error" data-testid="import-need-name">
              {t('ledger_import_need_name')}
            </p>
          )}
          {progress?.phase === 'checking' && <ProgressBar done={progress.done} total={progress.total} testId="import-progress" />}
          {check && (
            <div data-testid="import-check">
              <p data-testid="import-summary">{t('ledger_import_summary', check.good, check.badCount)}</p>
              {check.bad.length > 0 && (
                <table className="bad-rows" data-testid="import-bad">
                  <thead>
                    <tr>
                      <th>{t('ledger_import_row')}</th>
                      <th>{t('ledger_import_reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {check.bad.map((bad) => (
                      <tr key={bad.row} data-testid="import-bad-row">
                        <td>{bad.row}</td>
                        <td>{rowReason(bad.problems)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {check.badCount > check.bad.length && (
                <p className="hint">{t('ledger_import_more_bad', check.badCount - check.bad.length)}</p>
              )}
              <button
                type="button"
                data-testid="import-run"
                disabled={readonly || busy !== null || check.good === 0}
                onClick={() => void run()}
              >
                {t('ledger_import_run', check.good)}
              </button>
            </div>
          )}
        </>
      )}
      {busy === 'importing' && <ProgressBar done={0} total={null} testId="import-writing" />}
      {outcome && (
        <p
          data-testid="import-outcome"
          className={outcome.tone === 'ok' ? 'status ok' : 'status error'}
          role={outcome.tone === 'ok' ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </section>
  );
}
