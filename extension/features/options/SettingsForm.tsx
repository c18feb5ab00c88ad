/**
 * The rule settings of the options page: loaded from the store (a stored value that no longer parses is reported and
 * the defaults are shown), checked by RuleSettings before anything is written, so an invalid entry is refused with
 * its reason and the stored settings stay as they were. "恢复默认" writes {} (every default of docs/rules.md §3).
 */
import { DEFAULT_SETTINGS, RuleSettings, type RuleSettingsInput } from '#core';
import { useEffect, useState } from 'react';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { issueLines } from '../../ui/issues.ts';
import { messageOf } from '../../ui/format.ts';
import { SettingFields } from './SettingFields.tsx';
import { fromDraft, toDraft, type Draft } from './settings-draft.ts';
import { settingLabel } from '../../storage/items.ts';
import type { SettingsStore } from './settings-store.ts';
import { Status, type StatusLine } from '../../ui/Status.tsx';

export function SettingsForm({ store }: { store: SettingsStore }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<StatusLine>(null);

  useEffect(() => {
    let current = true;
    store.readRules().then(
      ({ value, problem }) => {
        if (!current) return;
        setDraft(toDraft(value));
        if (problem !== null) setStatus({ tone: 'error', text: t('options_stored_problem', problem) });
      },
      (error: unknown) => current && setStatus({ tone: 'error', text: t('options_error', messageOf(error)) }),
    );
    return () => {
      current = false;
    };
  }, [store]);

  const write = async (value: RuleSettingsInput, done: MessageKey) => {
    try {
      await store.writeRules(value);
      setStatus({ tone: 'ok', text: t(done) });
    } catch (error) {
      setStatus({ tone: 'error', text: t('options_error', messageOf(error)) });
    }
  };
  const save = () => {
    if (draft === null) return;
    const parsed = RuleSettings.safeParse(fromDraft(draft));
    if (!parsed.success) {
      setStatus({ tone: 'error', text: t('options_invalid', issueLines(parsed.error.issues, settingLabel).join(t('problem_separator'))) });
      return;
    }
    void write(parsed.data, 'options_saved');
  };
  const reset = () => {
    setDraft(toDraft(DEFAULT_SETTINGS));
    void write({}, 'options_reset_done');
  };

  return (
    <section className="panel">
      <h2>{t('options_rules_title')}</h2>
      <p className="hint">{t('options_rules_intro')}</p>
      {draft === null ? <p>{t('options_loading')}</p> : <SettingFields draft={draft} onChange={setDraft} />}
      <div className="buttons">
        <button type="button" data-testid="settings-save" className="primary" disabled={draft === null} onClick={save}>
          {t('options_save')}
        </button>
        <button type="button" data-testid="settings-reset" disabled={draft === null} onClick={reset}>
          {t('options_reset')}
        </button>
      </div>
      <Status line={status} testId="settings-status" />
    </section>
  );
}
