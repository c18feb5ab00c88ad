/**
 * zod's issues in the UI language: each kind of issue has its own message in the locale files, so zod's English never
 * reaches the screen. Our own schemas' custom messages are message keys (`issueText` shows them as such); a field path
 * stays as written (a code staff can quote) unless the caller names the field.
 */
import type * as z from 'zod';
import { formatPath } from '#core/page';
import { t, type MessageKey } from './i18n.ts';

type Issue = z.core.$ZodIssue;

/** Whether `text` is a key of the messages files (our own schemas put keys, not sentences, in custom issues). */
export function isMessageKey(text: string): text is MessageKey {
  return /^[a-z][a-z0-9_]*$/i.test(text) && t(text as MessageKey) !== text;
}

/** A bound's words by what it bounds: a text's length, a list's items, or a number (inclusive or not). */
function bound(
  origin: string,
  inclusive: boolean | undefined,
  [text, list, number, exclusive]: readonly [MessageKey, MessageKey, MessageKey, MessageKey],
): MessageKey {
  if (origin === 'string') return text;
  if (origin === 'array' || origin === 'set') return list;
  return inclusive === false ? exclusive : number;
}

/** One issue's text, without its path: our key when the schema gave one, else the text for its kind. */
export function issueText(issue: Issue): string {
  if (isMessageKey(issue.message)) return t(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      // A number field left empty or given 2.5 says what it wants, not just "wrong".
      if (issue.expected === 'int') return t('issue_expected_int');
      return t(issue.expected === 'number' ? 'issue_expected_number' : 'issue_invalid_type');
    case 'too_big':
      return t(
        bound(issue.origin, issue.inclusive, ['issue_too_long', 'issue_too_many', 'issue_too_big', 'issue_too_big_exclusive']),
        String(issue.maximum),
      );
    case 'too_small':
      return t(
        bound(issue.origin, issue.inclusive, ['issue_too_short', 'issue_too_few', 'issue_too_small', 'issue_too_small_exclusive']),
        String(issue.minimum),
      );
    case 'invalid_format':
      return t('issue_invalid_format');
    case 'invalid_value':
      return t('issue_invalid_value', issue.values.map(String).join(t('list_separator')));
    case 'unrecognized_keys':
      return t('issue_unrecognized_keys', issue.keys.join(t('list_separator')));
    default:
      return t('issue_other');
  }
}

/** One line per issue, "字段：问题"; `label` names a path in words where it can (a settings field), else the path stays. */
export function issueLines(issues: readonly Issue[], label: (path: readonly PropertyKey[]) => string | null = () => null): string[] {
  return issues.map((issue) => {
    const name = label(issue.path) ?? (issue.path.length > 0 ? formatPath(issue.path) : null);
    return name === null ? issueText(issue) : t('issue_line', name, issueText(issue));
  });
}
