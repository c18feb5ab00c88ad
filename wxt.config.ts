import { defineConfig } from 'wxt';
import { allMatchPatterns } from '#core';

// The extension's sources live under extension/ (design card: one package, one wxt.config.ts at the root).
// Core is reached as '#core' (package.json "imports"), which Node, Vite and TypeScript all resolve.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Least that works: storage for settings and notes; host access only to the credit sites, from the adapters'
    // own match patterns (core/sites), never typed twice.
    permissions: ['storage'],
    host_permissions: allMatchPatterns(),
  },
});
