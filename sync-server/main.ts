/**
 * `npm run sync-server [-- <command>]`: without a command it runs the server; with one of the account commands
 * (team, user, token, backup) it runs that against the same DATA_DIR and exits. Thin: settings, then the server or
 * the command.
 */
import { COMMANDS, runCommand } from './commands.ts';
import { readConfig } from './config.ts';
import { startSyncServer } from './server.ts';

const argv = process.argv.slice(2);

if (COMMANDS.includes(argv[0] as (typeof COMMANDS)[number])) {
  process.exitCode = await runCommand(argv, process.env, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} else {
  const config = readConfig(process.env, argv);
  if (!config.ok) {
    for (const problem of config.problems) console.error(`sync-server: ${problem}`);
    console.error('sync-server: not started (settings: HOST, PORT, DATA_DIR, … — see sync-server/README.md)');
    process.exit(2);
  }
  const server = await startSyncServer(config.config);
  // One line on stdout, for people and for scripts that wait for it.
  console.log(`sync-server listening on ws://${config.config.HOST}:${server.port} (data in ${config.config.DATA_DIR})`);
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // A store that does not answer must not keep the process alive: out after 15 s whatever happens.
      setTimeout(() => process.exit(1), 15_000).unref();
      server.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`sync-server: shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}
