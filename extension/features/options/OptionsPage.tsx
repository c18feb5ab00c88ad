/**
 * The options page: rule settings, the team server, the team's site rules and reader health, retention, export/import and wipe of the local data, each in its
 * own panel.
 * Everything outside the page comes in as props — the message transport, the settings store and the download —
 * so only the entry point touches `browser`.
 */
import type { Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import { DataPanel } from './DataPanel.tsx';
import type { Download } from '../../ui/download.ts';
import { RetentionPanel } from './RetentionPanel.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { SiteRulesPanel } from './SiteRulesPanel.tsx';
import type { SettingsStore } from './settings-store.ts';
import { TeamServerPanel } from './TeamServerPanel.tsx';
import { WipePanel } from './WipePanel.tsx';

export interface OptionsPageProps {
  transport: Transport;
  store: SettingsStore;
  download: Download;
}

export function OptionsPage({ transport, store, download }: OptionsPageProps) {
  return (
    <main className="options">
      <h1>{t('options_title')}</h1>
      <SettingsForm store={store} />
      <TeamServerPanel transport={transport} />
      <SiteRulesPanel transport={transport} />
      <RetentionPanel store={store} transport={transport} />
      <DataPanel transport={transport} download={download} />
      <WipePanel transport={transport} />
    </main>
  );
}
