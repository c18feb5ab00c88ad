/** The tab-session cache of complete reads: kept and read back, and anything the page may have written is parsed. */
import { describe, expect, it } from 'vitest';
import type { SectionsRead } from './sections.ts';
import { storageCache } from './session-cache.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

const READ: SectionsRead = {
  sections: [{ kind: 'penalties', pages: [{ recordsTotal: 1, data: [{ penDecNo: '示市监罚〔2026〕1号' }] }] }],
  requests: 1,
  stopped: null,
};

describe('storageCache', () => {
  it('gives back what was kept for the same page', async () => {
    const cache = storageCache(memoryStorage());
    await cache.set('/%7BAB%7D', READ);
    expect(await cache.get('/%7BAB%7D')).toEqual(READ);
    expect(await cache.get('/%7BCD%7D')).toBeUndefined();
  });

  it('treats a value the page changed into something else as absent', async () => {
    const storage = memoryStorage();
    const cache = storageCache(storage);
    storage.items.set('creditlens:sections:/x', '{"sections": "all of them"}');
    storage.items.set('creditlens:sections:/y', 'not json');
    expect(await cache.get('/x')).toBeUndefined();
    expect(await cache.get('/y')).toBeUndefined();
  });

  it('caches nothing, and throws nothing, when the storage refuses', async () => {
    const cache = storageCache({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    await expect(cache.set('/x', READ)).resolves.toBeUndefined();
    expect(await cache.get('/x')).toBeUndefined();
  });
});
