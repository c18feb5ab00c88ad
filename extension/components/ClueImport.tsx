/**
 * Importing a clue list (CSV or XLSX) into the team ledger, in three steps: pick the file; check whether its first row
 * is a header and which column holds which field (both guessed from the first row, mapping.ts — the name column is
 * required); see the check of every row (core's parseClueRows: bad rows with their row number and reason, done in
 * chunks with progress). Then 导入 sends the
 * rows and the mapping to the background, which checks them again the same way and writes the good rows in one
 * transaction — all of them or, if anything fails, none. Refused (and disabled) for a readonly role.
 */
import { useEffect, useMemo, useState } from 'react';
import { CLUE_FIELDS, type ClueField, type ClueMapping, type ClueRows } from '#core';
import { request, type Transport } from '../messaging/client.ts';
import { previewClues, readClueFile, sheetOf, withUiWords, type ClueCell, type ClueFile } from '../ledger/clue-file.ts';
import { columnLabel, EXPORT_HEADINGS } from '../ledger/export.ts';
import { completeMapping, guessMapping, headerMapping } from '../ledger/mapping.ts';
import type { Progress } from '../ledger/progress.ts';
import { t } from '../ui/i18n.ts';
import { messageOf } from './format.ts';
import { ProgressBar } from './ProgressBar.tsx';

/** How many bad rows are listed; the rest are counted. */
const BAD_SHOWN = 200;

export interface ClueImportProps {
  transport: Transport;
  readonly: boolean;
  newId(): string;
  /** After an import: the ledger reloads. */
  onImported(): void;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/** The ledger's own export headings in the UI language: an exported ledger imports again as it is. */
const exportHeadings = () => Object.fromEntries(CLUE_FIELDS.map((f) => [f, t(EXPORT_HEADINGS[f])])) as Record<ClueField, string>;

export function ClueImport({ transport, readonly, newId, onImported }: ClueImportProps) {
  const [file, setFile] = useState<ClueFile | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<Partial<ClueMapping>>({});
  const [rows, setRows] = useState<ClueCell[][] | null>(null);
  const [check, setCheck] = useState<ClueRows | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const complete = completeMapping(mapping);
  const sheet = useMemo(() => (file ? sheetOf(file, hasHeader) : null), [file, hasHeader]);

  // The mapping's content, not its identity, decides the check.
  const mappingKey = complete ? JSON.stringify(complete) : '';
  useEffect(() => {
    setCheck(null);
    if (!sheet || mappingKey === '') return undefined;
    let current = true;
    const chosen = JSON.parse(mappingKey) as ClueMapping;
    const ready = withUiWords(sheet.rows, chosen);
    setRows(ready);
    void previewClues(ready, chosen, (p) => current && setProgress(p), sheet.firstRow).then((result) => {
      if (!current) return;
      setCheck(result);
      setProgress(null);
    });
    return () => {
      current = false;
    };
  }, [sheet, mappingKey]);

  const pick = async (picked: File | undefined) => {
    setOutcome(null);
    setFile(null);
    if (!picked) return;
    setBusy('reading');
    try {
      const read = await readClueFile(picked);
      const guessed = headerMapping(read.table[0] ?? [], exportHeadings());
      setHasHeader(guessed !== null);
      setMapping(guessed ?? {});
      setFile(read);
    } catch (error) {
      setOutcome({ tone: 'error', text: t('ledger_import_unreadable', messageOf(error)) });
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!complete || !rows || !check || !sheet) return;
    setBusy('importing');
    try {
      const answer = await request(transport, { type: 'ledger:import', importId: `import-${newId()}`, rows, mapping: complete, firstRow: sheet.firstRow });
      setOutcome({ tone: 'ok', text: t('ledger_import_done', answer.imported, answer.bad.length) });
      setFile(null);
      onImported();
    } catch (error) {
      setOutcome({ tone: 'error', text: t('ledger_import_failed', messageOf(error)) });
    } finally {
      setBusy(null);
    }
  };

  /** Turned on, the header's names fill the fields not chosen yet; what the user chose stays. */
  const setHeader = (on: boolean) => {
    setHasHeader(on);
    if (on && file) setMapping({ ...guessMapping(file.table[0] ?? [], exportHeadings()), ...mapping });
  };

  const setField = (field: ClueField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };

  return (
    <section className="ledger-import" data-testid="ledger-import">
      <p className="hint">{t('ledger_import_hint')}</p>
      <input type="file" data-testid="import-file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={readonly || busy !== null} onChange={(e) => void pick(e.target.files?.[0])} aria-label={t('ledger_import_pick')} />
      {readonly && <p className="hint">{t('ledger_readonly_hint')}</p>}
      {busy === 'reading' && <ProgressBar done={0} total={null} testId="import-reading" />}
      {file && sheet && (
        <>
          <p data-testid="import-file-info">{t('ledger_import_file', file.name, sheet.rows.length, file.encoding.toUpperCase())}</p>
          <label className="has-header">
            <input type="checkbox" data-testid="import-has-header" checked={hasHeader} onChange={(e) => setHeader(e.target.checked)} />
            {t('ledger_import_has_header')}
          </label>
          <fieldset className="mapping" data-testid="import-mapping">
            <legend>{t('ledger_import_mapping')}</legend>
            {CLUE_FIELDS.map((field) => (
              <label key={field}>
                {t(EXPORT_HEADINGS[field])}{field === 'name' ? ' *' : ''}
                <select data-testid={`import-map-${field}`} value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
                  <option value="">{t('ledger_import_skip')}</option>
                  {sheet.labels.map((head, i) => <option key={i} value={i}>{`${columnLabel(i)}: ${head ?? ''}`}</option>)}
                </select>
              </label>
            ))}
          </fieldset>
          {!complete && <p className="error" data-testid="import-need-name">{t('ledger_import_need_name')}</p>}
          {progress && <ProgressBar done={progress.done} total={progress.total} testId="import-progress" />}
          {check && (
            <div data-testid="import-check">
              <p data-testid="import-summary">{t('ledger_import_summary', check.good.length, check.bad.length)}</p>
              {check.bad.length > 0 && (
                <table className="bad-rows" data-testid="import-bad">
                  <thead><tr><th>{t('ledger_import_row')}</th><th>{t('ledger_import_reason')}</th></tr></thead>
                  <tbody>
                    {check.bad.slice(0, BAD_SHOWN).map((bad) => <tr key={bad.row} data-testid="import-bad-row"><td>{bad.row}</td><td>{bad.reason}</td></tr>)}
                  </tbody>
                </table>
              )}
              {check.bad.length > BAD_SHOWN && <p className="hint">{t('ledger_import_more_bad', check.bad.length - BAD_SHOWN)}</p>}
              <button type="button" data-testid="import-run" disabled={readonly || busy !== null || check.good.length === 0} onClick={() => void run()}>
                {t('ledger_import_run', check.good.length)}
              </button>
            </div>
          )}
        </>
      )}
      {busy === 'importing' && <ProgressBar done={0} total={null} testId="import-writing" />}
      {outcome && <p data-testid="import-outcome" className={outcome.tone === 'ok' ? 'status ok' : 'status error'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>{outcome.text}</p>}
    </section>
  );
}
