import * as encoding from 'lib0/encoding';

/**
 * The y-websocket protocol's message types (as y-websocket 3 and @y/websocket-server speak it), their encoders and
 * the close codes this server uses. Each WebSocket message is one binary frame: a varuint type, then its payload.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export const CLOSE = {
  /** A limit: connections, rate, a client too slow to receive. */
  POLICY: 1008,
  /**
   * The right to the document was withdrawn: user removed, token revoked or expired. In the 4400–4499 range, which
   * y-websocket 3 takes as final: the client stops reconnecting (a new token is needed).
   */
  WITHDRAWN: 4401,
  /** Larger than MAX_MESSAGE_BYTES (ws closes with it by itself). */
  TOO_BIG: 1009,
  /** A frame that is not a message of the protocol. */
  MALFORMED: 1007,
  /** The store refused a commit. */
  INTERNAL: 1011,
  /** SIGTERM: the server is going away and will be back. */
  RESTART: 1012,
} as const;

/**
 * A sync message: step 1 (a state vector), step 2 or an update (a Yjs update). Written straight into one array of its
 * final size (the type, the step, the payload's length as varuint, the payload): a state of megabytes is copied once.
 */
export function syncMessage(step: typeof SYNC_STEP1 | typeof SYNC_STEP2 | typeof SYNC_UPDATE, payload: Uint8Array): Uint8Array {
  const header = [MESSAGE_SYNC, step];
  let length = payload.byteLength;
  for (; length > 0x7f; length = Math.floor(length / 0x80)) header.push(0x80 | (length % 0x80));
  header.push(length);
  const message = new Uint8Array(header.length + payload.byteLength);
  message.set(header);
  message.set(payload, header.length);
  return message;
}

/** An awareness (presence) message. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}
