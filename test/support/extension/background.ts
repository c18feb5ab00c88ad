/**
 * For the component tests only: a real background — the protocol's router and handlers over a fresh fake-indexeddb
 * database — so the pages are tested against the answers they will really get, and snapshots seeded the way a
 * content script stores them. `sent` records every message, to prove when nothing was sent.
 */
import { createEvent, fireEvent } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { assessRecord, parseRecord, type EntityRecord } from '#core';
import repeatOffenderInput from '../../fixtures/records/repeat-offender.json';
import type { GuardState } from '../../../extension/frames/WriteGuard.tsx';
import type { Transport } from '../../../extension/messaging/client.ts';
import { handlersFor } from '../../../extension/messaging/handlers.ts';
import { router } from '../../../extension/messaging/router.ts';
import { CreditLensDb } from '../../../extension/storage/db.ts';
import { saveSnapshot } from '../../../extension/storage/repository.ts';
import type { Snapshot } from '../../../extension/storage/contract.ts';
import type { TeamBackend } from '../../../extension/sync/team-service.ts';

export const AS_OF = '2024-06-30';
/** The background's clock in these tests (retention counts back from it). */
export const NOW = '2024-07-01T08:00:00.000Z';

export interface LocalBackground {
  db: CreditLensDb;
  transport: Transport;
  sent: unknown[];
}

/** `team`: the team behind the team:* messages (default: none configured). */
export function localBackground(team?: TeamBackend): LocalBackground {
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const handle = router(handlersFor(db, { now: () => NOW, setBadge: async () => {}, afterSave: async () => {} }, team));
  const sent: unknown[] = [];
  const transport: Transport = (message) => {
    sent.push(message);
    return handle(message);
  };
  return { db, transport, sent };
}

function parsed(input: unknown): EntityRecord {
  const result = parseRecord(input);
  if (!result.ok) throw new Error(`test record does not parse: ${JSON.stringify(result)}`);
  return result.value;
}

/** 11 penalties in 2022–2024 and an abnormal listing since 2023-07-01: a repeat offender, on the abnormal list. */
export const REPEAT_OFFENDER = parsed(repeatOffenderInput);

/** On the serious list since 2023 (still active on AS_OF); no credit code, an old 注册号 (valid check digit). */
export const LISTED = parsed({
  entity: { name: '示例市丙商贸有限公司', regNo: '110000000000009', legalRepresentative: '李某某' },
  penalties: [],
  abnormalListings: [],
  seriousListings: [{ id: 'S1', listedDate: '2023-03-01', authority: '示例市市场监督管理局' }],
});

/** Nothing on record. */
export const CLEAN = parsed({
  entity: { name: '北京乙科技有限公司', uscc: '91110000101623741K', legalRepresentative: '王五' },
  penalties: [],
  abnormalListings: [],
  seriousListings: [],
});

/** Seen on a page whose read failed: none of its three sections was shown (no row, no count). */
export const UNREAD = parsed({
  entity: { name: '示例市丁未读贸易有限公司', legalRepresentative: '赵某某' },
  completeness: { penalties: { read: 0, total: null }, abnormal: { read: 0, total: null }, serious: { read: 0, total: null } },
});

export async function seed(
  db: CreditLensDb,
  record: EntityRecord,
  observedAt: string,
  url = 'https://www.gsxt.gov.cn/corp-query-entprise-info-xxx.html',
): Promise<Snapshot> {
  return saveSnapshot(db, { record, assessment: assessRecord(record, { asOf: AS_OF }), url, site: 'gsxt-gov-cn', observedAt });
}

/** A frame that holds its grant and is visible, in a browser that tracks visibility. */
export const OPEN_FRAME: GuardState = { grant: 'granted', visible: true, confirmEveryWrite: false };

/** Marks an event as the user's own, as the browser does for real input (happy-dom's events are never trusted). */
function asUser<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Clicks, changes and keys as the user makes them (`isTrusted`): what the frame's guard acts on. */
export const trusted = {
  click: (node: Element) => fireEvent(node, asUser(createEvent.click(node))),
  change: (node: Element, init: object) => fireEvent(node, asUser(createEvent.change(node, init))),
  keyDown: (node: Element, init: object) => fireEvent(node, asUser(createEvent.keyDown(node, init))),
};
