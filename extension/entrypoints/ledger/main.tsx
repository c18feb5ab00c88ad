// The ledger page's entry: wiring only. The page talks to the background by runtime messages, opens the pages
// entities were seen on in new tabs, summarises snapshots with the stored rules settings and remembers the 填报单位.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { downloadFile } from '../../ui/download.ts';
import { LedgerPage } from '../../features/ledger/LedgerPage.tsx';
import { openImportWorker } from '../../features/ledger/import-worker-port.ts';
import { SettingsContext } from '../../ui/settings-context.ts';
import { readReportUnit, readRuleSettings, reportUnitItem } from '../../storage/items.ts';
import { t } from '../../ui/i18n.ts';
import '../../ui/theme.css';
import './style.css';

const root = document.getElementById('root');
if (root) {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = `${t('ledger_title')} · ${t('extName')}`;
  const { value: settings } = await readRuleSettings();
  const { value: unit } = await readReportUnit();
  const reportUnit = { initial: unit, save: (value: string) => void reportUnitItem.setValue(value) };
  createRoot(root).render(
    <StrictMode>
      <SettingsContext value={settings}>
        <LedgerPage
          transport={(m) => browser.runtime.sendMessage(m)}
          openUrl={(url) => void browser.tabs.create({ url })}
          download={downloadFile}
          now={() => new Date().toISOString()}
          newId={() => crypto.randomUUID()}
          reportUnit={reportUnit}
          openImportWorker={openImportWorker}
        />
      </SettingsContext>
    </StrictMode>,
  );
}
