/**
 * The identifier check under the popup's search box: as soon as the query looks like a code (13 or more of 0-9/A-Z
 * once full-width forms, spaces and dashes are removed), say whether it is a valid 统一社会信用代码 or 注册号, or why
 * not; a legacy 注册号 without a check digit is said to be one, never called wrong. A wrong check character is only
 * a warning (some issued codes fail it), so the lookup still runs.
 */
import { normalizeIdentifier, validateIdentifier, type IdentifierKind, type IdentifierProblem } from '#core';
import { t, type MessageKey } from '../../ui/i18n.ts';

const KIND: Record<IdentifierKind, MessageKey> = {
  uscc: 'popup_id_kind_uscc',
  regNo: 'popup_id_kind_regNo',
  'regNo-legacy': 'popup_id_kind_regNo_legacy',
  unknown: 'popup_id_kind_unknown',
};

const REASON: Record<IdentifierProblem, MessageKey> = {
  empty: 'popup_id_reason_empty',
  length: 'popup_id_reason_length',
  characters: 'popup_id_reason_characters',
  format: 'popup_id_reason_format',
  'check-digit': 'popup_id_reason_check_digit',
  'no-check-digit': 'popup_id_reason_no_check_digit',
};

/** The query as a code, when it looks like one; null for names and people. */
export function codeOf(query: string): string | null {
  const code = normalizeIdentifier(query);
  // 13: the legacy 注册号 issued before 2007.
  return /^[0-9A-Z]{13,}$/.test(code) ? code : null;
}

export function IdCheck({ query }: { query: string }) {
  const code = codeOf(query);
  if (code === null) return null;
  const check = validateIdentifier(code);
  const kind = t(KIND[check.kind]);
  if (check.valid === null) {
    return (
      <p data-testid="id-check" className="id-check info" role="status">
        {t('popup_id_legacy')}
      </p>
    );
  }
  return (
    <p data-testid="id-check" className={check.valid ? 'id-check ok' : 'id-check warn'} role="status">
      {check.valid ? t('popup_id_valid', kind) : t('popup_id_invalid', kind, t(REASON[check.reason ?? 'format']))}
    </p>
  );
}
