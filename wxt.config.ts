import { defineConfig } from 'wxt';
import { allMatchPatterns } from '#core';
import { MINIMUM_CHROME_VERSION } from './extension/compat.ts';

// Set only by `npm run package` (cli/package/package.ts): the public key (base64 DER SPKI) that fixes the extension id,
// the update URL on the agency's sync server, and a folder apart from .output/chrome-mv3. Ordinary builds have none.
const packaging = process.env.CREDITLENS_PACKAGE_KEY
  ? {
      key: process.env.CREDITLENS_PACKAGE_KEY,
      update_url: process.env.CREDITLENS_PACKAGE_UPDATE_URL,
      outDir: process.env.CREDITLENS_PACKAGE_OUT_DIR,
    }
  : undefined;

// The extension's sources live under extension/: one package, one wxt.config.ts at the root.
// Core is reached as '#core' (package.json "imports"), which Node, Vite and TypeScript all resolve.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react'],
  // Every import explicit: no ambient globals from our folders or WXT (browser, storage, defineContentScript, …).
  imports: false,
  webExt: { disabled: true },
  ...(packaging?.outDir ? { outDir: packaging.outDir } : {}),
  // Syntax is lowered to the oldest browser we support (extension/compat.ts); Firefox gets its ESR's.
  vite: (env) => ({ build: { target: env.browser === 'firefox' ? 'firefox115' : `chrome${MINIMUM_CHROME_VERSION}` } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Least that works (docs/user/extension.md, 权限及理由): storage for settings, contextMenus for 在信用透镜中查询; host access
    // only to the credit sites, from the adapters' own match patterns (core/sites), never typed twice. Notes and
    // snapshots live in IndexedDB, which needs no permission. WXT adds sidePanel to the Chromium build for the
    // sidepanel entrypoint (notes beside the page; excluded from the Firefox build, which keeps the frame).
    // 保存取证 (docs/adr/0014-evidence-download.md): downloads saves its ZIP (and a page report that could not be sent); the
    // page's reading comes from the tab's overlay by message (docs/adr/0018). pageCapture (the page as MHTML) is optional,
    // asked for by the popup's or side panel's 保存取证 on the user's click; Firefox has no pageCapture.
    // alarms: the team's site rules are checked every 30 minutes while the service worker sleeps in between.
    permissions: ['storage', 'contextMenus', 'downloads', 'alarms'],
    ...(browser === 'firefox' ? {} : { optional_permissions: ['pageCapture'] }),
    host_permissions: allMatchPatterns(),
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Opens the popup (the toolbar lookup) from the keyboard; Firefox's build is MV2, where the name differs.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_command_lookup__',
      },
    },
    web_accessible_resources: [
      // The notes and person-link frames are shown inside the credit pages; the page sender runs in their main world.
      // The frames only at a per-session address (Chromium 130+; earlier versions ignore the key): a page cannot load
      // them by the extension's fixed id. The page sender, injected as a script, is left at its fixed address.
      { resources: ['notes.html', 'links.html'], matches: allMatchPatterns(), ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
      { resources: ['page-sender.js'], matches: allMatchPatterns() },
      // The overlay, imported by each site's content script once the page has painted (features/overlay/loader.ts).
      { resources: ['overlay.js'], matches: allMatchPatterns(), ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'creditlens@creditlens.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: String(MINIMUM_CHROME_VERSION) }),
    ...(packaging && browser !== 'firefox'
      ? { key: packaging.key, ...(packaging.update_url ? { update_url: packaging.update_url } : {}) }
      : {}),
  }),
});
