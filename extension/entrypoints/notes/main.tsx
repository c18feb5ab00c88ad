// The notes frame's entry: wiring only. The overlay opens notes.html?key=<entity key>&name=<entity name>&rep=<legal
// representative> in an iframe of the extension's origin and posts it a frame token; the query is untrusted (the page
// could forge a frame), so it is parsed, and the frame writes only once the background has accepted a token.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { browser } from 'wxt/browser';
import { NotesFrame, entityRefOf } from './NotesFrame.tsx';
import { awaitFrameGrant } from '../../frames/frame-token.ts';
import { GrantWatch, claimFrame, useFrameGrant } from '../../frames/use-frame-grant.ts';
import { canTrackVisibility, useVisibleToUser } from '../../frames/use-visible.ts';
import { t } from '../../ui/i18n.ts';
import './style.css';

const Query = z.object({ key: z.string().min(1).max(300), name: z.string().max(300).default(''), rep: z.string().max(100).default('') });
const query = Query.safeParse(Object.fromEntries(new URLSearchParams(location.search)));
const transport = (message: unknown) => browser.runtime.sendMessage(message);
const root = document.getElementById('root');
document.title = t('notes_title');

function App({ entity, claim }: { entity: ReturnType<typeof entityRefOf>; claim: GrantWatch }) {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const grant = useFrameGrant(claim);
  const visible = useVisibleToUser(frame);
  // Without visibility tracking (the Firefox build), every write from the frame is confirmed first.
  const guard = { grant, visible, confirmEveryWrite: !canTrackVisibility() };
  return (
    <div className="frame" ref={setFrame}>
      <NotesFrame
        transport={transport}
        entity={entity}
        guard={guard}
        now={() => new Date().toISOString()}
        newId={() => crypto.randomUUID()}
        ledgerUrl={browser.runtime.getURL('/ledger.html')}
      />
    </div>
  );
}

if (root && query.success) {
  const claim = new GrantWatch();
  const key = query.data.key;
  awaitFrameGrant(window, (token) => claimFrame(transport, key, token), claim.set);
  createRoot(root).render(
    <StrictMode>
      <App entity={entityRefOf(query.data)} claim={claim} />
    </StrictMode>,
  );
} else if (root) {
  root.textContent = t('notes_error', 'key');
}
