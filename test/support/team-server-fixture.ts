/**
 * One real sync server for a test file: started before its tests with the given teams and users (a token each),
 * stopped after them with every client the file made. `client(team, user)` is a y-websocket client of that user.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startSyncServer, teamClient, type RunningSyncServer, type TeamClient } from './sync-server.ts';

type Role = 'admin' | 'member' | 'readonly';

export function useTeamServer(teams: Record<string, Record<string, Role>>, options: { env?: Record<string, string> } = {}) {
  let running: RunningSyncServer | undefined;
  const tokens: Record<string, Record<string, string>> = {};
  const clients: TeamClient[] = [];
  beforeAll(async () => {
    running = await startSyncServer(options);
    for (const [team, users] of Object.entries(teams)) tokens[team] = await running.team(team, users);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await running?.stop();
    if (running) rmSync(running.dataDir, { recursive: true, force: true });
  });
  const server = (): RunningSyncServer => {
    if (!running) throw new Error('the sync server has not started');
    return running;
  };
  const token = (team: string, user: string): string => {
    const found = tokens[team]?.[user];
    if (!found) throw new Error(`no token for ${user} of ${team}`);
    return found;
  };
  return {
    server,
    token,
    /** Every token of a team, by user. */
    tokens: (team: string): Record<string, string> => ({ ...tokens[team] }),
    /** A client of the user, destroyed after the file. */
    client(team: string, user: string, clientOptions?: Parameters<typeof teamClient>[3]): TeamClient {
      const made = teamClient(server(), team, token(team, user), clientOptions);
      clients.push(made);
      return made;
    },
    /** Destroys the clients made so far (the document leaves the server's memory once nobody has it open). */
    dropClients(): void {
      for (const c of clients.splice(0)) c.destroy();
    },
  };
}
