/** The overlay on gsxt.gov.cn and its provincial sub-sites; matches come from the site adapter (core/sites). */
// First: zod's settings, read when the schemas below are built.
import '../features/overlay/zod-config.ts';
import { adapter as site } from '#core/sites/gsxt-gov-cn';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '../features/overlay/start.ts';

export default defineContentScript({
  matches: [...site.matchPatterns],
  // Compiled and set up while the page loads; it reads the page at DOMContentLoaded (features/overlay/start.ts).
  runAt: 'document_start',
  main: (ctx) => startOverlay(ctx, site),
});
