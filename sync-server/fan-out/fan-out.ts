/**
 * How instances of the server reach each other: each publishes the document updates it committed and the presence
 * changes it received, and applies the others'. One implementation, over Redis (redis.ts); with one instance there
 * is none.
 */
export interface FanOut {
  /**
   * Starts receiving a document's messages; resolves once subscribed, so that anything published afterwards
   * arrives. Until the returned function is called, updates also go to `early` (the document is still loading).
   */
  subscribe(name: string, early: (update: Uint8Array) => void): Promise<() => void>;
  unsubscribe(name: string): Promise<void>;
  /** After the update is committed. */
  publishUpdate(name: string, update: Uint8Array): void;
  publishAwareness(name: string, update: Uint8Array): void;
  onUpdate(handler: (name: string, update: Uint8Array) => void): void;
  onAwareness(handler: (name: string, update: Uint8Array) => void): void;
  /** After a lost connection came back: messages may have been missed, so the open documents reload. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}
