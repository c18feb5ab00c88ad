import { defineConfig } from 'wxt';

// The extension's sources live under extension/ (design card: one package, one wxt.config.ts at the root).
// Core is reached as '#core' (package.json "imports"), which Node, Vite and TypeScript all resolve.
export default defineConfig({
  srcDir: 'extension',
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
});
