/** The overlay on gsxt.gov.cn and its provincial sub-sites: only its loader runs with the page (features/overlay/loader.ts). */
import { SITE_MATCHES } from '#core/sites/site-ids';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadOverlay } from '../features/overlay/loader.ts';

export default defineContentScript({
  matches: [...SITE_MATCHES['gsxt-gov-cn']],
  // After DOMContentLoaded, and the loader waits for the page's first frame: the page never waits for us.
  runAt: 'document_end',
  main: (ctx) => loadOverlay(ctx, 'gsxt-gov-cn'),
});
