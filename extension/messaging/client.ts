/**
 * The sending side of the protocol, for content scripts and extension pages: the request is checked before it
 * leaves, and the answer is parsed against the response schema of its type, so callers hold typed, checked data.
 * A refusal or a malformed answer becomes a thrown `ProtocolError` with the reason.
 */
import type * as z from 'zod';
import { problemLines, problemsOf } from '#core';
import { Refusal, Request, Responses, type RequestOf, type RequestType, type Response } from './protocol.ts';

export class ProtocolError extends Error {
  /**
   * zod's issues when the request itself did not parse, for a page to put into its own words; `key`/`subs`: the
   * refusal's message for the user (ui/errors.ts errorText), when the background gave one.
   */
  constructor(message: string, readonly issues: readonly z.core.$ZodIssue[] = [], readonly key?: string, readonly subs: string[] = []) {
    super(message);
  }
}

/** How a message travels; the extension passes `browser.runtime.sendMessage`, tests a router. */
export type Transport = (message: unknown) => Promise<unknown>;

export async function request<T extends RequestType>(transport: Transport, message: RequestOf<T>): Promise<Response<T>> {
  const checked = Request.safeParse(message);
  if (!checked.success) throw new ProtocolError(`invalid ${message.type} request: ${problemLines(problemsOf(checked.error)).join('; ')}`, checked.error.issues);
  const answer = await transport(checked.data);
  const refused = Refusal.safeParse(answer);
  if (refused.success) throw new ProtocolError(refused.data.error, [], refused.data.key, refused.data.subs);
  const parsed = (Responses[message.type] as unknown as z.ZodType<Response<T>>).safeParse(answer);
  if (!parsed.success) throw new ProtocolError(`malformed answer to ${message.type}: ${problemLines(problemsOf(parsed.error)).join('; ')}`);
  return parsed.data;
}
