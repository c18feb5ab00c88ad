/**
 * The popup's lookup over the team document: by credit code (prefix), entity name, legal representative, tag or the
 * text of a team note, in match form (width, case and spaces do not matter), as the local lookup matches. Records
 * that do not parse are not searched: their fields cannot be trusted to mean what they say.
 */
import type * as Y from 'yjs';
import { matchForm, normalizeIdentifier, readTeamEntities, type TeamEntity } from '#core';

export interface TeamHit {
  key: string;
  value: TeamEntity;
}

function matches(entity: TeamEntity, key: string, code: string, text: string): boolean {
  const has = (field: string | null) => field !== null && matchForm(field).includes(text);
  return (
    (code.length >= 4 && key.startsWith(code)) ||
    has(entity.name) ||
    has(entity.legalRepresentative) ||
    entity.tags.some(has) ||
    entity.notes.some((note) => has(note.text))
  );
}

/** The team's records that match `query`: the exact code first, then names that start with it, then the most recently changed. */
export function searchTeam(doc: Y.Doc, query: string, limit = 20): TeamHit[] {
  const code = normalizeIdentifier(query);
  const text = matchForm(query);
  if (text === '') return [];
  const hits: TeamHit[] = [];
  for (const read of readTeamEntities(doc)) {
    if (read.ok && matches(read.value, read.key, code, text)) hits.push({ key: read.key, value: read.value });
  }
  const rank = (hit: TeamHit) => (hit.key === code ? 0 : matchForm(hit.value.name).startsWith(text) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || b.value.updatedAt.localeCompare(a.value.updatedAt)).slice(0, limit);
}
