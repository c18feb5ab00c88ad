/**
 * The background's side of the protocol: parses each incoming message, refuses (and logs) what does not parse,
 * and hands the rest to the handler of its type. Handlers are plain async functions, tested without a browser.
 */
import { problemLines, problemsOf } from '#core';
import { UserError } from '../ui/errors.ts';
import { frameRefusal, mayAsk } from './access.ts';
import { Request, type Refusal, type RequestType, type Response, type SenderContext } from './protocol.ts';

export type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>, from: SenderContext) => Promise<Response<T>> };

export function router(handlers: Handlers, log: (line: string) => void = () => {}) {
  // `from` defaults to an extension page for tests; the background always passes what the browser says.
  return async (message: unknown, from: SenderContext = { extensionPage: true }): Promise<Response<RequestType> | Refusal> => {
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      const error = `invalid message: ${problemLines(problemsOf(parsed.error)).join('; ')}`;
      log(error);
      return { ok: false, error, key: 'error_unexpected' };
    }
    const request = parsed.data;
    if (!mayAsk(request.type, from.extensionPage)) {
      const error = `${request.type} refused: content scripts may not ask for it`;
      log(error);
      return { ok: false, error, key: 'error_refused' };
    }
    const refused = from.frame ? frameRefusal(request, from.frame.grant) : null;
    if (refused !== null) {
      log(refused);
      return { ok: false, error: refused, key: 'error_frame_refused' };
    }
    try {
      const handle = handlers[request.type] as (r: Request, f: SenderContext) => Promise<Response<RequestType>>;
      return await handle(request, from);
    } catch (error) {
      const text = `${request.type} failed: ${error instanceof Error ? error.message : String(error)}`;
      log(text);
      return error instanceof UserError ? { ok: false, error: text, key: error.key, subs: error.subs } : { ok: false, error: text };
    }
  };
}
