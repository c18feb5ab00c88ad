/** Progress of a long task (loading, import check, export): a bar with "done / total", or an indeterminate bar. */
import { t } from './i18n.ts';

export function ProgressBar({ done, total, testId }: { done: number; total: number | null; testId: string }) {
  return (
    <div className="progress" data-testid={testId} role="status">
      {total === null ? <progress /> : <progress max={Math.max(total, 1)} value={done} />}
      {total !== null && <span>{t('ledger_progress', done, total)}</span>}
    </div>
  );
}
