/**
 * Starts the simulated credit sites on PORT (default 8080) and prints the demo URLs, and — when the extension has
 * been built (`npm start` builds it first) — how to load it into a browser that sees the simulated sites under the
 * real host names. Run: `PORT=8080 npx tsx test/sim-site/main.ts`; with `--with-sync` (as `npm start` does) it also
 * starts the team sync server with demo accounts (demo-sync.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGES } from './entities.ts';
import { startSimSite } from './server.ts';
import { startDemoSync } from './demo-sync.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`sim-site: PORT must be a port number, got ${process.env.PORT ?? ''}`);
  process.exit(2);
}

const site = await startSimSite({ port });
// `npm start` also runs the team sync server (--with-sync); the e2e tests start their own.
const sync = process.argv.includes('--with-sync') ? await startDemoSync(Number(process.env.SYNC_PORT ?? 1234)) : undefined;
const hosts = [...new Set(PAGES.map((p) => p.host)), 'public.creditchina.gov.cn'];
console.log(`CreditLens simulated credit sites on ${site.origin} (all data invented)`);
console.log(`Index: ${site.origin}/__sim/`);
const rules = `${hosts.map((h) => `MAP ${h} 127.0.0.1:${site.port}`).join(', ')}, EXCLUDE 127.0.0.1, MAP * ~NOTFOUND`;
const extension = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
if (existsSync(`${extension}/manifest.json`)) {
  console.log('');
  console.log('加载扩展 Load the extension — a separate profile, so your own browsing is untouched:');
  console.log(`  chromium --user-data-dir=/tmp/creditlens-demo --load-extension=${extension} \\`);
  console.log(`    --host-resolver-rules="${rules}"`);
  console.log(`  (或在 chrome://extensions 打开"开发者模式"，"加载已解压的扩展程序"，选 ${extension})`);
  console.log(
    '打开演示页面 Open a demo page, e.g. the repeat offender: ' +
      `http://${PAGES.find((p) => p.name === 'repeat-2017')?.host ?? ''}${PAGES.find((p) => p.name === 'repeat-2017')?.path ?? ''}`,
  );
  console.log('');
} else {
  console.log(`Browser: --host-resolver-rules="${rules}"`);
}
for (const page of PAGES) console.log(`  ${page.name.padEnd(22)} http://${page.host}${page.path}`);
console.log('Ctrl-C stops the server.');

function stop(): void {
  sync?.stop();
  site.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
