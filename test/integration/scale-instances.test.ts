/**
 * Several instances on one PostgreSQL and one Redis — real servers from Debian's packages, started for this file:
 * clients spread over three instances converge; an instance killed with SIGKILL in the middle of a stream loses
 * nothing any client saw, and its clients go on through another; a revocation made through one instance's settings
 * closes the connection on another within 1 s; Redis restarted during traffic, the instances recover and converge
 * without a restart of their own; the report is the same on every instance; an instance on an empty DATA_DIR
 * accepts the tokens the others issued.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTeamNote, ensureTeamEntity, readTeamEntities, readTeamEntity } from '#core';
import { forgedGc, syncUpdateFrame } from '../support/forged.ts';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from '../support/services.ts';
import {
  failoverClient,
  startSyncServer,
  synced,
  teamClient,
  until,
  type RunningSyncServer,
  type TeamClient,
} from '../support/sync-server.ts';

let postgres: PostgresServer;
let redis: RedisServer;
let instances: RunningSyncServer[];
let tokens: Record<string, string>;
const clients: TeamClient[] = [];
const ENTITY = { name: '多实例测试有限公司', uscc: '91330100MA0000005E' };
const noteIds = (c: TeamClient): string[] => {
  const read = readTeamEntity(c.doc, ENTITY.uscc);
  return read?.ok ? read.value.notes.map((n) => n.id) : [];
};
const json = (c: TeamClient) => JSON.stringify(readTeamEntities(c.doc));
const env = () => ({ STORE: 'postgres', DATABASE_URL: postgres.url, REDIS_URL: redis.url });

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  // Three instances starting at once on a new database: the schema is made once, under a lock.
  instances = await Promise.all([0, 1, 2].map(() => startSyncServer({ env: env() })));
  tokens = await instances[0]!.team('east', {
    a: 'member',
    b: 'member',
    c: 'member',
    d: 'member',
    revoked: 'member',
    fresh: 'member',
    mallory: 'member',
  });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(instances.map((i) => i.stop()));
  await redis?.stop();
  await postgres?.stop();
});

describe('several instances on PostgreSQL and Redis', () => {
  it('clients spread over three instances converge', async () => {
    const spread = ['a', 'b', 'c'].map((user, i) => teamClient(instances[i]!, 'east', tokens[user]!));
    clients.push(...spread);
    await Promise.all(spread.map((c) => synced(c)));
    ensureTeamEntity(spread[0]!.doc, ENTITY, { by: 'a', at: '2026-11-30T01:00:00.000Z' });
    await until(() => spread.every((c) => readTeamEntity(c.doc, ENTITY.uscc) !== null), 'the record on every instance');
    for (let i = 0; i < 30; i++) {
      spread.forEach((c, k) =>
        addTeamNote(c.doc, ENTITY.uscc, { id: `spread-${k}-${i}`, text: `${i}` }, { by: 'abc'[k]!, at: '2026-11-30T01:00:00.000Z' }),
      );
    }
    await until(
      () => spread.every((c) => noteIds(c).length === 90) && json(spread[0]!) === json(spread[1]!) && json(spread[1]!) === json(spread[2]!),
      'the three replicas to agree',
    );
  });

  it('an instance killed with SIGKILL mid-stream loses nothing a client saw; its clients go on through another', async () => {
    const urls = instances.map((i) => i.url);
    // The writer and a watcher on instance 0, another watcher on instance 1.
    const writer = failoverClient(urls, 'east', tokens.a!);
    const watcher = teamClient(instances[0]!, 'east', tokens.b!);
    const far = teamClient(instances[1]!, 'east', tokens.c!);
    clients.push(writer, watcher, far);
    await Promise.all([writer, watcher, far].map((c) => synced(c)));
    let n = 0;
    const stream = setInterval(() => {
      for (let i = 0; i < 5; i++, n++)
        addTeamNote(writer.doc, ENTITY.uscc, { id: `kill-${n}`, text: `${n}` }, { by: 'a', at: '2026-11-30T02:00:00.000Z' });
    }, 5);
    await until(() => noteIds(far).filter((id) => id.startsWith('kill-')).length > 200, 'the far watcher to see part of the stream');
    await instances[0]!.kill();
    const seen = new Set([...noteIds(watcher), ...noteIds(far)]);
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(stream);
    // Everything any client saw is in the store: a new client on another instance has it.
    const check = teamClient(instances[2]!, 'east', tokens.d!);
    clients.push(check);
    await synced(check);
    const stored = new Set(noteIds(check));
    expect([...seen].filter((id) => !stored.has(id))).toEqual([]);
    // The writer reconnected elsewhere and got the rest of its stream through.
    await until(() => writer.current() !== urls[0] && writer.provider.wsconnected, 'the writer on another instance', 15_000);
    await until(
      () => noteIds(far).filter((id) => id.startsWith('kill-')).length === n,
      'every note of the stream at the far watcher',
      15_000,
    );
    await instances[0]!.restart();
  }, 60_000);

  it('a client id written through one instance is refused to another user through another', async () => {
    const writer = teamClient(instances[1]!, 'east', tokens.a!);
    clients.push(writer);
    await synced(writer);
    writer.doc.getMap('owned').set('x', 1);
    const watcher = teamClient(instances[2]!, 'east', tokens.b!);
    clients.push(watcher);
    await until(() => watcher.doc.getMap('owned').get('x') === 1, 'the write on the other instance');
    const ws = new WebSocket(`${instances[2]!.url}/team/east?token=${tokens.mallory}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.send(syncUpdateFrame(forgedGc(writer.doc.clientID, Y.getState(writer.doc.store, writer.doc.clientID))));
    expect(await closed).toEqual({ code: 1008, reason: `client id ${writer.doc.clientID} is another user's` });
    writer.doc.getMap('owned').set('y', 2);
    await until(() => watcher.doc.getMap('owned').get('y') === 2, 'the owner’s next write on the other instance');
  });

  it('a revocation made through the shared store closes the connection on another instance within 1 s', async () => {
    const ws = new WebSocket(`${instances[2]!.url}/team/east?token=${tokens.revoked}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })),
    );
    const list = await instances[1]!.cli(['token', 'list', 'east', 'revoked']);
    const jti = list.stdout.split('\n')[1]!.split('\t')[0]!;
    expect((await instances[1]!.cli(['token', 'revoke', jti])).code).toBe(0);
    const revokedBy = Date.now();
    const close = await closed;
    expect(close).toMatchObject({ code: 4401, reason: 'token revoked' });
    expect(close.at - revokedBy).toBeLessThan(1_000);
  }, 60_000);

  it('recovers from a Redis restart during traffic and converges without restarting', async () => {
    const one = teamClient(instances[1]!, 'east', tokens.a!);
    const two = teamClient(instances[2]!, 'east', tokens.b!);
    clients.push(one, two);
    await Promise.all([synced(one), synced(two)]);
    let n = 0;
    const stream = setInterval(() => {
      addTeamNote(one.doc, ENTITY.uscc, { id: `redis-one-${n}`, text: `${n}` }, { by: 'a', at: '2026-11-30T03:00:00.000Z' });
      addTeamNote(two.doc, ENTITY.uscc, { id: `redis-two-${n}`, text: `${n}` }, { by: 'b', at: '2026-11-30T03:00:00.000Z' });
      n++;
    }, 10);
    await new Promise((r) => setTimeout(r, 300));
    await redis.kill();
    await new Promise((r) => setTimeout(r, 700));
    await redis.start();
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(stream);
    await until(
      () => noteIds(one).filter((id) => id.startsWith('redis-')).length === 2 * n && json(one) === json(two),
      'both replicas to have every note',
      20_000,
    );
  }, 60_000);

  it('drops a message on the fan-out channel that is not an update, and goes on', async () => {
    const { Redis } = await import('ioredis');
    const intruder = new Redis(redis.url);
    try {
      // 16 bytes of a sender id, then a Yjs update that cannot be decoded.
      await intruder.publish(
        'creditlens:updates:east',
        Buffer.concat([Buffer.alloc(16, 7), Buffer.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 1])]),
      );
    } finally {
      intruder.disconnect();
    }
    await until(
      () => instances.slice(1).some((i) => i.stderr().includes('could not be applied')),
      'an instance to report the dropped message',
    );
    const one = teamClient(instances[1]!, 'east', tokens.a!);
    const two = teamClient(instances[2]!, 'east', tokens.b!);
    clients.push(one, two);
    await Promise.all([synced(one), synced(two)]);
    addTeamNote(one.doc, ENTITY.uscc, { id: 'after-intruder', text: '之后' }, { by: 'a', at: '2026-11-30T04:00:00.000Z' });
    await until(() => noteIds(two).includes('after-intruder'), 'a note across instances after the bad message');
  });

  it('gives the same report on every instance, and an instance on an empty DATA_DIR accepts tokens issued elsewhere', async () => {
    const fresh = await startSyncServer({ env: env() });
    instances.push(fresh);
    const client = teamClient(fresh, 'east', tokens.fresh!);
    clients.push(client);
    await synced(client);
    expect(noteIds(client).length).toBeGreaterThan(90);
    const admin = await instances[0]!.team('east', { boss: 'admin' });
    const answers = await Promise.all(
      instances.map(async (i) => {
        const res = await fetch(`${i.httpUrl}/team/east/report?from=2026-01-01&to=2026-12-31`, {
          headers: { authorization: `Bearer ${admin.boss}` },
        });
        expect(res.status).toBe(200);
        return res.text();
      }),
    );
    expect(new Set(answers).size).toBe(1);
  }, 60_000);
});
