/**
 * Which entity each tab shows, as its content script last reported it (snapshot:save), for the side panel beside the
 * tab. Kept in session storage like the frame grants (grant-store.ts): the worker stops when idle, and the side panel
 * opened a minute after the page was read must still know the entity. Forgotten when the tab navigates or closes.
 */
import * as z from 'zod';
import { entityKey, type EntityRecord } from '#core';
import { TabEntity } from '../messaging/protocol.ts';
import type { SessionArea } from './grant-store.ts';

const KEY = 'tabEntities';
/** Tabs remembered at most (the oldest goes first): a bound on what one session keeps. */
const MAX_TABS = 500;
const Kept = z.array(z.tuple([z.number().int(), TabEntity])).max(MAX_TABS);

/** The entity of a page's record, as the side panel shows it (the USCC and legal representative when the page had them). */
export function tabEntityOf(entity: EntityRecord['entity']): TabEntity {
  return {
    key: entityKey(entity),
    name: entity.name,
    ...(entity.uscc ? { uscc: entity.uscc } : {}),
    ...(entity.legalRepresentative ? { legalRepresentative: entity.legalRepresentative } : {}),
  };
}

export class TabEntities {
  private readonly tabs = new Map<number, TabEntity>();
  private area: SessionArea | undefined;
  private writing = Promise.resolve();

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** Takes back what an earlier run of the worker kept, then keeps every change. */
  async keepIn(area: SessionArea | undefined): Promise<void> {
    if (!area) return;
    try {
      const kept = Kept.safeParse((await area.get(KEY))[KEY] ?? []);
      // What this run learnt meanwhile is newer than what was kept.
      if (kept.success) {
        for (const [tab, entity] of kept.data) if (!this.tabs.has(tab)) this.tabs.set(tab, entity);
      } else this.log('tab entities: the kept value is not understood, none restored');
    } catch (error) {
      this.log(`tab entities: not restored (${String(error)})`);
    }
    this.area = area;
    this.save();
  }

  get(tabId: number): TabEntity | null {
    return this.tabs.get(tabId) ?? null;
  }

  set(tabId: number, entity: TabEntity | null): void {
    if (entity === null && !this.tabs.has(tabId)) return;
    this.tabs.delete(tabId);
    if (entity !== null) this.tabs.set(tabId, entity);
    if (this.tabs.size > MAX_TABS) this.tabs.delete(this.tabs.keys().next().value ?? -1);
    this.save();
  }

  private save(): void {
    const area = this.area;
    if (!area) return;
    // Writes chain so that the last change is the one kept.
    const snapshot = [...this.tabs];
    this.writing = this.writing
      .then(() => area.set({ [KEY]: snapshot }))
      .catch((error: unknown) => this.log(`tab entities: not kept (${String(error)})`));
  }
}
