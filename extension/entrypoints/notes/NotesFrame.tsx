/**
 * The notes frame (notes.html): the user's private notes on the entity and, below them, the team's record of it.
 * Owns the team polling, so the private notes know whether 分享给团队 is offered and the team panel shows a shared
 * note at once.
 */
import { FrameGuard, type GuardState } from '../../frames/WriteGuard.tsx';
import { request, type Transport } from '../../messaging/client.ts';
import type { Note } from '../../storage/contract.ts';
import { NotesPanel } from '../../features/notes/NotesPanel.tsx';
import { TeamPanel, type EntityRef } from '../../features/team/TeamPanel.tsx';
import { useTeamEntity } from '../../features/team/use-team-entity.ts';
import { t } from '../../ui/i18n.ts';

export interface NotesFrameProps {
  transport: Transport;
  entity: EntityRef;
  now(): string;
  newId(): string;
  /** How often the team record is asked for; tests shorten it. */
  pollMs?: number;
  /** The team ledger page's address: a link opens it in a new tab (absent: no link). */
  ledgerUrl?: string;
  /** Whether this frame may write now: its grant, its visibility (frames/). */
  guard: GuardState;
}

/** The entity of notes.html?key=…&name=…&rep=… (the USCC is the key unless the key is a name key). */
export function entityRefOf(query: { key: string; name: string; rep: string }): EntityRef {
  return {
    key: query.key,
    name: query.name,
    ...(query.key.startsWith('name:') ? {} : { uscc: query.key }),
    ...(query.rep === '' ? {} : { legalRepresentative: query.rep }),
  };
}

export function NotesFrame({ transport, entity, now, newId, pollMs, ledgerUrl, guard }: NotesFrameProps) {
  const view = useTeamEntity(transport, entity.key, pollMs);
  const status = view.answer?.status;
  const share =
    status && status.state !== 'not-configured'
      ? {
          disabled: status.claims?.role === 'readonly',
          run: async (note: Note) => {
            await request(transport, {
              type: 'team:note-share',
              noteId: note.id,
              entity: { name: entity.name, uscc: entity.uscc, legalRepresentative: entity.legalRepresentative },
            });
            view.refresh();
          },
        }
      : undefined;
  return (
    <FrameGuard state={guard}>
      <NotesPanel transport={transport} entityKey={entity.key} entityName={entity.name} now={now} newId={newId} share={share} />
      <TeamPanel transport={transport} entity={entity} view={view} newId={newId} />
      {ledgerUrl && status && status.state !== 'not-configured' && (
        <p className="ledger-link">
          <a href={ledgerUrl} target="_blank" rel="noopener" data-testid="open-ledger">
            {t('ledger_open')}
          </a>
        </p>
      )}
    </FrameGuard>
  );
}
