/**
 * A real sync server with team t1 — alice a member — and a readonly client of the test's own that watches the team
 * document, for a whole e2e file: what the extension wrote is read where the team reads it, not from the extension.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { readTeamEntity, type TeamEntity } from '#core';
import { startSyncServer, synced, teamClient, type RunningSyncServer, type TeamClient } from '../../support/sync-server.ts';

export interface WatchedTeam {
  server(): RunningSyncServer;
  /** alice's token. */
  aliceToken(): string;
  /** The entity's team record as the team document holds it (null: none). */
  record(key: string): TeamEntity | null;
}

export function useWatchedTeam(): WatchedTeam {
  let server: RunningSyncServer | undefined;
  let tokens: Record<string, string> = {};
  let watcher: TeamClient | undefined;
  beforeAll(async () => {
    server = await startSyncServer();
    tokens = await server.team('t1', { alice: 'member', watcher: 'readonly' });
    watcher = teamClient(server, 't1', tokens.watcher ?? '');
    await synced(watcher);
  });
  afterAll(async () => {
    watcher?.destroy();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });
  return {
    server: () => {
      if (!server) throw new Error('the sync server is not running');
      return server;
    },
    aliceToken: () => tokens.alice ?? '',
    record: (key) => {
      const read = watcher ? readTeamEntity(watcher.doc, key) : null;
      if (read && !read.ok) throw new Error(`invalid team record: ${read.problems.join('; ')}`);
      return read?.value ?? null;
    },
  };
}
