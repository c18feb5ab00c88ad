import type { Config } from '../config.ts';
import type { Store } from './store.ts';

/** The store of the settings; PostgreSQL's driver is loaded only when it is used. */
export async function openStore(config: Config): Promise<Store> {
  if (config.STORE === 'postgres') {
    const { PostgresStore } = await import('./postgres.ts');
    return PostgresStore.connect(config.DATABASE_URL!);
  }
  const { SqliteStore } = await import('./sqlite.ts');
  return new SqliteStore(config.DATA_DIR);
}
