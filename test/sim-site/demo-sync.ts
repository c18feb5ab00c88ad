/**
 * For `npm start`: the team sync server with its embedded storage in ./data/demo (a child process, stopped with
 * the simulated site), a demo team with two members and a readonly guest, and ready-made tokens to paste into the
 * extension's options page. Accounts are made only when missing, so a second start reuses them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../sync-server/commands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startDemoSync(port: number): Promise<{ stop(): void }> {
  const dataDir = path.join(ROOT, 'data/demo');
  const quiet = { out: () => {}, err: () => {} };
  const env = { DATA_DIR: dataDir };
  await runCommand(['team', 'add', 'demo'], env, quiet);
  const users = { 'zhang.san': 'member', 'li.si': 'member', guest: 'readonly' } as const;
  for (const [user, role] of Object.entries(users)) await runCommand(['user', 'add', 'demo', user, '--role', role], env, quiet);
  const tokens: string[] = [];
  for (const user of Object.keys(users)) {
    let token = '';
    await runCommand(['token', 'demo', user, '--ttl', '30d'], env, { out: (line) => (token = line), err: () => {} });
    tokens.push(`  ${user.padEnd(10)} ${token}`);
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'sync-server/run.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /ws:\/\/[\d.]+:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`the sync server exited with ${code} (is port ${port} taken? set SYNC_PORT)`)));
  });
  console.log(`团队同步服务器 Team sync server: ${listening} (数据 data in ${dataDir})`);
  console.log('演示令牌 Demo tokens (扩展选项页 → 团队协作; extension options → team), team "demo":');
  for (const line of tokens) console.log(line);
  console.log('');
  return { stop: () => child.kill('SIGTERM') };
}
