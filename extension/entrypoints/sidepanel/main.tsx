// The side panel's entry: wiring only. It shows the entity of the active tab of its own window.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidePanel } from './SidePanel.tsx';
import { saveEvidenceOf } from '../../features/lookup/save-evidence.ts';
import { activeTabSource } from '../../ui/use-tab-entity.ts';
import { t } from '../../ui/i18n.ts';
import '../notes/style.css';
import './style.css';

const transport = (message: unknown) => browser.runtime.sendMessage(message);
const tabs = activeTabSource();
const root = document.getElementById('root');
document.title = t('sidepanel_title');

if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanel
        transport={transport}
        tabs={tabs}
        now={() => new Date().toISOString()}
        newId={() => crypto.randomUUID()}
        ledgerUrl={browser.runtime.getURL('/ledger.html')}
        saveEvidence={saveEvidenceOf(transport, () => tabs.current())}
      />
    </StrictMode>,
  );
}
