/** What both sending sides of the protocol (client.ts, content-client.ts) share: the transport and the error. */
import type * as z from 'zod/mini';

export class ProtocolError extends Error {
  /**
   * zod's issues when the request itself did not parse, for a page to put into its own words; `key`/`subs`: the
   * refusal's message for the user (ui/errors.ts errorText), when the background gave one.
   */
  constructor(
    message: string,
    readonly issues: readonly z.core.$ZodIssue[] = [],
    readonly key?: string,
    readonly subs: string[] = [],
  ) {
    super(message);
  }
}

/** How a message travels; the extension passes `browser.runtime.sendMessage`, tests a router. */
export type Transport = (message: unknown) => Promise<unknown>;
