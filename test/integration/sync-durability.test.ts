/**
 * Durability: an update is committed before any other client is sent it, so killing the server with SIGKILL in the
 * middle of a stream loses nothing another client saw; a restarted server loads the document before it answers.
 * SIGTERM commits and closes clients with 1012. The stored log is compacted, and empty documents leave memory.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { addTeamNote, ensureTeamEntity, readTeamEntity } from '#core';
import { synced, until, type TeamClient } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

// Compaction after 200 stored updates, so the stream below compacts several times.
const team = useTeamServer({ east: { writer: 'member', watcher: 'member', reader: 'member' } }, { env: { COMPACT_AFTER_UPDATES: '200' } });
const client = (user: string) => team.client('east', user);
const ENTITY = { name: '持久化测试有限公司', uscc: '91330100MA0000002B' };
const noteIds = (c: TeamClient): string[] => {
  const read = readTeamEntity(c.doc, ENTITY.uscc);
  return read?.ok ? read.value.notes.map((n) => n.id) : [];
};
const metric = async (name: string): Promise<number> => {
  const text = await (await fetch(`${team.server().httpUrl}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
};

describe('sync server: durability', () => {
  it('SIGKILL during a stream of updates: every update another client saw is there after the restart', async () => {
    const writer = client('writer');
    const watcher = client('watcher');
    await Promise.all([synced(writer), synced(watcher)]);
    ensureTeamEntity(writer.doc, ENTITY, { by: 'writer', at: '2026-11-30T01:00:00.000Z' });
    let n = 0;
    const stream = setInterval(() => {
      for (let i = 0; i < 5; i++, n++)
        addTeamNote(writer.doc, ENTITY.uscc, { id: `n${n}`, text: `第${n}条` }, { by: 'writer', at: '2026-11-30T01:00:00.000Z' });
    }, 2);
    await until(() => noteIds(watcher).length > 600, 'the watcher to see a good part of the stream');
    await team.server().kill();
    clearInterval(stream);
    const seen = noteIds(watcher);
    // Nobody may resend anything: the restarted server must have it all by itself.
    writer.provider.disconnect();
    watcher.provider.disconnect();
    await team.server().restart();
    const reader = client('reader');
    await synced(reader);
    const stored = new Set(noteIds(reader));
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(seen.length);
    // And what the writer had not got through yet arrives when it comes back.
    writer.provider.connect();
    await until(() => noteIds(reader).length === n, 'every note of the writer at the reader');
  }, 60_000);

  it('keeps the stored log short (compaction) and unloads documents nobody has open', async () => {
    const db = new Database(path.join(team.server().dataDir, 'creditlens.sqlite'), { readonly: true });
    try {
      const rows = () => (db.prepare("SELECT count(*) AS n FROM doc_updates WHERE doc = 'east'").get() as { n: number }).n;
      await until(() => rows() < 250, 'the log to be compacted below the threshold');
      team.dropClients();
      await until(() => rows() === 1, 'the log compacted to one update once the document is unloaded');
    } finally {
      db.close();
    }
    expect(await metric('creditlens_documents_in_memory')).toBe(0);
    expect(await metric('creditlens_connections')).toBe(0);
  });

  it('SIGTERM closes clients with 1012 and exits cleanly, having stored everything', async () => {
    const writer = client('writer');
    await synced(writer);
    addTeamNote(writer.doc, ENTITY.uscc, { id: 'before-sigterm', text: '停机前' }, { by: 'writer', at: '2026-11-30T02:00:00.000Z' });
    const ws = new WebSocket(`${team.server().url}/team/east?token=${team.token('east', 'reader')}`);
    await new Promise((r) => ws.once('open', r));
    const code = new Promise<number>((r) => ws.once('close', (c) => r(c)));
    await new Promise((r) => setTimeout(r, 100));
    writer.provider.disconnect();
    expect(await team.server().stop()).toBe(0);
    expect(await code).toBe(1012);
    await team.server().restart();
    const reader = client('reader');
    await synced(reader);
    expect(noteIds(reader)).toContain('before-sigterm');
  });

  it('answers /healthz and /metrics', async () => {
    const writer = client('writer');
    await synced(writer);
    addTeamNote(writer.doc, ENTITY.uscc, { id: 'counted', text: '计数' }, { by: 'writer', at: '2026-11-30T03:00:00.000Z' });
    await new Promise((r) => setTimeout(r, 200));
    const health = await fetch(`${team.server().httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await metric('creditlens_updates_total')).toBeGreaterThan(0);
    expect(await metric('creditlens_bytes_stored')).toBeGreaterThan(0);
    expect(await metric('creditlens_connections')).toBeGreaterThan(0);
  });
});
