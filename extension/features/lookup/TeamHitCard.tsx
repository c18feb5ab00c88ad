/**
 * One team record found in the popup: the entity, where the team stands with it (status, assignee, tags), and who
 * changed it last. Everything comes from the team document and is shown as React text.
 */
import { t } from '../../ui/i18n.ts';
import { localDateTime } from '../../ui/format.ts';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';
import type { TeamHit } from './use-lookup.ts';

export function TeamHitCard({ hit }: { hit: TeamHit }) {
  const { value } = hit;
  return (
    <li data-testid="team-hit" className="hit">
      <div className="hit-name">{value.name}</div>
      <div className="hit-key">{hit.key}</div>
      <dl className="hit-facts">
        <dt>{t('team_status_label')}</dt>
        <dd data-testid="team-hit-status">{t(value.status ? CASE_STATUS_LABEL[value.status] : 'team_unset')}</dd>
        {value.assignee !== null && (
          <>
            <dt>{t('team_assignee_label')}</dt>
            <dd>{value.assignee}</dd>
          </>
        )}
        {value.tags.length > 0 && (
          <>
            <dt>{t('team_tags_label')}</dt>
            <dd>{value.tags.join(t('list_separator'))}</dd>
          </>
        )}
      </dl>
      <div className="hit-meta">{t('team_updated', value.updatedBy, localDateTime(value.updatedAt))}</div>
    </li>
  );
}
