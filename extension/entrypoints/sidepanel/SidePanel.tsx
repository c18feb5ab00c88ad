/**
 * The side panel (sidepanel.html, Chromium 114+): the private notes and the team record of the entity the active tab
 * shows, beside the page rather than over it, following tab switches and navigations; 保存取证 of that page.
 */
import type { GuardState } from '../../frames/WriteGuard.tsx';
import type { Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import { EvidenceButton } from '../../features/lookup/EvidenceButton.tsx';
import { t } from '../../ui/i18n.ts';
import { NotesFrame } from '../notes/NotesFrame.tsx';
import { useTabEntity, type TabSource } from '../../ui/use-tab-entity.ts';

/**
 * No page can frame, cover or script the side panel (it is not web-accessible), so it needs no frame grant and is
 * always visible when shown; clicks must still be the user's own (FrameGuard checks `isTrusted`).
 */
export const SIDE_PANEL_GUARD: GuardState = { grant: 'granted', visible: true, confirmEveryWrite: false };

export interface SidePanelProps {
  transport: Transport;
  tabs: TabSource;
  now(): string;
  newId(): string;
  ledgerUrl?: string;
  /** How often the tab's entity and team record are asked for; tests shorten it. */
  pollMs?: number;
  /** 保存取证 of the tab shown (absent: no button). */
  saveEvidence?: () => Promise<Response<'evidence:tab'>>;
}

export function SidePanel({ transport, tabs, now, newId, ledgerUrl, pollMs, saveEvidence }: SidePanelProps) {
  const view = useTabEntity(transport, tabs, pollMs);
  if (view.state === 'loading') return null;
  if (view.state === 'error')
    return (
      <p className="error" role="alert">
        {t('notes_error', view.error)}
      </p>
    );
  if (view.state === 'none') {
    return (
      <div className="notes" data-testid="sidepanel-no-entity">
        <h1>{t('sidepanel_no_entity')}</h1>
        <p className="hint">{t('sidepanel_no_entity_hint')}</p>
      </div>
    );
  }
  // Keyed by the entity: another entity's notes start afresh (no text typed for one is saved to the other), and an
  // answer about the evidence of one page is not shown under another's.
  return (
    <>
      {saveEvidence && (
        <div className="sidepanel-evidence">
          <EvidenceButton key={view.entity.key} save={saveEvidence} />
        </div>
      )}
      <NotesFrame
        key={view.entity.key}
        transport={transport}
        entity={view.entity}
        guard={SIDE_PANEL_GUARD}
        now={now}
        newId={newId}
        pollMs={pollMs}
        ledgerUrl={ledgerUrl}
      />
    </>
  );
}
