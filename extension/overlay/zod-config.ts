/**
 * zod's settings for the content scripts, imported by each of them before anything else: their schemas are built
 * when the modules are evaluated (at document_start, before the page's DOMContentLoaded), and read these settings then.
 * - jitless: zod would otherwise probe `new Function` when building the first object schema. A content script may not
 *   evaluate code (the extension's CSP), so the probe fails — after the browser has reported a
 *   `securitypolicyviolation` to the page — and zod runs its interpreter anyway.
 * - English messages: zod/mini carries none of its own ("Invalid input" for every problem); classic zod, which the rest
 *   of the extension imports, sets these. The content scripts use only zod/mini: the same English, for the same problems.
 */
import * as z from 'zod/mini';

z.config({ ...z.locales.en(), jitless: true });
