/**
 * The y-websocket protocol's message types (as y-websocket 3 and @y/websocket-server speak it) and the close codes
 * this server uses. Each WebSocket message is one binary frame: a varuint type, then its payload.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export const CLOSE = {
  /** A limit or a withdrawn right: connections, rate, removed user, revoked or expired token. */
  POLICY: 1008,
  /** Larger than MAX_MESSAGE_BYTES (ws closes with it by itself). */
  TOO_BIG: 1009,
  /** A frame that is not a message of the protocol. */
  MALFORMED: 1007,
  /** The store refused a commit. */
  INTERNAL: 1011,
  /** SIGTERM: the server is going away and will be back. */
  RESTART: 1012,
} as const;
