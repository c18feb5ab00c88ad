/**
 * Which context may send which message. Content scripts run beside untrusted pages: they may report what a page
 * showed, clear its badge, ask for a frame token, open the side panel beside their own tab, send a page report
 * (读取有误？, from the top frame only: its handler checks) and save the evidence of their own tab, nothing more — notes,
 * lookups, the data tools and everything of the team (team:*) answer only the extension's own pages (popup, options, the notes frame). The frame pages shown
 * inside credit pages (notes.html, links.html) can be loaded by the page itself, hidden, to catch a click: they may
 * read, and write only with the grant of a token the overlay gave them, for their own entity. The sender is the
 * browser's word, not the message's.
 */
import { entityKey } from '#core';
import type { FrameGrant, Request, RequestType } from './protocol.ts';

const FROM_CONTENT_SCRIPTS: ReadonlySet<RequestType> = new Set([
  'snapshot:save',
  'badge:clear',
  'badge:unknown',
  'frame:token',
  'sidepanel:open',
  'pagereport:send',
  'evidence:save',
  'reader:count',
]);

/** What a frame page may ask without a grant: reading what it shows, and presenting its token. */
const FRAME_READS: ReadonlySet<RequestType> = new Set(['frame:claim', 'notes:list', 'team:entity', 'person:links']);

/** The writes the notes frame makes; each needs the frame's grant for the entity it concerns. */
const FRAME_WRITES: ReadonlySet<RequestType> = new Set([
  'notes:save',
  'notes:delete',
  'team:create',
  'team:update',
  'team:tag-add',
  'team:tag-remove',
  'team:note-add',
  'team:note-share',
  'team:listing-add',
  'team:listing-update',
  'team:listing-remove',
]);

export function mayAsk(type: RequestType, fromExtensionPage: boolean): boolean {
  return fromExtensionPage || FROM_CONTENT_SCRIPTS.has(type);
}

/** The entity a write concerns, when the message names it (notes:delete names a note: its handler checks). */
function entityOf(request: Request): string | null {
  switch (request.type) {
    case 'notes:save':
      return request.note.entityKey;
    case 'team:create':
    case 'team:note-share':
      return entityKey(request.entity);
    case 'team:update':
    case 'team:tag-add':
    case 'team:tag-remove':
    case 'team:note-add':
    case 'team:listing-add':
    case 'team:listing-update':
    case 'team:listing-remove':
      return request.entityKey;
    default:
      return null;
  }
}

/** Why a frame page may not send this (null: it may). */
export function frameRefusal(request: Request, grant: FrameGrant | null): string | null {
  if (FRAME_READS.has(request.type)) return null;
  if (!FRAME_WRITES.has(request.type)) return `${request.type} refused: frames may not ask for it`;
  if (!grant || grant.purpose !== 'notes') return `${request.type} refused: this frame was not opened by the overlay`;
  const entity = entityOf(request);
  if (entity !== null && entity !== grant.entityKey) return `${request.type} refused: the frame was opened for another entity`;
  return null;
}
