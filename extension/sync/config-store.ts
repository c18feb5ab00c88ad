/**
 * Where the server address and the token are kept: the extension's own IndexedDB, not `browser.storage.local` —
 * content scripts can read storage.local, and the token (like the team's data) stays out of every context that runs
 * beside a web page. Read back through zod by the team service.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { TeamServerConfig } from './config.ts';

export const TEAM_CONFIG_DB = 'creditlens-team-config';
const KEY = 'server';

export interface TeamConfigStore {
  /** The stored value, unparsed (null when none). */
  load(): Promise<unknown>;
  /** Stores the configuration; null removes it. */
  save(config: TeamServerConfig | null): Promise<void>;
}

class ConfigDb extends Dexie {
  entries!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(options?: ConstructorParameters<typeof Dexie>[1]) {
    super(TEAM_CONFIG_DB, options);
    this.version(1).stores({ entries: '&key' });
  }
}

/** The IndexedDB store; tests pass fake-indexeddb's factory. */
export function indexedDbConfigStore(options?: ConstructorParameters<typeof Dexie>[1]): TeamConfigStore {
  const db = new ConfigDb(options);
  return {
    load: async () => (await db.entries.get(KEY))?.value ?? null,
    save: async (config) => {
      if (config === null) await db.entries.delete(KEY);
      else await db.entries.put({ key: KEY, value: config });
    },
  };
}

/** For tests: kept in memory. */
export function memoryConfigStore(initial: unknown = null): TeamConfigStore {
  let value = initial;
  return {
    load: async () => value,
    save: async (config) => {
      value = config;
    },
  };
}
