/**
 * Every message between the content scripts, the extension pages (notes frame, popup, options) and the background,
 * as zod schemas: one contract file for the boundary. A message is `{ type: 'noun:verb', ...payload }`; anything that
 * does not parse is rejected with a reason and logged, never acted on.
 */
import * as z from 'zod';
import {
  Assessment,
  CaseStatus,
  ClueMappingSchema,
  DataTablesPage,
  EntityHistory,
  EntityRecord,
  IsoDateString,
  MhtmlState,
  PageReport,
  ReaderInfo,
  SiteId,
  SiteRulesForSite,
  TeamEntity,
  TeamEntityPatch,
  TeamListing,
} from '#core';
import { ReadOutcome } from '../storage/reader-health.ts';
import { EvidenceEntry, ExportFile, Note, Snapshot } from '../storage/contract.ts';
import { SeenSummary } from '../storage/seen.ts';
import { TeamStatus } from '../sync/status.ts';
import { ContentResponses, FramePurpose, FrameToken, Refusal } from './content-protocol.ts';

export { FramePurpose, FrameToken, Refusal };

/** The site rules in use and the last check (background/site-rules.ts SiteRulesState). */
const SiteRulesView = z.strictObject({
  active: z.strictObject({ version: z.number().int().positive(), fetchedAt: z.string(), server: z.string() }).nullable(),
  check: z.strictObject({ checkedAt: z.string(), server: z.string().nullable(), error: z.string().nullable() }).nullable(),
});
const ReadCounts = z.strictObject({
  understood: z.number().int().min(0),
  partial: z.number().int().min(0),
  notUnderstood: z.number().int().min(0),
});

const Iso = z.iso.datetime();

const EntityKey = z.string().min(1).max(310);
/** The entity a team record is made for, as the page showed it. */
const TeamEntityRef = z.strictObject({
  name: z.string().min(1).max(300),
  uscc: z.string().max(30).optional(),
  legalRepresentative: z.string().max(100).optional(),
});

/** The entity a tab shows, as its page named it: what the side panel needs to show its notes and team record. */
export const TabEntity = z.strictObject({
  key: z.string().min(1),
  name: z.string(),
  uscc: z.string().optional(),
  legalRepresentative: z.string().optional(),
});
export type TabEntity = z.infer<typeof TabEntity>;

/** One entity's team record as read from the document: valid, or invalid with its problems (shown, never a crash). */
export const TeamRecord = z.discriminatedUnion('ok', [
  z.strictObject({ key: z.string(), ok: z.literal(true), value: TeamEntity }),
  z.strictObject({ key: z.string(), ok: z.literal(false), problems: z.array(z.string()) }),
]);
export type TeamRecord = z.infer<typeof TeamRecord>;

/**
 * What a credit page's tab answers for an evidence ZIP (保存取证; overlay/evidence-answer.ts): the page as saved
 * (savedPageHtml, without our elements), its reading, the gsxt JSON replies and the team's site rules it was read with.
 */
export const EvidenceReading = z.strictObject({
  html: z.string().max(60_000_000),
  record: EntityRecord,
  sections: z.array(z.strictObject({ kind: z.enum(['penalties', 'abnormal', 'serious']), pages: z.array(DataTablesPage).max(100) })).max(3),
  url: z.url(),
  observedAt: Iso,
  reader: ReaderInfo,
  rules: z.optional(z.strictObject({ version: z.number().int().positive(), site: SiteRulesForSite })),
});
export type EvidenceReading = z.infer<typeof EvidenceReading>;

