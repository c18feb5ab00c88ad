/** Content scripts run beside untrusted pages: they may report a page, set or clear its badge, ask for a frame token, open the side panel beside their tab, send a page report and save its evidence. */
import { describe, expect, it } from 'vitest';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';
import { CreditLensDb } from '../storage/db.ts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Request } from './protocol.ts';
import { mayAsk } from './access.ts';

describe('who may ask what', () => {
  const types = Request.options.map((o) => o.shape.type.value);

  it('lets extension pages ask everything and content scripts only snapshot:save, the badge, a frame token, the side panel, a page report, evidence:save and a read\u2019s count', () => {
    expect(types.filter((type) => mayAsk(type, false)).sort()).toEqual([
      'badge:clear',
      'badge:unknown',
      'evidence:save',
      'frame:token',
      'pagereport:send',
      'reader:count',
      'sidepanel:open',
      'snapshot:save',
    ]);
    expect(types.every((type) => mayAsk(type, true))).toBe(true);
  });

  it('refuses a content script asking for notes, with a reason, and logs it', async () => {
    const log: string[] = [];
    const handle = router(handlersFor(new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange })), (line) => log.push(line));
    const answer = await handle({ type: 'notes:list', entityKey: '91330106MA27QX8BXF' }, { tabId: 3, extensionPage: false });
    expect(answer).toEqual({ ok: false, error: 'notes:list refused: content scripts may not ask for it', key: 'error_refused' });
    expect(log).toEqual(['notes:list refused: content scripts may not ask for it']);
  });
});
