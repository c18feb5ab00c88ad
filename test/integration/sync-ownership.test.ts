/**
 * Client ids belong to their writer. One forged frame — a GC range under a colleague's client id, at the clock of the
 * colleague's offline edit — used to take that edit's place on the server, for the team and in the colleague's own
 * copy. Now it is refused (1008, and a line in the audit trail), the edit arrives intact when the colleague
 * reconnects, deleting a colleague's content is still allowed, and the mapping survives a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { forgedGc, syncUpdateFrame } from '../support/forged.ts';
import { synced, until } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

const team = useTeamServer({ east: { li: 'member', wang: 'member', mallory: 'member' } });

function open(user: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${team.server().url}/team/east?token=${team.token('east', user)}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const closeOf = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );

describe('sync server: client ids belong to their writer', () => {
  it('refuses a forged frame under a colleague’s client id; the colleague’s offline edit survives reconnection; deleting stays allowed', async () => {
    const li = team.client('east', 'li');
    const wang = team.client('east', 'wang');
    await Promise.all([synced(li), synced(wang)]);
    li.doc.getMap('notes').set('first', '李的第一条');
    await until(() => wang.doc.getMap('notes').get('first') !== undefined, 'li’s first note at wang');

    li.provider.disconnect();
    const clock = Y.getState(li.doc.store, li.doc.clientID);
    li.doc.getMap('notes').set('offline', '李离线时写的');

    const mallory = await open('mallory');
    const closed = closeOf(mallory);
    const forged = syncUpdateFrame(forgedGc(li.doc.clientID, clock, 3));
    expect(forged.byteLength).toBeLessThanOrEqual(20);
    mallory.send(forged);
    expect(await closed).toEqual({ code: 1008, reason: `client id ${li.doc.clientID} is another user's` });

    li.provider.connect();
    await until(() => wang.doc.getMap('notes').get('offline') === '李离线时写的', 'li’s offline edit at wang');
    expect(li.doc.getMap('notes').get('offline')).toBe('李离线时写的');
    const fresh = team.client('east', 'wang');
    await synced(fresh);
    expect(fresh.doc.getMap('notes').toJSON()).toEqual({ first: '李的第一条', offline: '李离线时写的' });

    // Deleting a colleague's content is editing: allowed.
    wang.doc.getMap('notes').delete('first');
    await until(() => !li.doc.getMap('notes').has('first'), 'wang’s deletion at li');
    expect(wang.provider.wsconnected).toBe(true);

    const audit = fs
      .readFileSync(path.join(team.server().dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit).toContainEqual(
      expect.objectContaining({
        event: 'update.refused',
        team: 'east',
        user: 'mallory',
        reason: `client id ${li.doc.clientID} is another user's`,
      }),
    );
  }, 30_000);

  it('keeps the mapping across a restart', async () => {
    const li = team.client('east', 'li');
    await synced(li);
    li.doc.getMap('notes').set('before-restart', '重启前');
    await new Promise((r) => setTimeout(r, 300));
    li.provider.disconnect();
    const clock = Y.getState(li.doc.store, li.doc.clientID);
    expect(await team.server().stop()).toBe(0);
    await team.server().restart();
    const mallory = await open('mallory');
    const closed = closeOf(mallory);
    mallory.send(syncUpdateFrame(forgedGc(li.doc.clientID, clock)));
    expect(await closed).toEqual({ code: 1008, reason: `client id ${li.doc.clientID} is another user's` });
    // The owner goes on writing under it.
    li.doc.getMap('notes').set('after-restart', '重启后');
    li.provider.connect();
    const wang = team.client('east', 'wang');
    await synced(wang);
    await until(() => wang.doc.getMap('notes').get('after-restart') === '重启后', 'li’s note after the restart at wang');
    expect(li.provider.wsconnected).toBe(true);
  }, 30_000);
});
