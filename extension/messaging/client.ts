/**
 * The sending side of the protocol, for extension pages (content scripts: content-client.ts): the request is checked before it
 * leaves, and the answer is parsed against the response schema of its type, so callers hold typed, checked data.
 * A refusal or a malformed answer becomes a thrown `ProtocolError` with the reason.
 */
import type * as z from 'zod';
import { problemLines, problemsOf } from '#core';
import { ProtocolError, type Transport } from './errors.ts';
import { Refusal, Request, Responses, type RequestOf, type RequestType, type Response } from './protocol.ts';

export { ProtocolError, type Transport };

export async function request<T extends RequestType>(transport: Transport, message: RequestOf<T>): Promise<Response<T>> {
  const checked = Request.safeParse(message);
  if (!checked.success)
    throw new ProtocolError(`invalid ${message.type} request: ${problemLines(problemsOf(checked.error)).join('; ')}`, checked.error.issues);
  const answer = await transport(checked.data);
  const refused = Refusal.safeParse(answer);
  if (refused.success) throw new ProtocolError(refused.data.error, [], refused.data.key, refused.data.subs);
  const parsed = (Responses[message.type] as unknown as z.ZodType<Response<T>>).safeParse(answer);
  if (!parsed.success) throw new ProtocolError(`malformed answer to ${message.type}: ${problemLines(problemsOf(parsed.error)).join('; ')}`);
  return parsed.data;
}
