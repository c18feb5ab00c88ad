/**
 * Export and import of all local data (notes and snapshots) as one JSON file. Export names the file by the local
 * date; import reads the chosen file, refuses what is not JSON without sending anything, and otherwise lets the
 * background check it: a file with problems changes nothing, and every problem is listed with its path.
 */
import { useState, type ChangeEvent } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import type { Download } from '../../ui/download.ts';
import { localDate, messageOf } from '../../ui/format.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';

export function exportFileName(exportedAt: string): string {
  return `creditlens-export-${localDate(new Date(exportedAt))}.json`;
}

export function DataPanel({ transport, download }: { transport: Transport; download: Download }) {
  const [status, setStatus] = useState<StatusLine>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const show = (line: StatusLine, list: string[] = []) => {
    setStatus(line);
    setProblems(list);
  };
  const fail = (error: unknown) => show({ tone: 'error', text: t('options_error', messageOf(error)) });

  const exportAll = async () => {
    try {
      const { file } = await request(transport, { type: 'data:export' });
      download(exportFileName(file.exportedAt), JSON.stringify(file, null, 2));
      show({ tone: 'ok', text: t('options_exported', file.notes.length, file.snapshots.length) });
    } catch (error) {
      fail(error);
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    if (chosen === undefined) return;
    try {
      const text = await chosen.text();
      // Let the same file be chosen again after it was corrected.
      input.value = '';
      let file: unknown;
      try {
        file = JSON.parse(text);
      } catch {
        return show({ tone: 'error', text: t('options_import_not_json', chosen.name) });
      }
      const answer = await request(transport, { type: 'data:import', file });
      if (answer.imported) show({ tone: 'ok', text: t('options_imported', answer.notes, answer.snapshots) });
      else show({ tone: 'error', text: t('options_import_rejected') }, answer.problems);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="panel">
      <h2>{t('options_data_title')}</h2>
      <div className="buttons">
        <button type="button" data-testid="export" onClick={() => void exportAll()}>
          {t('options_export')}
        </button>
      </div>
      <label className="field">
        {t('options_import')}{' '}
        <input data-testid="import-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
      </label>
      <p className="hint">{t('options_import_hint')}</p>
      <Status line={status} testId="data-status" />
      {problems.length > 0 && (
        <ul data-testid="import-problems" className="problems">
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
