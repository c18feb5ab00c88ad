/**
 * The background's handlers: the local database behind each message of the protocol, and the team (team-handlers.ts)
 * behind the team:* ones.
 */
import { addDays, entityKey, type IsoDate } from '#core';
import type { CreditLensDb } from '../storage/db.ts';
import {
  deleteNote,
  exportAll,
  importAll,
  lookup,
  notesOf,
  purgeSnapshots,
  recent,
  saveNote,
  saveSnapshot,
  searchNotes,
  wipe,
} from '../storage/repository.ts';
import { NO_TEAM, type TeamBackend } from '../sync/team-service.ts';
import type { SaveFile } from '../background/save-download.ts';
import { FrameGrants } from '../background/frame-grants.ts';
import { TabEntities, tabEntityOf } from '../background/tab-entities.ts';
import { frameHandlersFor } from './frame-handlers.ts';
import type { Handlers } from './router.ts';
import { pageReportHandlersFor } from './page-report-handlers.ts';
import { personHandlersFor } from './person-handlers.ts';
import { ledgerHandlersFor } from './ledger-handlers.ts';
import { sidePanelHandlersFor, type OpenSidePanel } from './side-panel-handlers.ts';
import { NO_EVIDENCE, evidenceHandlersFor, type EvidenceEnv } from './evidence-handlers.ts';
import { siteRulesHandlersFor } from './site-rules-handlers.ts';
import { teamHandlersFor } from './team-handlers.ts';
import type { SiteRulesSync } from '../background/site-rules.ts';
import { UserError } from '../ui/errors.ts';

/** What the handlers need from the browser besides the database; the background passes the real ones. */
export interface HandlerEnv {
  /** Now, as an ISO instant. */
  now(): string;
  /** Shows the assessment of a tab's page on the toolbar icon; 'unknown': a page that could not be read; null clears it. */
  setBadge(tabId: number, snapshot: Parameters<typeof saveSnapshot>[1] | 'unknown' | null): Promise<void>;
  /** Called after each snapshot is stored: retention runs then, so no alarm permission is needed. */
  afterSave(): Promise<void>;
  /** Opens the browser's side panel beside a tab (background/side-panel.ts); absent: there is none. */
  openSidePanel?: OpenSidePanel;
  /** Saves a file with the downloads API (background/save-download.ts); absent: nothing can be saved as a file. */
  saveFile?: SaveFile;
  /** Page capture, downloads and hashing for 保存取证 (background/evidence.ts); absent: evidence cannot be saved. */
  evidence?: EvidenceEnv;
  /** Keeps the team's site rules (background/site-rules.ts); absent: none. */
  siteRules?: Pick<SiteRulesSync, 'state' | 'check'>;
}

/** The instant `days` days before `now` (calendar days, as retention is stated). */
export function daysBefore(now: string, days: number): string {
  return `${addDays(now.slice(0, 10) as IsoDate, -days)}${now.slice(10)}`;
}

const DEFAULT_ENV: HandlerEnv = { now: () => new Date().toISOString(), setBadge: async () => {}, afterSave: async () => {} };

/**
 * `team`: the background's team service; without one, team:* answer "not configured". `grants`: the frame tokens.
 * `tabs`: which entity each tab shows, for the side panel.
 */
export function handlersFor(
  db: CreditLensDb,
  env: HandlerEnv = DEFAULT_ENV,
  team: TeamBackend = NO_TEAM,
  grants = new FrameGrants(() => Date.now()),
  tabs = new TabEntities(),
): Handlers {
  const tabShows = (tabId: number, entity: Parameters<typeof tabEntityOf>[0] | null) => {
    team.setTabEntity(tabId, entity ? entityKey(entity) : null);
    tabs.set(tabId, entity ? tabEntityOf(entity) : null);
  };
  return {
    ...frameHandlersFor(grants),
    ...sidePanelHandlersFor(tabs, env.openSidePanel ?? (async () => false)),
    'snapshot:save': async ({ record, assessment, url, site, observedAt }, from) => {
      const seen = { record, assessment, url, site, observedAt };
      const saved = await saveSnapshot(db, seen);
      if (from.tabId !== undefined) {
        // What the tab shows is what the team is told this user looks at (awareness), never the record itself; and what the side panel shows.
        tabShows(from.tabId, record.entity);
        await env.setBadge(from.tabId, seen);
      }
      await env.afterSave();
      return { ok: true, seq: saved.seq ?? 0 };
    },
    'badge:clear': async (_, from) => {
      if (from.tabId !== undefined) {
        tabShows(from.tabId, null);
        await env.setBadge(from.tabId, null);
      }
      return { ok: true };
    },
    'badge:unknown': async (_, from) => {
      if (from.tabId !== undefined) {
        tabShows(from.tabId, null);
        await env.setBadge(from.tabId, 'unknown');
      }
      return { ok: true };
    },
    'entity:lookup': async ({ query }) => ({ ok: true, hits: await lookup(db, query), notes: await searchNotes(db, query) }),
    'entity:recent': async ({ limit }) => ({ ok: true, hits: await recent(db, limit) }),
    'notes:list': async ({ entityKey }) => ({ ok: true, notes: await notesOf(db, entityKey) }),
    'notes:save': async ({ note }) => ({ ok: true, note: await saveNote(db, note) }),
    'notes:delete': async ({ id }, from) => {
      // A frame deletes only notes of the entity it was opened for.
      const grant = from.frame?.grant;
      if (grant && (await db.notes.get(id))?.entityKey !== grant.entityKey)
        throw new UserError('error_frame_refused', [], 'the note belongs to another entity');
      await deleteNote(db, id);
      return { ok: true };
    },
    'data:export': async () => ({ ok: true, file: await exportAll(db, env.now()) }),
    'data:import': async ({ file }) => {
      const result = await importAll(db, file);
      return result.ok
        ? { ok: true, imported: true, notes: result.notes, snapshots: result.snapshots }
        : { ok: true, imported: false, problems: result.problems };
    },
    'data:purge': async ({ olderThanDays }) => ({ ok: true, purged: await purgeSnapshots(db, daysBefore(env.now(), olderThanDays)) }),
    'data:wipe': async () => {
      await wipe(db);
      return { ok: true };
    },
    ...teamHandlersFor(team, db, env.now),
    ...ledgerHandlersFor(team, db, env.now),
    ...personHandlersFor(db, team),
    ...pageReportHandlersFor(team, env.saveFile),
    ...evidenceHandlersFor(db, team, env.evidence ?? NO_EVIDENCE, env.now),
    ...siteRulesHandlersFor(env.siteRules, () => Date.parse(env.now())),
  };
}
