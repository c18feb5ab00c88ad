/**
 * Every reason the import gives, in the UI language from the locale files: a row's problems field by field (core's
 * ClueProblem), a limit the file passed, an unreadable file, and — should the import request itself not parse —
 * zod's issues turned into the row and field they concern. No zod or library English reaches the screen.
 */
import type * as z from 'zod';
import { CLUE_FIELDS, type ClueField, type ClueMapping, type ClueProblem } from '#core';
import { t } from '../../ui/i18n.ts';
import { CLUE_HEADINGS } from './export.ts';
import { IMPORT_CAPS, type OverCap } from './import-caps.ts';
import type { FromWorker } from './import-messages.ts';

const fieldName = (field: ClueField) => t(CLUE_HEADINGS[field]);
const count = (n: number) => n.toLocaleString('en');

/** Bytes as MB with one decimal (KB under one MB): the figures of the size limits. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function problemText(problem: ClueProblem): string {
  const name = fieldName(problem.field);
  if (problem.kind === 'empty') return t('ledger_import_problem_empty', name);
  if (problem.kind === 'too-long') return t('ledger_import_problem_too_long', name, count(problem.limit ?? 0), problem.value ?? '');
  return t(problem.kind === 'unknown' ? 'ledger_import_problem_unknown' : 'ledger_import_problem_invalid', name, problem.value ?? '');
}

/** A bad row's reason: its problems one after another. */
export function rowReason(problems: readonly ClueProblem[]): string {
  return problems.map(problemText).join(t('ledger_import_reason_separator'));
}

export function limitsText(): string {
  return t('ledger_import_limits', sizeText(IMPORT_CAPS.fileBytes), count(IMPORT_CAPS.rows), sizeText(IMPORT_CAPS.xlsxBytes));
}

export function overCapText(over: OverCap): string {
  if (over.cap === 'rows') return t('ledger_import_over_rows', count(over.actual), count(over.limit));
  return t(
    over.cap === 'fileBytes' ? 'ledger_import_over_fileBytes' : 'ledger_import_over_xlsxBytes',
    sizeText(over.actual),
    sizeText(over.limit),
  );
}

export function unreadableText(kind: Extract<FromWorker, { type: 'unreadable' }>['kind']): string {
  if (kind === 'not-xlsx') return t('ledger_import_unreadable_not_xlsx');
  return t(kind === 'no-sheet' ? 'ledger_import_unreadable_no_sheet' : 'ledger_import_unreadable_other');
}

/**
 * zod's issues with a ledger:import request, said by row and field: `rows[i][j]` is file row firstRow + i and the
 * field mapped to column j. At most three issues are named; the rest would repeat them.
 */
export function requestIssuesText(issues: readonly z.core.$ZodIssue[], sent: { mapping: ClueMapping; firstRow: number }): string {
  const fieldOf = (column: number) => CLUE_FIELDS.find((field) => sent.mapping[field] === column);
  const what = (issue: z.core.$ZodIssue) =>
    issue.code === 'too_big' ? t('ledger_import_issue_too_long', count(Number(issue.maximum))) : t('ledger_import_issue_invalid');
  return issues
    .slice(0, 3)
    .map((issue) => {
      const [top, row, column] = issue.path;
      if (top === 'rows' && typeof row === 'number') {
        const field = typeof column === 'number' ? fieldOf(column) : undefined;
        return t('ledger_import_issue_cell', count(sent.firstRow + row), field ? fieldName(field) : '', what(issue));
      }
      if (top === 'rows' && issue.code === 'too_big') return t('ledger_import_issue_rows', count(Number(issue.maximum)));
      return t('ledger_import_issue_other');
    })
    .join(t('ledger_import_reason_separator'));
}
