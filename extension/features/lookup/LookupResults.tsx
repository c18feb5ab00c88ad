/**
 * What the popup lists under the search box: the recently viewed entities for an empty query, else the entities, the
 * notes and the team's records that match. Notes are shown as React text and cut to a preview.
 */
import type { Transport } from '../../messaging/client.ts';
import type { Note, Snapshot } from '../../storage/contract.ts';
import { t } from '../../ui/i18n.ts';
import { localDateTime } from '../../ui/format.ts';
import { HitCard } from '../../ui/HitCard.tsx';
import { TeamHitCard } from './TeamHitCard.tsx';
import type { LookupState } from './use-lookup.ts';

const PREVIEW = 140;

function Hits({ hits, openUrl, transport }: { hits: Snapshot[]; openUrl: (url: string) => void; transport?: Transport }) {
  return (
    <ul className="hits">
      {hits.map((hit) => (
        <HitCard key={`${hit.entityKey} ${hit.observedAt}`} hit={hit} openUrl={openUrl} transport={transport} />
      ))}
    </ul>
  );
}

function NoteItem({ note }: { note: Note }) {
  const text = note.text.length > PREVIEW ? `${note.text.slice(0, PREVIEW)}…` : note.text;
  return (
    <li data-testid="lookup-note" className="note">
      <div className="note-text">{text}</div>
      <div className="hit-meta">
        <span className="hit-key">{note.entityKey}</span> · {t('notes_edited', localDateTime(note.editedAt))}
        {note.tags.length > 0 && <> · {note.tags.join(t('list_separator'))}</>}
      </div>
    </li>
  );
}

export function LookupResults({
  state,
  openUrl,
  transport,
}: {
  state: LookupState;
  openUrl: (url: string) => void;
  transport?: Transport;
}) {
  switch (state.kind) {
    case 'loading':
    case 'error':
      // The error line is shown above the results by the page; nothing stale is listed under it.
      return null;
    case 'recent':
      return (
        <section data-testid="recent-list">
          <h2>{t('popup_recent')}</h2>
          {state.hits.length === 0 ? (
            <p className="empty">{t('popup_recent_empty')}</p>
          ) : (
            <Hits hits={state.hits} openUrl={openUrl} transport={transport} />
          )}
        </section>
      );
    case 'found':
      if (state.hits.length === 0 && state.notes.length === 0 && state.team.hits.length === 0) {
        return (
          <>
            {state.team.error !== null && (
              <p className="error" data-testid="team-lookup-error">
                {t('popup_team_error', state.team.error)}
              </p>
            )}
            <p className="empty" data-testid="no-hits">
              {t('popup_no_hits', state.query)}
            </p>
          </>
        );
      }
      return (
        <>
          {state.hits.length > 0 && (
            <section data-testid="hit-list">
              <h2>{t('popup_hits', state.hits.length)}</h2>
              <Hits hits={state.hits} openUrl={openUrl} transport={transport} />
            </section>
          )}
          {state.notes.length > 0 && (
            <section data-testid="note-list">
              <h2>{t('popup_notes', state.notes.length)}</h2>
              <ul className="notes">
                {state.notes.map((note) => (
                  <NoteItem key={note.id} note={note} />
                ))}
              </ul>
            </section>
          )}
          {state.team.hits.length > 0 && (
            <section data-testid="team-hit-list">
              <h2>{t('popup_team_hits', state.team.hits.length)}</h2>
              <ul className="hits">
                {state.team.hits.map((hit) => (
                  <TeamHitCard key={hit.key} hit={hit} />
                ))}
              </ul>
            </section>
          )}
          {state.team.error !== null && (
            <p className="error" data-testid="team-lookup-error">
              {t('popup_team_error', state.team.error)}
            </p>
          )}
        </>
      );
  }
}
