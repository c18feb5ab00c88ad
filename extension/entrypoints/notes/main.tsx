// The notes frame's entry: wiring only. The overlay opens notes.html?key=<entity key>&name=<entity name>&rep=<legal
// representative> in an iframe of the extension's origin; the query is untrusted (the page could forge a frame), so
// it is parsed.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { NotesFrame, entityRefOf } from '../../components/NotesFrame.tsx';
import { t } from '../../ui/i18n.ts';
import './style.css';

const Query = z.object({ key: z.string().min(1).max(300), name: z.string().max(300).default(''), rep: z.string().max(100).default('') });
const query = Query.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
const root = document.getElementById('root');
document.title = t('notes_title');
if (root && query.success) {
  createRoot(root).render(
    <StrictMode>
      <NotesFrame transport={(m) => browser.runtime.sendMessage(m)} entity={entityRefOf(query.data)}
        now={() => new Date().toISOString()} newId={() => crypto.randomUUID()}
        ledgerUrl={browser.runtime.getURL('/ledger.html')} />
    </StrictMode>,
  );
} else if (root) {
  root.textContent = t('notes_error', 'key');
}
