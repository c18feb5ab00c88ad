/**
 * Private notes on one entity, in the extension-origin frame the overlay opens (the host page cannot read it):
 * write a note with tags, see the entity's notes with when they were written and edited, edit or delete them, and —
 * when a team is configured — 分享给团队, the one way a private note reaches the team.
 * Everything goes through the background (notes:* messages); nothing is kept in the page.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Note } from '../../storage/contract.ts';
import { useWriteGuard } from '../../frames/WriteGuard.tsx';
import { t } from '../../ui/i18n.ts';
import { localDateTime, messageOf } from '../../ui/format.ts';

export interface NotesPanelProps {
  transport: Transport;
  entityKey: string;
  entityName: string;
  now(): string;
  newId(): string;
  /** 分享给团队: given when a team is configured; disabled for a readonly user. */
  share?: { disabled: boolean; run(note: Note): Promise<void> };
}

export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；]/)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ]
    .slice(0, 50)
    .map((tag) => tag.slice(0, 50));
}

export function NotesPanel({ transport, entityKey, entityName, now, newId, share }: NotesPanelProps) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [editing, setEditing] = useState<Note | null>(null);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState('');
  const guard = useWriteGuard();

  /** Bumped after each change: the list is then asked for again. */
  const [version, setVersion] = useState(0);
  const fail = (error: unknown) => setStatus(t('notes_error', messageOf(error)));
  useEffect(() => {
    // An answer arriving after the frame closed (or the entity changed) is dropped.
    let current = true;
    request(transport, { type: 'notes:list', entityKey }).then(
      (answer) => current && setNotes([...answer.notes].reverse()),
      (error: unknown) => current && fail(error),
    );
    return () => {
      current = false;
    };
  }, [transport, entityKey, version]);
  const load = async () => setVersion((v) => v + 1);

  const save = async () => {
    if (text.trim() === '') return;
    const at = now();
    const note: Note = editing
      ? { ...editing, text, tags: tagsOf(tags), editedAt: at }
      : { id: newId(), entityKey, text, tags: tagsOf(tags), createdAt: at, editedAt: at };
    await request(transport, { type: 'notes:save', note });
    setEditing(null);
    setText('');
    setTags('');
    setStatus(t('notes_saved'));
    await load();
  };
  const edit = (note: Note) => {
    setEditing(note);
    setText(note.text);
    setTags(note.tags.join(t('tag_separator')));
  };
  const remove = async (note: Note) => {
    await request(transport, { type: 'notes:delete', id: note.id });
    await load();
  };

  return (
    <main className="notes">
      <h1>{t('notes_title')}</h1>
      <p className="entity" data-testid="notes-entity">
        {entityName}
      </p>
      <textarea
        data-testid="note-text"
        value={text}
        placeholder={t('notes_placeholder')}
        rows={4}
        maxLength={100_000}
        onChange={(e) => setText(e.target.value)}
      />
      <input data-testid="note-tags" value={tags} placeholder={t('notes_tags')} onChange={(e) => setTags(e.target.value)} />
      <button
        type="button"
        data-testid="note-save"
        disabled={!guard.canWrite}
        onClick={(e) => guard.act(e, t('notes_save'), () => void save().catch(fail))}
      >
        {t('notes_save')}
      </button>
      <span className="status" role="status" data-testid="notes-status">
        {status}
      </span>
      {notes.length === 0 ? (
        <p className="empty">{t('notes_empty')}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id} data-testid="note-item">
              <p className="text">{note.text}</p>
              {note.tags.length > 0 && (
                <p className="tags">
                  {note.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </p>
              )}
              <p className="meta">
                {t('notes_created', localDateTime(note.createdAt))}
                {note.editedAt !== note.createdAt && ` · ${t('notes_edited', localDateTime(note.editedAt))}`}
              </p>
              <button type="button" onClick={() => edit(note)}>
                {t('notes_edit')}
              </button>
              <button
                type="button"
                data-testid="note-delete"
                disabled={!guard.canWrite}
                onClick={(e) => guard.act(e, t('notes_delete'), () => void remove(note).catch(fail))}
              >
                {t('notes_delete')}
              </button>
              {share && (
                // A private note becomes the whole team's: always asked first.
                <button
                  type="button"
                  data-testid="note-share"
                  disabled={share.disabled || !guard.canWrite}
                  onClick={(e) =>
                    guard.act(
                      e,
                      t('team_share'),
                      () => void share.run(note).then(() => setStatus(t('team_shared')), fail),
                      t('frame_confirm_share'),
                    )
                  }
                >
                  {t('team_share')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
