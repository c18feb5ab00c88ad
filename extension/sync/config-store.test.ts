/** The server and token are kept in the extension's own IndexedDB, and can be removed. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { indexedDbConfigStore } from './config-store.ts';

it('stores, reads back and removes the configuration', async () => {
  const indexedDB = new IDBFactory();
  const store = indexedDbConfigStore({ indexedDB, IDBKeyRange });
  expect(await store.load()).toBeNull();
  await store.save({ server: 'ws://127.0.0.1:1234', token: 'a.b.c' });
  expect(await indexedDbConfigStore({ indexedDB, IDBKeyRange }).load()).toEqual({ server: 'ws://127.0.0.1:1234', token: 'a.b.c' });
  await store.save(null);
  expect(await store.load()).toBeNull();
});
