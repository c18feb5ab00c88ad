/**
 * The team's side of the notes frame for the entity shown: the connection (and 只读), who else on the team is
 * looking at it now, and its team record — made with 加入团队台账 when the team has none, shown as invalid with its
 * problems when it does not parse, else editable (TeamRecordView). The state comes from the frame's polling
 * (use-team-entity.ts); each write asks for a fresh answer at once.
 */
import { useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import { useWriteGuard } from '../../frames/WriteGuard.tsx';
import { t } from '../../ui/i18n.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { detailText } from '../../ui/team-labels.ts';
import { messageOf } from '../../ui/format.ts';
import { TeamRecordView, type TeamWriteRequest } from './TeamRecordView.tsx';
import type { TeamEntityView } from './use-team-entity.ts';

/** The entity as the page showed it: what a new team record starts with. */
export interface EntityRef {
  key: string;
  name: string;
  uscc?: string;
  legalRepresentative?: string;
}

export interface TeamPanelProps {
  transport: Transport;
  entity: EntityRef;
  view: TeamEntityView;
  newId(): string;
}

export function TeamPanel({ transport, entity, view, newId }: TeamPanelProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const guard = useWriteGuard();
  const { answer } = view;
  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    try {
      await send();
      setFailure(null);
      return true;
    } catch (error) {
      setFailure(messageOf(error));
      return false;
    } finally {
      view.refresh();
    }
  };
  const write = (message: TeamWriteRequest) => run(() => request(transport, message));
  const create = () =>
    run(() =>
      request(transport, {
        type: 'team:create',
        entity: { name: entity.name, uscc: entity.uscc, legalRepresentative: entity.legalRepresentative },
      }),
    );

  const error = failure ?? view.error;
  const status = answer?.status;
  const readonly = status?.claims?.role === 'readonly';
  return (
    <section className="team" data-testid="team-panel">
      <h2>
        {t('team_title')} {status && <ConnectionIndicator status={status} />}
      </h2>
      {error !== null && (
        <p className="error" role="alert" data-testid="team-error">
          {t('team_error', error)}
        </p>
      )}
      {answer &&
        status &&
        (status.state === 'not-configured' ? (
          <p className="hint">{t('team_not_configured_hint')}</p>
        ) : (
          <>
            {readonly && <p className="hint">{t('team_readonly_hint')}</p>}
            {status.detail !== null && (
              <p className="hint" data-testid="team-detail">
                {t('options_team_detail', detailText(status.detail))}
              </p>
            )}
            {answer.viewers.length > 0 && (
              <p className="team-viewers" data-testid="team-viewers">
                {t('team_viewers', answer.viewers.join(t('list_separator')))}
              </p>
            )}
            {answer.record === null && (
              <>
                <p className="empty">{t('team_none')}</p>
                <button
                  type="button"
                  data-testid="team-create"
                  disabled={readonly || !guard.canWrite}
                  onClick={(e) => guard.act(e, t('team_create'), () => void create())}
                >
                  {t('team_create')}
                </button>
              </>
            )}
            {answer.record?.ok === false && (
              <div className="error" data-testid="team-invalid">
                {/* core's problems are English field checks: the user is told how many, not zod's words. */}
                <p>
                  {t('team_invalid')} {t('team_invalid_count', answer.record.problems.length)}
                </p>
              </div>
            )}
            {answer.record?.ok === true && status.claims && (
              <TeamRecordView
                entityKey={answer.record.key}
                record={answer.record.value}
                readonly={readonly}
                me={status.claims.sub}
                write={write}
                newId={newId}
              />
            )}
          </>
        ))}
    </section>
  );
}
