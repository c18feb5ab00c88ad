/**
 * Injected by the background (scripting.executeScript) into a credit page's isolated world when 保存取证 is asked
 * for; its value is the page's reading for the evidence ZIP (overlay/evidence-reading.ts), null when there is none.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { evidenceReading } from '../features/overlay/evidence-reading.ts';

export default defineUnlistedScript(() => evidenceReading(document, Date.now(), window.sessionStorage));
