/** What both sending sides of the protocol (client.ts, content-client.ts) share: the transport and the error. */
import type * as z from 'zod/mini';

export class ProtocolError extends Error {
  /** zod's issues when the request itself did not parse, for a page to put into its own words. */
  constructor(message: string, readonly issues: readonly z.core.$ZodIssue[] = []) {
    super(message);
  }
}

/** How a message travels; the extension passes `browser.runtime.sendMessage`, tests a router. */
export type Transport = (message: unknown) => Promise<unknown>;
