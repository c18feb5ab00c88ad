/**
 * Starts the simulated credit sites on PORT (default 8080) and prints the demo URLs.
 * Run: `PORT=8080 npx tsx test/sim-site/main.ts`.
 */
import { PAGES } from './entities.ts';
import { startSimSite } from './server.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`sim-site: PORT must be a port number, got ${process.env.PORT ?? ''}`);
  process.exit(2);
}

const site = await startSimSite({ port });
const hosts = [...new Set(PAGES.map((p) => p.host)), 'public.creditchina.gov.cn'];
console.log(`CreditLens simulated credit sites on ${site.origin} (all data invented)`);
console.log(`Index: ${site.origin}/__sim/`);
console.log(`Browser: --host-resolver-rules="${hosts.map((h) => `MAP ${h} 127.0.0.1:${site.port}`).join(', ')}, MAP * ~NOTFOUND"`);
for (const page of PAGES) console.log(`  ${page.name.padEnd(22)} http://${page.host}${page.path}`);
console.log('Ctrl-C stops the server.');

function stop(): void {
  site.close().then(() => process.exit(0), () => process.exit(1));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
