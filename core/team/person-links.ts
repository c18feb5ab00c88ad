/**
 * 穿透式监管: the same person as legal representative (法定代表人 / 负责人 / 经营者 / 投资人) of several entities. The
 * index is built from what this computer has seen (snapshots) and the team document; a link is a same-name match
 * (同名，需核实) to be verified by staff — two people can share a name — and is never presented as a fact.
 */
import * as Y from 'yjs';
import { cleanText } from '../lib/text.ts';
import { ENTITIES_MAP, readTeamEntity } from './entities-doc.ts';

/** One entity and its legal representative, as one source knows it. */
export type PersonEntry = {
  key: string;
  name: string;
  person: string;
  /** On the serious illegal and dishonest list, as the credit site showed it. */
  seriousListed: boolean;
  /** Marked `listed` by the team. */
  teamListed: boolean;
};

export type PersonLink = { key: string; name: string; seriousListed: boolean; teamListed: boolean };

/** Names compare without spaces and width differences (张 三, 张三, ＺＨＡＮＧ san → one form). */
export function personForm(person: string): string {
  return cleanText(person).replace(/\s+/g, '').toUpperCase();
}

export class PersonIndex {
  readonly #byPerson = new Map<string, Map<string, PersonLink>>();

  constructor(entries: Iterable<PersonEntry>) {
    for (const entry of entries) this.add(entry);
  }

  /** Entries for the same entity from several sources merge: listed if any source says so. */
  add(entry: PersonEntry): void {
    const form = personForm(entry.person);
    if (form === '') return;
    let entities = this.#byPerson.get(form);
    if (!entities) this.#byPerson.set(form, (entities = new Map()));
    const known = entities.get(entry.key);
    entities.set(entry.key, {
      key: entry.key,
      name: known?.name ?? entry.name,
      seriousListed: (known?.seriousListed ?? false) || entry.seriousListed,
      teamListed: (known?.teamListed ?? false) || entry.teamListed,
    });
  }

  /** Every entity whose legal representative has this name. */
  entitiesOf(person: string): PersonLink[] {
    return [...(this.#byPerson.get(personForm(person))?.values() ?? [])].sort((a, b) => a.key.localeCompare(b.key));
  }

  /**
   * The warning for an entity page: other entities with a same-name legal representative that are on the serious
   * list or marked listed by the team. Empty when there is none (or the page shows no legal representative).
   */
  listedLinks(subject: { key: string; person: string | undefined }): PersonLink[] {
    if (!subject.person) return [];
    return this.entitiesOf(subject.person).filter((e) => e.key !== subject.key && (e.seriousListed || e.teamListed));
  }
}

/**
 * The team document's entries whose legal representative has this name, as PersonEntry — a scan of the raw maps
 * that parses only the matches (a team document can hold 20,000 records; parsing them all for one page is waste).
 */
export function teamEntriesOfPerson(doc: Y.Doc, person: string): PersonEntry[] {
  const form = personForm(person);
  if (form === '') return [];
  const entries: PersonEntry[] = [];
  for (const [key, raw] of doc.getMap(ENTITIES_MAP).entries()) {
    if (!(raw instanceof Y.Map)) continue;
    const rep = raw.get('legalRepresentative');
    if (typeof rep !== 'string' || personForm(rep) !== form) continue;
    const read = readTeamEntity(doc, key);
    if (!read?.ok) continue;
    entries.push({ key, name: read.value.name, person: rep, seriousListed: false, teamListed: read.value.status === 'listed' });
  }
  return entries;
}
