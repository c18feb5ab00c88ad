// The options page's entry: wiring only. Messages go to the background, settings to browser.storage.local, and
// the export file to the browser's downloads through a temporary link.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { downloadText } from '../../ui/download.ts';
import { OptionsPage } from '../../features/options/OptionsPage.tsx';
import { localSettingsStore } from '../../features/options/settings-store.ts';
import type { Transport } from '../../messaging/client.ts';
import { t } from '../../ui/i18n.ts';
import '../../ui/theme.css';
import './style.css';

const transport: Transport = (message) => browser.runtime.sendMessage(message);

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('options_title');
  createRoot(root).render(
    <StrictMode>
      <OptionsPage transport={transport} store={localSettingsStore} download={downloadText} />
    </StrictMode>,
  );
}
