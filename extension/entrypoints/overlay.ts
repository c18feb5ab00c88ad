/** The overlay, loaded by a site's content script after the page's first frame (features/overlay/loader.ts). */
// First: zod's settings, read when the schemas below are built.
import '../features/overlay/zod-config.ts';
import { siteById } from '#core/page';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { OVERLAY_START } from '../features/overlay/loader.ts';
import { startOverlay } from '../features/overlay/start.ts';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[OVERLAY_START] = (ctx: Parameters<typeof startOverlay>[0], id: string) =>
    startOverlay(ctx, siteById(id));
});
