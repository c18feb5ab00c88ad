/**
 * 穿透式监管: the entities whose legal representative has the same name as this one's and that are listed — on the
 * serious list as this computer last saw them (local snapshots), or marked listed by the team. A same-name match is
 * something to verify (同名，需核实), never a fact. Snapshots are found through their `person` index; the team
 * document is scanned by core without parsing every record.
 */
import { PersonIndex, matchForm, teamEntriesOfPerson, type PersonEntry, type PersonLink } from '#core';
import { Snapshot } from '../storage/contract.ts';
import type { CreditLensDb } from '../storage/db.ts';
import type { TeamBackend } from '../sync/team-service.ts';
import type { Handlers } from './router.ts';

async function snapshotEntries(db: CreditLensDb, person: string): Promise<PersonEntry[]> {
  const form = matchForm(person);
  if (form === '') return [];
  const latest = new Map<string, Snapshot>();
  for (const row of await db.snapshots.where('person').equals(form).toArray()) {
    const parsed = Snapshot.safeParse(row);
    if (!parsed.success) continue;
    const seen = latest.get(parsed.data.entityKey);
    if (!seen || parsed.data.observedAt > seen.observedAt) latest.set(parsed.data.entityKey, parsed.data);
  }
  return [...latest.values()].map((s) => ({
    key: s.entityKey,
    name: s.record.entity.name,
    person: s.record.entity.legalRepresentative ?? person,
    seriousListed: s.assessment.seriousList.active,
    teamListed: false,
  }));
}

export async function personLinks(
  db: CreditLensDb,
  team: TeamBackend,
  subject: { entityKey: string; person: string },
): Promise<PersonLink[]> {
  const session = await team.session();
  const entries = [...(await snapshotEntries(db, subject.person)), ...(session ? teamEntriesOfPerson(session.doc, subject.person) : [])];
  return new PersonIndex(entries).listedLinks({ key: subject.entityKey, person: subject.person });
}

export function personHandlersFor(db: CreditLensDb, team: TeamBackend): Pick<Handlers, 'person:links'> {
  return {
    'person:links': async ({ entityKey, person }) => ({ ok: true, links: await personLinks(db, team, { entityKey, person }) }),
  };
}
