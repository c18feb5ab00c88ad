/** Where the repository and the built extension are, wherever the checkout lives. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** WXT's Chrome MV3 output, loaded unpacked by the e2e browser. */
export const EXTENSION_DIR = `${ROOT}.output/chrome-mv3`;
/** WXT's Firefox (MV2) output, checked by the manifest test. */
export const FIREFOX_DIR = `${ROOT}.output/firefox-mv2`;
