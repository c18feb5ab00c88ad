/**
 * The background's handlers of the team:* messages: the team document through core's checked readers and writers
 * (never Y.Map fields by hand), each write stamped with the token's user and the time, a readonly role refused before
 * anything is written. A private note reaches the team document only through team:note-share (分享给团队).
 */
import type * as Y from 'yjs';
import {
  addTeamListing,
  addTeamNote,
  addTeamTag,
  ensureTeamEntity,
  readTeamEntity,
  removeTeamListing,
  removeTeamTag,
  updateTeamEntity,
  updateTeamListing,
  type TeamEdit,
  type TeamWrite,
} from '#core';
import { Note } from '../storage/contract.ts';
import { UserError } from '../ui/errors.ts';
import type { CreditLensDb } from '../storage/db.ts';
import { searchTeam } from '../sync/search.ts';
import type { TeamBackend } from '../sync/team-service.ts';
import type { TeamRecord } from './protocol.ts';
import type { Handlers } from './router.ts';

export type TeamRequestType = Extract<keyof Handlers, `team:${string}`>;
export type TeamHandlers = Pick<Handlers, TeamRequestType>;

/** The document and the stamp for a write; refuses when no team is set or the role is readonly. */
export async function writer(team: TeamBackend, now: () => string): Promise<{ doc: Y.Doc; edit: TeamEdit }> {
  const session = await team.session();
  if (!session) throw new UserError('team_error_not_configured', [], 'no team server is configured');
  if (session.claims.role === 'readonly')
    throw new UserError(
      'team_error_readonly',
      [session.claims.sub],
      `read-only: ${session.claims.sub} may read the team record but not change it`,
    );
  return { doc: session.doc, edit: { by: session.claims.sub, at: now() } };
}

/** The record after a write, or the write's problems as the refusal. */
function written(doc: Y.Doc, result: TeamWrite): { ok: true; record: TeamRecord } {
  // The document's own problems (core's English) go to the log; the user reads that the change was refused.
  if (!result.ok) throw new UserError('team_error_write_refused', [], result.problems.join('; '));
  const record = readTeamEntity(doc, result.key);
  if (!record) throw new UserError('team_error_no_record', [result.key], `no team record for ${result.key}`);
  return { ok: true, record };
}

export function teamHandlersFor(team: TeamBackend, db: CreditLensDb, now: () => string): TeamHandlers {
  const change = async (apply: (doc: Y.Doc, edit: TeamEdit) => TeamWrite) => {
    const { doc, edit } = await writer(team, now);
    return written(doc, apply(doc, edit));
  };
  return {
    'team:status': async () => ({ ok: true, status: await team.status() }),
    'team:configure': async ({ server, token }) => {
      const result = await team.configure({ server, token });
      return result.ok ? { ok: true, configured: true, status: result.status } : { ok: true, configured: false, problems: result.problems };
    },
    'team:disconnect': async () => ({ ok: true, status: await team.disconnect() }),
    'team:entity': async ({ entityKey }, from) => {
      // The frame asking sits in the tab that shows the entity: after a restart of the background, this is how the
      // team learns again what the open tabs show.
      if (from.tabId !== undefined) team.setTabEntity(from.tabId, entityKey);
      const session = await team.session();
      const record = session ? readTeamEntity(session.doc, entityKey) : null;
      return { ok: true, status: await team.status(), record, viewers: team.viewersOf(entityKey) };
    },
    'team:create': ({ entity }) => change((doc, edit) => ensureTeamEntity(doc, entity, edit)),
    'team:update': ({ entityKey, patch }) => change((doc, edit) => updateTeamEntity(doc, entityKey, patch, edit)),
    'team:tag-add': ({ entityKey, tag }) => change((doc, edit) => addTeamTag(doc, entityKey, tag, edit)),
    'team:tag-remove': ({ entityKey, tag }) => change((doc, edit) => removeTeamTag(doc, entityKey, tag, edit)),
    'team:note-add': ({ entityKey, id, text }) => change((doc, edit) => addTeamNote(doc, entityKey, { id, text: text.trim() }, edit)),
    'team:listing-add': ({ entityKey, listing }) => change((doc, edit) => addTeamListing(doc, entityKey, listing, edit)),
    'team:listing-update': ({ entityKey, listing }) => change((doc, edit) => updateTeamListing(doc, entityKey, listing, edit)),
    'team:listing-remove': ({ entityKey, id }) => change((doc, edit) => removeTeamListing(doc, entityKey, id, edit)),
    'team:note-share': async ({ noteId, entity }) => {
      const stored = Note.safeParse(await db.notes.get(noteId));
      if (!stored.success) throw new UserError('team_error_no_note', [], `no private note ${noteId}`);
      const note = stored.data;
      return change((doc, edit) => {
        const made = ensureTeamEntity(doc, entity, edit);
        if (!made.ok) return made;
        if (made.key !== note.entityKey) return { ok: false, problems: [`the note belongs to ${note.entityKey}, not ${made.key}`] };
        // One team note per version of the private note: sharing the same text twice adds it once.
        const id = `${note.id}@${note.editedAt}`;
        const existing = readTeamEntity(doc, made.key);
        if (existing?.ok && existing.value.notes.some((n) => n.id === id)) return made;
        return addTeamNote(doc, made.key, { id, text: note.text.trim() }, edit);
      });
    },
    'team:lookup': async ({ query }) => {
      const session = await team.session();
      return { ok: true, status: await team.status(), hits: session ? searchTeam(session.doc, query) : [] };
    },
  };
}
