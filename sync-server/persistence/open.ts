import type { Config } from '../config.ts';
import type { Store } from './store.ts';

/**
 * The store of the settings; PostgreSQL's driver is loaded only when it is used. `server`: the running server's
 * store (SQLite then checkpoints in the background, reporting failures there); the account commands pass nothing.
 */
export async function openStore(config: Config, server?: { log(line: string): void }): Promise<Store> {
  if (config.STORE === 'postgres') {
    const { PostgresStore } = await import('./postgres.ts');
    return PostgresStore.connect(config.DATABASE_URL!, { historyPerEntity: config.HISTORY_PER_ENTITY });
  }
  const { SqliteStore } = await import('./sqlite.ts');
  return new SqliteStore(config.DATA_DIR, {
    historyPerEntity: config.HISTORY_PER_ENTITY,
    ...(server
      ? { backgroundCheckpoints: { onError: (error) => server.log(`checkpoint failed (retried in a second): ${String(error)}`) } }
      : {}),
  });
}
