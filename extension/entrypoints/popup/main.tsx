// The popup's entry: wiring only. The page talks to the background by runtime messages and opens hits in a new tab;
// the start query comes from ?q= (the context menu opens popup.html?q=<selection>); hits are summarised with the
// stored rules settings.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LookupPage, initialQueryOf } from '../../features/lookup/LookupPage.tsx';
import { SettingsContext } from '../../ui/settings-context.ts';
import type { Transport } from '../../messaging/client.ts';
import { saveEvidenceOf } from '../../features/lookup/save-evidence.ts';
import { activeTabSource } from '../../ui/use-tab-entity.ts';
import { readRuleSettings } from '../../storage/items.ts';
import { t } from '../../ui/i18n.ts';
import '../../ui/theme.css';
import './style.css';

const transport: Transport = (message) => browser.runtime.sendMessage(message);
const openUrl = (url: string) => void browser.tabs.create({ url });

// 保存取证 of the tab the toolbar popup belongs to.
const saveEvidence = saveEvidenceOf(transport, activeTabSource().current);
/** Opened by the context menu as a tab (popup.html?q=…), the popup is no toolbar popup: it has no current page to save. */
const inToolbar = !new URLSearchParams(location.search).has('q');

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('extName');
  const { value: settings } = await readRuleSettings();
  createRoot(root).render(
    <StrictMode>
      <SettingsContext value={settings}>
        <LookupPage
          transport={transport}
          openUrl={openUrl}
          initialQuery={initialQueryOf(location.search)}
          openLedger={() => openUrl(browser.runtime.getURL('/ledger.html'))}
          {...(inToolbar ? { saveEvidence } : {})}
        />
      </SettingsContext>
    </StrictMode>,
  );
}
