/**
 * The private Yjs fields yjs-internals.ts relies on, checked against the installed Yjs: a new Yjs version fails here
 * first, and whoever updates it checks these fields again before changing the pinned version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropParked, parkedBytes, withoutParked } from './yjs-internals.ts';

const CHECKED_WITH = '13.6.33';

/** An update whose dependency (the first one) the document has not seen: Yjs parks it. */
function parkedDoc(): { doc: Y.Doc; first: Uint8Array } {
  const writer = new Y.Doc();
  const map = writer.getMap('m');
  map.set('a', 1);
  const first = Y.encodeStateAsUpdate(writer);
  const before = Y.encodeStateVector(writer);
  map.set('a', 2);
  writer.getText('t').insert(0, 'later');
  const second = Y.encodeStateAsUpdate(writer, before);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, second);
  return { doc, first };
}

describe('Yjs internals', () => {
  it(`are used with the Yjs version they were checked with (${CHECKED_WITH})`, () => {
    const installed = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('yjs/package.json'), 'utf8')) as { version: string };
    const declared = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }
    ).dependencies.yjs;
    expect({ installed: installed.version, declared }).toEqual({ installed: CHECKED_WITH, declared: CHECKED_WITH });
  });

  it('measure what a document parked, leave it out of an encoding, and drop it', () => {
    const { doc, first } = parkedDoc();
    expect(doc.getMap('m').size).toBe(0);
    expect(parkedBytes(doc)).toBeGreaterThan(0);
    const withParked = Y.encodeStateAsUpdate(doc);
    const applied = withoutParked(doc, () => Y.encodeStateAsUpdate(doc));
    expect(applied.byteLength).toBeLessThan(withParked.byteLength);
    expect(parkedBytes(doc)).toBeGreaterThan(0);

    // Once the dependency arrives the parked update is applied (the fields are what Yjs itself uses).
    const kept = new Y.Doc();
    Y.applyUpdate(kept, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(kept, first);
    expect(kept.getMap('m').get('a')).toBe(2);

    dropParked(doc);
    expect(parkedBytes(doc)).toBe(0);
    Y.applyUpdate(doc, first);
    expect(doc.getMap('m').get('a')).toBe(1);
    expect(doc.getText('t').toString()).toBe('');
  });
});
