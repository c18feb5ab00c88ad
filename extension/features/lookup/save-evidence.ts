/**
 * 保存取证 of a tab, from an extension page (the toolbar popup, the side panel). The page capture permission (MHTML) is
 * asked for first, before any await: the browser lets an extension page ask only within the click's gesture.
 * Declined, the evidence has no MHTML. `tabId`: the tab the page acts for (the active tab of its window).
 */
import { browser } from 'wxt/browser';
import { request, type Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import { UserError } from '../../ui/errors.ts';

export function saveEvidenceOf(transport: Transport, tabId: () => Promise<number | null>): () => Promise<Response<'evidence:tab'>> {
  return () => {
    const asked = import.meta.env.FIREFOX
      ? Promise.resolve(false)
      : browser.permissions.request({ permissions: ['pageCapture'] }).catch(() => false);
    return asked.then(async () => {
      const id = await tabId();
      if (id === null) throw new UserError('evidence_no_page');
      return request(transport, { type: 'evidence:tab', tabId: id });
    });
  };
}
