/** The overlay on Credit China (creditchina.gov.cn); matches come from the site adapter (core/sites). */
// First: zod's settings, read when the schemas below are built.
import '../overlay/zod-config.ts';
import { creditchinaGovCn as site } from '#core/page';
import { startOverlay } from '../overlay/start.ts';

export default defineContentScript({
  matches: [...site.matchPatterns],
  // Compiled and set up while the page loads; it reads the page at DOMContentLoaded (overlay/start.ts).
  runAt: 'document_start',
  main: (ctx) => startOverlay(ctx, site),
});
