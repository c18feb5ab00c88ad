/**
 * Extension code under vitest: WXT's fake browser has no i18n. The UI reads its messages from the bundled catalogs
 * (extension/ui/i18n.ts) and asks the browser only for its language: Chinese, the default locale. Reapplied before
 * each test: fakeBrowser.reset() clears it.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

function install(): void {
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'zh-CN' });
}

install();
beforeEach(install);
