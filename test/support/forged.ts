import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A Yjs update (V1) of one GC range under any client id and clock: a few bytes that take those clocks' place. */
export function forgedGc(client: number, clock: number, length = 1): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, length);
    encoding.writeVarUint(e, 0);
  });
}

/** The y-websocket message carrying an update. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An update of a fresh client id whose first transaction is never sent: its dependencies never arrive. */
export function orphanUpdate(clientID: number, value: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getMap('m').set('first', 1);
  const before = Y.encodeStateVector(doc);
  doc.getMap('m').set('orphan', value);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}
