/**
 * The sending side of the protocol for content scripts: the four requests they make (content-protocol.ts), the
 * answer parsed against its response schema, a refusal or a malformed answer thrown as a `ProtocolError`. Unlike
 * client.ts it does not check the request before it leaves — the content script builds it from its own typed values,
 * and the background parses every message it receives (router.ts) — so the content scripts do not carry the schemas
 * of the whole protocol (docs/adr/0005-overlay-first-paint.md).
 */
import * as z from 'zod/mini';
import { problemLines, problemsOf } from '#core/page';
import { ContentResponses, Refusal, type ContentRequestType } from './content-protocol.ts';
import { ProtocolError, type Transport } from './errors.ts';
import type { RequestOf, RequestType, Response } from './protocol.ts';

export async function requestFromPage<T extends ContentRequestType & RequestType>(
  transport: Transport,
  message: RequestOf<T>,
): Promise<Response<T>> {
  const type = (message as { type: ContentRequestType }).type;
  const answer = await transport(message);
  const refused = z.safeParse(Refusal, answer);
  if (refused.success) throw new ProtocolError(refused.data.error, [], refused.data.key, refused.data.subs);
  const parsed = z.safeParse(ContentResponses[type] as unknown as z.core.$ZodType<Response<T>>, answer);
  if (!parsed.success) throw new ProtocolError(`malformed answer to ${type}: ${problemLines(problemsOf(parsed.error)).join('; ')}`);
  return parsed.data;
}
