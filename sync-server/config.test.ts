import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readConfig } from './config.ts';

describe('server settings', () => {
  it('has defaults for one machine, and flags override the environment', () => {
    const defaults = readConfig({});
    expect(defaults).toMatchObject({
      ok: true,
      config: { HOST: '127.0.0.1', PORT: 1234, MAX_MESSAGE_BYTES: 1_048_576, DATA_DIR: path.resolve('data') },
    });
    expect(readConfig({ PORT: '4000' }, ['--port=4001'])).toMatchObject({ ok: true, config: { PORT: 4001 } });
    expect(readConfig({ PORT: '4000' }, ['--data-dir', '/srv/creditlens'])).toMatchObject({
      ok: true,
      config: { PORT: 4000, DATA_DIR: '/srv/creditlens' },
    });
  });

  it('leaves room for real work by default: ≥ 10 connections per user, bursts ≥ 1,000 updates/s', () => {
    const result = readConfig({});
    if (!result.ok) throw new Error('defaults do not parse');
    expect(result.config.MAX_CONNECTIONS_PER_USER).toBeGreaterThanOrEqual(10);
    expect(result.config.UPDATES_PER_SECOND).toBeGreaterThanOrEqual(1_000);
    expect(result.config.UPDATE_BURST).toBeGreaterThanOrEqual(1_000);
  });

  it('names every bad value and what it should be', () => {
    expect(readConfig({ PORT: 'x', UPDATE_BURST: '0' }, ['--max-message-bytes', '1.5', '--colour', 'red', '--host'])).toEqual({
      ok: false,
      problems: [
        'unknown argument --colour',
        'unknown argument red',
        '--host needs a value',
        'PORT="x": must be a number',
        'MAX_MESSAGE_BYTES="1.5": must be a whole number',
        'UPDATE_BURST="0": must be at least 1',
      ],
    });
  });
});
