/**
 * For tests and the benchmark only: a team document of `count` entities with every field varied on a fixed pattern
 * (status, domain, assignee, tags, notes, listings, dates), so filters and sorts have something to find and the
 * expected counts follow from the index. Deterministic: the same count gives the same document.
 */
import * as Y from 'yjs';
import { CaseStatus, Domain, addTeamListing, addTeamNote, addTeamTag, ensureTeamEntity, updateTeamEntity } from '#core';

export const ASSIGNEES = ['alice', 'bob', 'carol', null] as const;
const STATUSES = [...CaseStatus.options, null] as const;

export const usccOf = (i: number) => `91330100MA${String(i).padStart(8, '0')}`;

/** The day (2026-01-01 + i mod 330) on which entity i was last changed. */
export function dayOf(i: number): string {
  return new Date(Date.UTC(2026, 0, 1 + (i % 330))).toISOString().slice(0, 10);
}

export function ledgerDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const key = usccOf(i);
      const edit = { by: 'li', at: `${dayOf(i)}T02:00:00.000Z` };
      ensureTeamEntity(doc, { name: `示例市第${i}号商贸有限公司`, uscc: key, legalRepresentative: `张${i % 500}` }, edit);
      updateTeamEntity(
        doc,
        key,
        {
          status: STATUSES[i % STATUSES.length],
          domain: i % 7 === 6 ? null : Domain.options[i % 7]!,
          assignee: ASSIGNEES[i % 4],
          repeatOffenderPublicizedOn: i % 40 === 0 ? dayOf(i) : null,
        },
        edit,
      );
      if (i % 7 === 0) addTeamTag(doc, key, '重点', edit);
      if (i % 11 === 0) addTeamTag(doc, key, '冷链', edit);
      if (i % 13 === 0) addTeamNote(doc, key, { id: `n${i}`, text: `现场检查发现过期原料（第${i}次）` }, edit);
      if (i % 50 === 0)
        addTeamListing(doc, key, { id: `l${i}`, decidedOn: dayOf(i), domain: 'FOOD', decisionNo: `示市监信〔2026〕${i}号` }, edit);
    }
  });
  return doc;
}
