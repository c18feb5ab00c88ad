// The person-link frame's entry: wiring only. The overlay opens links.html?key=<entity key>&rep=<legal
// representative> in an iframe of the extension's origin; the query is untrusted (a page could forge a frame), so it
// is parsed, and the answer is shown only here, never in the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { PersonLinks } from '../../features/links/PersonLinks.tsx';
import { t } from '../../ui/i18n.ts';
import './style.css';

const Query = z.object({ key: z.string().min(1).max(300), rep: z.string().min(1).max(100) });
const query = Query.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
const root = document.getElementById('root');
document.title = t('links_title');
if (root && query.success) {
  createRoot(root).render(
    <StrictMode>
      <PersonLinks
        transport={(m) => browser.runtime.sendMessage(m)}
        entityKey={query.data.key}
        person={query.data.rep}
        lookupUrl={(q) => `${browser.runtime.getURL('/popup.html')}?${new URLSearchParams({ q })}`}
      />
    </StrictMode>,
  );
} else if (root) {
  root.textContent = t('links_error', 'key, rep');
}
