/**
 * One entity's team record, editable: status, domain, assignee, tags, what the 工作情况表 counts (ReportFacts), and
 * the notes thread. Every change is one team:* message (the background writes through core's checked helpers); the
 * view is redrawn from the next answer, so what is shown is always what the document holds. A readonly user sees the same, with every control disabled.
 * Texts from the document (other people's notes, tags, user ids) are React text, never markup.
 */
import { useState } from 'react';
import { CaseStatus, Domain, type TeamEntity } from '#core';
import type { RequestOf } from '../../messaging/protocol.ts';
import { useWriteGuard } from '../../frames/WriteGuard.tsx';
import { t } from '../../ui/i18n.ts';
import { localDateTime } from '../../ui/format.ts';
import { ReportFacts, type ReportFactsRequest } from '../../ui/ReportFacts.tsx';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';

export type TeamWriteRequest = RequestOf<'team:update' | 'team:tag-add' | 'team:tag-remove' | 'team:note-add'> | ReportFactsRequest;

export interface TeamRecordViewProps {
  entityKey: string;
  record: TeamEntity;
  readonly: boolean;
  /** The token's user, for 由我承办. */
  me: string;
  /** Sends one write; resolves true when it was done (failures are shown by the panel). */
  write(message: TeamWriteRequest): Promise<boolean>;
  newId(): string;
}

export function TeamRecordView({ entityKey, record, readonly, me, write, newId }: TeamRecordViewProps) {
  const [assignee, setAssignee] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [note, setNote] = useState('');
  const guard = useWriteGuard();
  // Every button that writes is off while the frame may not write (not ours, or not visible to the user).
  const off = readonly || !guard.canWrite;
  const setStatus = (value: string) => update({ status: value === '' ? null : CaseStatus.parse(value) });
  const setDomain = (value: string) => update({ domain: value === '' ? null : Domain.parse(value) });
  const update = (patch: RequestOf<'team:update'>['patch']) => write({ type: 'team:update', entityKey, patch });

  const saveAssignee = async (value: string) => {
    if (await update({ assignee: value.trim() === '' ? null : value.trim() })) setAssignee(null);
  };
  const addTag = async () => {
    if (tag.trim() !== '' && (await write({ type: 'team:tag-add', entityKey, tag: tag.trim() }))) setTag('');
  };
  const addNote = async () => {
    if (note.trim() !== '' && (await write({ type: 'team:note-add', entityKey, id: newId(), text: note }))) setNote('');
  };

  return (
    <div className="team-record" data-testid="team-record">
      <label className="team-field">
        {t('team_status_label')}
        <select
          data-testid="team-status"
          disabled={off}
          value={record.status ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            guard.act(
              e,
              `${t('team_status_label')} ${value === '' ? t('team_unset') : t(CASE_STATUS_LABEL[CaseStatus.parse(value)])}`,
              () => void setStatus(value),
            );
          }}
        >
          <option value="">{t('team_unset')}</option>
          {CaseStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(CASE_STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <label className="team-field">
        {t('team_domain_label')}
        <select
          data-testid="team-domain"
          disabled={off}
          value={record.domain ?? ''}
          onChange={(e) => {
            const value = e.target.value;
            guard.act(
              e,
              `${t('team_domain_label')} ${value === '' ? t('team_unset') : t(`domain_${Domain.parse(value)}`)}`,
              () => void setDomain(value),
            );
          }}
        >
          <option value="">{t('team_unset')}</option>
          {Domain.options.map((d) => (
            <option key={d} value={d}>
              {t(`domain_${d}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="team-field">
        {t('team_assignee_label')}
        <input
          data-testid="team-assignee"
          disabled={readonly}
          maxLength={100}
          placeholder={t('team_assignee_placeholder')}
          value={assignee ?? record.assignee ?? ''}
          onChange={(e) => setAssignee(e.target.value)}
        />
        <button
          type="button"
          data-testid="team-assignee-save"
          disabled={off || assignee === null}
          onClick={(e) => guard.act(e, `${t('team_assignee_label')} ${assignee ?? ''}`, () => void saveAssignee(assignee ?? ''))}
        >
          {t('team_save')}
        </button>
        <button
          type="button"
          data-testid="team-assign-me"
          disabled={off || record.assignee === me}
          onClick={(e) => guard.act(e, t('team_assign_me'), () => void saveAssignee(me))}
        >
          {t('team_assign_me')}
        </button>
      </div>
      <div className="team-field">
        {t('team_tags_label')}
        <span className="team-tags">
          {record.tags.map((name) => (
            <span key={name} className="tag" data-testid="team-tag">
              {name}
              <button
                type="button"
                className="tag-remove"
                disabled={off}
                aria-label={t('team_tag_remove', name)}
                title={t('team_tag_remove', name)}
                onClick={(e) =>
                  guard.act(e, t('team_tag_remove', name), () => void write({ type: 'team:tag-remove', entityKey, tag: name }))
                }
              >
                ×
              </button>
            </span>
          ))}
        </span>
        <input
          data-testid="team-tag-input"
          disabled={readonly}
          maxLength={50}
          placeholder={t('team_tag_placeholder')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && guard.act(e, `${t('team_tag_add')} ${tag}`, () => void addTag())}
        />
        <button
          type="button"
          data-testid="team-tag-add"
          disabled={off}
          onClick={(e) => guard.act(e, `${t('team_tag_add')} ${tag}`, () => void addTag())}
        >
          {t('team_tag_add')}
        </button>
      </div>
      <ReportFacts entityKey={entityKey} record={record} off={off} act={guard.act} write={write} newId={newId} />
      <h3>{t('team_notes_label')}</h3>
      {record.notes.length === 0 ? (
        <p className="empty">{t('team_notes_empty')}</p>
      ) : (
        <ul className="team-notes">
          {record.notes.map((n) => (
            <li key={n.id} data-testid="team-note">
              <p className="meta">{t('team_note_meta', n.author, localDateTime(n.at))}</p>
              <p className="text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <textarea
        data-testid="team-note-text"
        disabled={readonly}
        rows={3}
        maxLength={20_000}
        placeholder={t('team_note_placeholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button
        type="button"
        data-testid="team-note-add"
        disabled={off}
        onClick={(e) => guard.act(e, t('team_note_add'), () => void addNote())}
      >
        {t('team_note_add')}
      </button>
      <p className="meta" data-testid="team-updated">
        {t('team_updated', record.updatedBy, localDateTime(record.updatedAt))}
      </p>
    </div>
  );
}
