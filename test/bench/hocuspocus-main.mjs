/**
 * The second reference of the sync benchmark: Hocuspocus 4.7 with its SQLite extension and their defaults (a
 * document stored 2 s after a change, at most 10 s, and when its last client leaves, then unloaded). Its own process; HOST, PORT and DATA_DIR from the environment; prints its port once it listens.
 */
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  quiet: true,
  extensions: [new SQLite({ database: path.join(process.env.DATA_DIR ?? '.', 'hocuspocus.sqlite') })],
});
await server.listen();
process.stdout.write(`hocuspocus listening on port ${server.address.port}\n`);
