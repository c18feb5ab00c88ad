/**
 * zod's settings for the content scripts, imported by each of them before anything else: their schemas are built
 * when the modules are evaluated (at document_start, before the page's DOMContentLoaded), and read these settings then.
 * - jitless: zod would otherwise probe `new Function` when building the first object schema. A content script may not
 *   evaluate code (the extension's CSP), so the probe fails — after the browser has reported a
 *   `securitypolicyviolation` to the page — and zod runs its interpreter anyway.
 * - No message locale: zod/mini carries none ("Invalid input" for every problem), and English messages would cost
 *   the script 1.5 KB gzipped for text that only reaches the console (users read the overlay's own Chinese
 *   messages); a problem's path and code still say what was wrong.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