export const Request = z.discriminatedUnion('type', [
  /** Content script → background: what the page showed, to keep as a snapshot and to set the toolbar badge. */
  z.strictObject({
    type: z.literal('snapshot:save'),
    record: EntityRecord,
    assessment: Assessment,
    url: z.url(),
    site: z.string(),
    observedAt: Iso,
  }),
  /** Content script → background: the page is no entity page (any more): clear the tab's badge. */
  z.strictObject({ type: z.literal('badge:clear') }),
  /** Content script → background: an entity page that could not be read (not understood): the tab's badge says "?". */
  z.strictObject({ type: z.literal('badge:unknown') }),
  /** Content script (top frame) → background: a one-time token for the frame it is about to open for this tab. */
  z.strictObject({ type: z.literal('frame:token'), purpose: FramePurpose, entityKey: EntityKey }),
  /**
   * Content script (top frame) → background, on a click of 笔记与团队台账: open the browser's side panel beside this tab
   * (the sender's own tab, from the browser). `opened: false`: no side panel here, the overlay opens its frame instead.
   */
  z.strictObject({ type: z.literal('sidepanel:open') }),
  /**
   * Content script (top frame) → background, on the user's 发送 under 读取有误？: the page report (core PageReport), to
   * the team server with the user's token, or saved as a file when it cannot go there.
   */
  z.strictObject({ type: z.literal('pagereport:send'), report: PageReport }),
  /**
   * Content script (top frame) → background, on the user's own click of 保存取证 in the overlay: the evidence ZIP of
   * its tab's page, read there again and downloaded (with the tab's MHTML when page capture is allowed).
   */
  z.strictObject({ type: z.literal('evidence:save') }),
  /** Popup → background: the same for a tab. */
  z.strictObject({ type: z.literal('evidence:tab'), tabId: z.number().int().min(0) }),
  /** Popup, ledger → background: the evidence ZIPs taken of an entity; show one in its folder. */
  z.strictObject({ type: z.literal('evidence:list'), entityKey: EntityKey }),
  z.strictObject({ type: z.literal('evidence:show'), downloadId: z.number().int().min(0) }),
  /** Content script → background, after its settled read: one read of the site for the reader-health counters. */
  z.strictObject({ type: z.literal('reader:count'), site: SiteId, layout: z.string().min(1).max(60), outcome: ReadOutcome }),
  /** Options page → background: the site rules in use and the last check; a check now (立即检查更新); the week's reads. */
  z.strictObject({ type: z.literal('site-rules:status') }),
  z.strictObject({ type: z.literal('site-rules:check') }),
  z.strictObject({ type: z.literal('reader:week') }),
  /** Side panel → background: the entity the tab shows (null: no entity page), to show its notes and team record. */
  z.strictObject({ type: z.literal('tab:entity'), tabId: z.number().int().min(0) }),
  /** A frame page (notes.html, links.html) → background: the token from its URL (null: it had none), to be allowed to write. */
  z.strictObject({ type: z.literal('frame:claim'), entityKey: EntityKey, token: z.nullable(FrameToken) }),
  /** Popup → background: quick lookup over local snapshots and notes. */
  z.strictObject({ type: z.literal('entity:lookup'), query: z.string().max(200) }),
  /** Popup → background: the entities seen most recently, one hit each. */
  z.strictObject({ type: z.literal('entity:recent'), limit: z.number().int().min(1).max(50) }),
  /** Notes frame → background. */
  z.strictObject({ type: z.literal('notes:list'), entityKey: z.string().min(1) }),
  z.strictObject({ type: z.literal('notes:save'), note: Note }),
  z.strictObject({ type: z.literal('notes:delete'), id: z.string().min(1) }),
  /** Options page → background: all local data as one file; import all or nothing; retention; wipe. */
  z.strictObject({ type: z.literal('data:export') }),
  /** The file is checked by the handler (ExportFile), so a bad file is answered with every problem, not refused. */
  z.strictObject({ type: z.literal('data:import'), file: z.unknown() }),
  z.strictObject({ type: z.literal('data:purge'), olderThanDays: z.number().int().min(1).max(36_500) }),
  z.strictObject({ type: z.literal('data:wipe') }),
  /**
   * Extension pages only → background: the team (sync/). Content scripts never ask (access.ts): team data stays in the
   * extension's own pages. Writes are stamped with the token's user and refused for a readonly role.
   */
  z.strictObject({ type: z.literal('team:status') }),
  z.strictObject({ type: z.literal('team:configure'), server: z.string().max(500), token: z.string().max(4_000) }),
  z.strictObject({ type: z.literal('team:disconnect') }),
  /** The notes frame, every second while open: the record, who else views the entity, the connection. */
  z.strictObject({ type: z.literal('team:entity'), entityKey: EntityKey }),
  z.strictObject({ type: z.literal('team:create'), entity: TeamEntityRef }),
  z.strictObject({ type: z.literal('team:update'), entityKey: EntityKey, patch: TeamEntityPatch }),
  z.strictObject({ type: z.literal('team:tag-add'), entityKey: EntityKey, tag: z.string().max(50) }),
  z.strictObject({ type: z.literal('team:tag-remove'), entityKey: EntityKey, tag: z.string().max(50) }),
  z.strictObject({ type: z.literal('team:note-add'), entityKey: EntityKey, id: z.string().min(1).max(100), text: z.string().max(20_000) }),
  /** 列入严重违法失信名单决定: added, corrected (same id) or removed, one at a time. */
  z.strictObject({ type: z.literal('team:listing-add'), entityKey: EntityKey, listing: TeamListing }),
  z.strictObject({ type: z.literal('team:listing-update'), entityKey: EntityKey, listing: TeamListing }),
  z.strictObject({ type: z.literal('team:listing-remove'), entityKey: EntityKey, id: TeamListing.shape.id }),
  /** 分享给团队: copies one private note (read from the local database by id) into the entity's team notes. */
  z.strictObject({ type: z.literal('team:note-share'), noteId: z.string().min(1), entity: TeamEntityRef }),
  /** Popup: the team document searched by name, code, legal representative, tag and note text. */
  z.strictObject({ type: z.literal('team:lookup'), query: z.string().max(200) }),
  /** Links frame → background: entities whose legal representative has the same name and that are listed (穿透式监管). */
  z.strictObject({ type: z.literal('person:links'), entityKey: EntityKey, person: z.string().max(100) }),
  /**
   * The ledger page (ledger.html) → background. The team's records a page at a time (20,000 records in one message
   * would be tens of megabytes); `version` (the document's state vector) tells the page whether it changed between
   * pages. What this computer saw of each entity, summarised; one entity's latest snapshot when its row is opened.
   */
  z.strictObject({ type: z.literal('ledger:list'), offset: z.number().int().min(0), limit: z.number().int().min(1).max(5_000) }),
  z.strictObject({ type: z.literal('ledger:seen') }),
  z.strictObject({ type: z.literal('ledger:snapshot'), entityKey: EntityKey }),
  /** 修改记录: the team server's history of the record, as the server attributed it (who, when, what changed). */
  z.strictObject({ type: z.literal('ledger:history'), entityKey: EntityKey }),
  /** One status (null: unset) for many records, in one transaction; a readonly role is refused. */
  z.strictObject({
    type: z.literal('ledger:bulk-status'),
    entityKeys: z.array(EntityKey).min(1).max(100_000),
    status: CaseStatus.nullable(),
  }),
  /** 标记集中公示 / 标记典型案例曝光: one of the two report dates (null: cleared) on many records, in one transaction. */
  z.strictObject({
    type: z.literal('ledger:bulk-date'),
    entityKeys: z.array(EntityKey).min(1).max(100_000),
    field: z.enum(['repeatOffenderPublicizedOn', 'typicalCaseExposedOn']),
    date: z.nullable(IsoDateString),
  }),
  /**
   * A clue list's rows and the user's column mapping: the background checks every row again (core parseClueRows,
   * the same check the page previewed) and writes the good ones, 500 rows to a transaction (importClues).
   */
  z.strictObject({
    type: z.literal('ledger:import'),
    importId: z.string().min(1).max(60),
    rows: z.array(z.array(z.string().max(100_000).nullable()).max(500)).max(100_000),
    mapping: ClueMappingSchema,
    firstRow: z.number().int().min(1),
  }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

const Ok = z.literal(true);

/** The answer to each request type. */
export const Responses = {
  ...ContentResponses,
  'frame:claim': z.strictObject({ ok: Ok, granted: z.boolean() }),
  'evidence:tab': z.strictObject({ ok: Ok, fileName: z.string(), mhtml: MhtmlState }),
  'evidence:list': z.strictObject({ ok: Ok, entries: z.array(EvidenceEntry) }),
  /** `shown: false`: the file is no longer where it was downloaded (moved or deleted). */
  'evidence:show': z.strictObject({ ok: Ok, shown: z.boolean() }),
  'tab:entity': z.strictObject({ ok: Ok, entity: TabEntity.nullable() }),
  'site-rules:status': z.strictObject({ ok: Ok, state: SiteRulesView }),
  'site-rules:check': z.strictObject({ ok: Ok, state: SiteRulesView }),
  'reader:week': z.strictObject({ ok: Ok, sites: z.array(z.strictObject({ site: z.string(), counts: ReadCounts })) }),
  'entity:lookup': z.strictObject({ ok: Ok, hits: z.array(Snapshot), notes: z.array(Note) }),
  'entity:recent': z.strictObject({ ok: Ok, hits: z.array(Snapshot) }),
  'notes:list': z.strictObject({ ok: Ok, notes: z.array(Note) }),
  'notes:save': z.strictObject({ ok: Ok, note: Note }),
  'notes:delete': z.strictObject({ ok: Ok }),
  'data:export': z.strictObject({ ok: Ok, file: ExportFile }),
  /** `imported: false`: nothing was changed, and `problems` says why (each with its path in the file). */
  'data:import': z.discriminatedUnion('imported', [
    z.strictObject({ ok: Ok, imported: z.literal(true), notes: z.number().int(), snapshots: z.number().int() }),
    z.strictObject({ ok: Ok, imported: z.literal(false), problems: z.array(z.string()) }),
  ]),
  'data:purge': z.strictObject({ ok: Ok, purged: z.number().int() }),
  'data:wipe': z.strictObject({ ok: Ok }),
  'team:status': z.strictObject({ ok: Ok, status: TeamStatus }),
  /** `configured: false`: nothing was changed, and `problems` says why. */
  'team:configure': z.discriminatedUnion('configured', [
    z.strictObject({ ok: Ok, configured: z.literal(true), status: TeamStatus }),
    z.strictObject({ ok: Ok, configured: z.literal(false), problems: z.array(z.string()) }),
  ]),
  'team:disconnect': z.strictObject({ ok: Ok, status: TeamStatus }),
  /** `record: null`: the team has no record of this entity (yet). */
  'team:entity': z.strictObject({ ok: Ok, status: TeamStatus, record: TeamRecord.nullable(), viewers: z.array(z.string()) }),
  'team:create': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:update': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:tag-add': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:tag-remove': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:note-add': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:note-share': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:listing-add': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:listing-update': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:listing-remove': z.strictObject({ ok: Ok, record: TeamRecord }),
  'team:lookup': z.strictObject({ ok: Ok, status: TeamStatus, hits: z.array(z.strictObject({ key: z.string(), value: TeamEntity })) }),
  /** Same-name matches to verify (同名，需核实), never facts: listed on the serious list as last seen, or marked listed by the team. */
  'person:links': z.strictObject({
    ok: Ok,
    links: z.array(z.strictObject({ key: z.string(), name: z.string(), seriousListed: z.boolean(), teamListed: z.boolean() })),
  }),
  'ledger:list': z.strictObject({ ok: Ok, status: TeamStatus, total: z.number().int(), version: z.string(), records: z.array(TeamRecord) }),
  'ledger:seen': z.strictObject({ ok: Ok, seen: z.array(SeenSummary) }),
  'ledger:snapshot': z.strictObject({ ok: Ok, snapshot: Snapshot.nullable() }),
  /** `history: null`: no team server is configured. A server that cannot answer is a refusal with the reason. */
  'ledger:history': z.strictObject({ ok: Ok, history: EntityHistory.nullable() }),
  /** `skipped`: keys with no record, or a record that does not parse (left as it is). */
  'ledger:bulk-status': z.strictObject({ ok: Ok, updated: z.number().int(), skipped: z.array(z.string()) }),
  'ledger:bulk-date': z.strictObject({ ok: Ok, updated: z.number().int(), skipped: z.array(z.string()) }),
  'ledger:import': z.strictObject({
    ok: Ok,
    imported: z.number().int(),
    bad: z.array(z.strictObject({ row: z.number().int(), reason: z.string() })),
  }),
} satisfies Record<RequestType, z.core.$ZodType>;
export type Response<T extends RequestType> = z.infer<(typeof Responses)[T]>;

/** What a frame page that presented its token may do: write for this entity, nothing else. */
export interface FrameGrant {
  purpose: FramePurpose;
  entityKey: string;
}

/** Who sent a message, as the browser says (never as the message says). */
export interface SenderContext {
  /** The tab of a content script (or of an extension page shown in a tab or frame). */
  tabId?: number;
  /** The frame within the tab (0: the top frame). */
  frameId?: number;
  /** The sender is a page of this extension (popup, options, notes frame), not a content script. */
  extensionPage: boolean;
  /**
   * Set when the sender is one of the frame pages shown inside credit pages (notes.html, links.html), which a page
   * can load too: its address, document and the grant it holds (null: none, so it is read-only).
   */
  frame?: { purpose: FramePurpose; url: string; documentId?: string; grant: FrameGrant | null };
}
