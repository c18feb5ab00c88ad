/**
 * The 工作情况表 on the ledger page: a period and a 填报单位, the table exactly as core lays it out (reportTable — the
 * same function behind the XLSX, the CSV and the sync server's report endpoint, so the figures agree everywhere), and
 * the two downloads. Counted from the team document as this computer holds it; records that do not parse are skipped
 * by core and listed as invalid on the ledger. Each number opens the ledger filtered to the entities behind it
 * (core's reportEntityKeys walks the document the same way the figures are counted).
 */
import { useMemo, useState } from 'react';
import {
  isIsoDate,
  REPORT_DOMAINS,
  reportCsv,
  reportEntityKeys,
  reportTable,
  reportXlsx,
  workReport,
  type ReportCell,
  type TeamRead,
} from '#core';
import type { DrillDown } from './filter.ts';
import { t } from '../../ui/i18n.ts';
import type { DownloadFile } from '../../ui/download.ts';

/** The 填报单位 typed last time (storage/items.ts), and where each change is kept: one office files every period. */
export interface ReportUnitMemory {
  initial: string;
  save(unit: string): void;
}

export interface ReportPreviewProps {
  records: readonly TeamRead[];
  /** Today's date in Beijing (YYYY-MM-DD): the default period is this year up to today. */
  today: string;
  download: DownloadFile;
  reportUnit?: ReportUnitMemory;
  /** Opens the ledger on the entities behind one number. */
  onDrill(drill: DrillDown): void;
}

/** The table's number columns, in reportTable's order. */
const FIELDS: readonly ReportCell['field'][] = ['listed', 'repeatOffendersPublicized', 'typicalCases'];

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ReportPreview({ records, today, download, reportUnit, onDrill }: ReportPreviewProps) {
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [unit, setUnit] = useState(reportUnit?.initial ?? '');
  const changeUnit = (value: string) => {
    setUnit(value);
    reportUnit?.save(value);
  };
  const problem = !isIsoDate(from) || !isIsoDate(to) ? t('ledger_report_bad_date') : from > to ? t('ledger_report_from_after_to') : null;
  const report = useMemo(() => (problem === null ? workReport(records, { from, to }) : null), [records, from, to, problem]);
  const heading = { unit: unit.trim() };
  const table = report ? reportTable(report, heading) : null;
  const fileName = `${table ? String(table[0]![0]) : ''}_${from}_${to}`;
  // Row i of the table body is REPORT_DOMAINS[i]; the last one, past them, is 合计.
  const drill = (row: number, column: number) => {
    if (!table) return;
    const cell: ReportCell = { domain: REPORT_DOMAINS[row]?.domain ?? null, field: FIELDS[column - 1]! };
    const keys = reportEntityKeys(records, { from, to }, cell);
    onDrill({
      keys: new Set(keys),
      label: t('ledger_drill_filter', from, to, String(table[4 + row]![0]), String(table[3]![column]), keys.length),
    });
  };
  return (
    <section className="ledger-report" data-testid="ledger-report">
      <div className="report-inputs">
        <label>
          {t('ledger_report_from')}
          <input type="date" data-testid="report-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('ledger_report_to')}
          <input type="date" data-testid="report-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('ledger_report_unit')}
          <input
            type="text"
            data-testid="report-unit"
            maxLength={200}
            value={unit}
            placeholder={t('ledger_report_unit_placeholder')}
            onChange={(e) => changeUnit(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-testid="report-xlsx"
          disabled={!report}
          onClick={() =>
            report && download(`${fileName}.xlsx`, new Blob([reportXlsx(report, heading) as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }))
          }
        >
          {t('ledger_download_xlsx')}
        </button>
        <button
          type="button"
          data-testid="report-csv"
          disabled={!report}
          onClick={() => report && download(`${fileName}.csv`, new Blob([reportCsv(report, heading)], { type: 'text/csv;charset=utf-8' }))}
        >
          {t('ledger_download_csv')}
        </button>
      </div>
      {problem !== null && (
        <p className="error" role="alert" data-testid="report-problem">
          {problem}
        </p>
      )}
      {table && (
        <div className="report-sheet" data-testid="report-sheet">
          <p className="report-title">{table[0]![0]}</p>
          <p>{table[1]![0]}</p>
          <p>{table[2]![0]}</p>
          <table>
            <thead>
              <tr>
                {table[3]!.map((cell) => (
                  <th key={String(cell)}>{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.slice(4).map((row, i) => (
                <tr key={String(row[0])} data-testid="report-row" className={i === table.length - 5 ? 'total' : ''}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>
                        {cell === 0 ? (
                          cell
                        ) : (
                          <button
                            type="button"
                            className="drill"
                            data-testid="report-drill"
                            aria-label={t('ledger_report_drill_cell', String(row[0]), String(table[3]![c]))}
                            onClick={() => drill(i, c)}
                          >
                            {cell}
                          </button>
                        )}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('ledger_report_note')}</p>
          <p className="hint">{t('ledger_report_drill_hint')}</p>
        </div>
      )}
    </section>
  );
}
