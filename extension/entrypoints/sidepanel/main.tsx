// The side panel's entry: wiring only. It shows the active tab of its window; sidepanel.html?tab=<id> pins it to one
// tab (the e2e tests open it so in a tab of their own: headless Chromium draws no side panel to drive).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../components/SidePanel.tsx';
import { browserTabSource } from '../../components/use-tab-entity.ts';
import { t } from '../../ui/i18n.ts';
import '../notes/style.css';
import './style.css';

const Pinned = z.object({ tab: z.coerce.number().int().min(0).optional() });
const pinned = Pinned.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
const transport = (message: unknown) => browser.runtime.sendMessage(message);
const root = document.getElementById('root');
document.title = t('sidepanel_title');

if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanel transport={transport} tabs={browserTabSource(pinned.success ? pinned.data.tab ?? null : null)}
        now={() => new Date().toISOString()} newId={() => crypto.randomUUID()} ledgerUrl={browser.runtime.getURL('/ledger.html')} />
    </StrictMode>,
  );
}
