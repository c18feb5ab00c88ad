/** Which entity each tab shows: set, cleared, and kept in session storage across a stopped service worker. */
import { describe, expect, it } from 'vitest';
import type { SessionArea } from './grant-store.ts';
import { TabEntities, tabEntityOf } from './tab-entities.ts';

const A = tabEntityOf({ name: '示例市鲜味坊食品有限公司', uscc: '91330106MA27QX8BXF', legalRepresentative: '张三' });
const B = tabEntityOf({ name: '示例市丙商贸有限公司' });

function memoryArea(initial: Record<string, unknown> = {}): SessionArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return { items, get: async (key) => (key in items ? { [key]: items[key] } : {}), set: async (next) => void Object.assign(items, next) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TabEntities', () => {
  it('keys an entity as the team document does, with what the page named', () => {
    expect(A).toEqual({
      key: '91330106MA27QX8BXF',
      name: '示例市鲜味坊食品有限公司',
      uscc: '91330106MA27QX8BXF',
      legalRepresentative: '张三',
    });
    expect(B).toEqual({ key: 'name:示例市丙商贸有限公司', name: '示例市丙商贸有限公司' });
  });

  it('answers what each tab showed last, and none once it navigated or closed', () => {
    const tabs = new TabEntities();
    tabs.set(1, A);
    tabs.set(2, B);
    tabs.set(1, B);
    expect([tabs.get(1), tabs.get(2), tabs.get(3)]).toEqual([B, B, null]);
    tabs.set(2, null);
    expect(tabs.get(2)).toBeNull();
  });

  it('outlives the service worker: a new run restores what the last one kept', async () => {
    const area = memoryArea();
    const first = new TabEntities();
    await first.keepIn(area);
    first.set(1, A);
    first.set(2, B);
    first.set(2, null);
    await settle();
    const second = new TabEntities();
    await second.keepIn(area);
    expect([second.get(1), second.get(2)]).toEqual([A, null]);
  });

  it('restores nothing from a kept value it does not understand, and says so', async () => {
    const log: string[] = [];
    const tabs = new TabEntities((line) => log.push(line));
    await tabs.keepIn(memoryArea({ tabEntities: [[1, { key: '', name: 'x', script: '<b>' }]] }));
    expect(tabs.get(1)).toBeNull();
    expect(log).toEqual(['tab entities: the kept value is not understood, none restored']);
  });
});
