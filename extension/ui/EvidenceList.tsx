/**
 * 取证记录: the evidence ZIPs taken of an entity on this computer (time and file name), each shown in its folder on
 * a click (the browser's downloads.show). Nothing shows while there are none.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../messaging/client.ts';
import type { EvidenceEntry } from '../storage/contract.ts';
import { errorText } from '../ui/errors.ts';
import { t } from '../ui/i18n.ts';
import { localDateTime } from './format.ts';

export function EvidenceList({ transport, entityKey }: { transport: Transport; entityKey: string }) {
  const [entries, setEntries] = useState<EvidenceEntry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    request(transport, { type: 'evidence:list', entityKey }).then(
      (answer) => current && setEntries(answer.entries),
      (error: unknown) => current && setProblem(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [transport, entityKey]);
  if (entries.length === 0 && problem === null) return null;
  const show = (event: { isTrusted: boolean }, downloadId: number) => {
    if (!event.isTrusted) return;
    request(transport, { type: 'evidence:show', downloadId }).then(
      ({ shown }) => setProblem(shown ? null : t('evidence_gone')),
      (error: unknown) => setProblem(errorText(error)),
    );
  };
  return (
    <div className="evidence-list" data-testid="evidence-list">
      <h4>{t('evidence_records')}</h4>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id ?? entry.downloadId} data-testid="evidence-entry">
            <button type="button" className="link" title={t('evidence_show')} onClick={(event) => show(event, entry.downloadId)}>
              {t('evidence_entry', localDateTime(entry.takenAt), entry.fileName)}
            </button>
            {entry.mhtml !== 'included' && <span className="hint">{t('evidence_entry_no_mhtml')}</span>}
          </li>
        ))}
      </ul>
      {problem !== null && (
        <p className="error" role="alert" data-testid="evidence-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
