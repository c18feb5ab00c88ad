/** Awareness: which entities the tabs show, and who else views an entity — other clients' states parsed, bad ones ignored. */
import { describe, expect, it } from 'vitest';
import { MAX_VIEWING, viewersOf, ViewingTabs } from './presence.ts';

describe('viewersOf', () => {
  const states = new Map<number, unknown>([
    [1, { user: 'alice', viewing: ['K1'] }],
    [2, { user: 'bob', viewing: ['K1', 'K2'] }],
    [3, { user: 'bob', viewing: ['K1'] }],
    [4, { user: 'carol', viewing: ['K2'] }],
    [5, { user: 'mallory', viewing: 'K1' }],
    [6, null],
    [7, { user: '<b>x</b>', viewing: ['K1'] }],
  ]);

  it('names each other user viewing the entity once, sorted, leaving out this client and malformed states', () => {
    expect(viewersOf(states, 1, 'K1')).toEqual(['bob']);
    expect(viewersOf(states, 2, 'K1')).toEqual(['alice', 'bob']);
    expect(viewersOf(states, 1, 'K3')).toEqual([]);
  });
});

describe('ViewingTabs', () => {
  it('tracks the entity of each tab and reports the distinct keys on each change only', () => {
    const reported: string[][] = [];
    const tabs = new ViewingTabs((keys) => reported.push(keys));
    tabs.set(1, 'K1');
    tabs.set(2, 'K1');
    tabs.set(2, 'K1');
    tabs.set(3, 'K2');
    tabs.set(1, null);
    tabs.set(9, null);
    expect(reported).toEqual([['K1'], ['K1'], ['K1', 'K2'], ['K1', 'K2']]);
    tabs.set(2, null);
    expect(tabs.keys()).toEqual(['K2']);
  });

  it('publishes at most MAX_VIEWING keys', () => {
    const tabs = new ViewingTabs(() => {});
    for (let i = 0; i < MAX_VIEWING + 10; i++) tabs.set(i, `K${i}`);
    expect(tabs.keys()).toHaveLength(MAX_VIEWING);
  });
});
