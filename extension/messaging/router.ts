/**
 * The background's side of the protocol: parses each incoming message, refuses (and logs) what does not parse,
 * and hands the rest to the handler of its type. Handlers are plain async functions, tested without a browser.
 */
import { problemLines, problemsOf } from '#core';
import { Request, type Refusal, type RequestType, type Response } from './protocol.ts';

export type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<Response<T>> };

export function router(handlers: Handlers, log: (line: string) => void = () => {}) {
  return async (message: unknown): Promise<Response<RequestType> | Refusal> => {
    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      const error = `invalid message: ${problemLines(problemsOf(parsed.error)).join('; ')}`;
      log(error);
      return { ok: false, error };
    }
    const request = parsed.data;
    try {
      const handle = handlers[request.type] as (r: Request) => Promise<Response<RequestType>>;
      return await handle(request);
    } catch (error) {
      const text = `${request.type} failed: ${error instanceof Error ? error.message : String(error)}`;
      log(text);
      return { ok: false, error: text };
    }
  };
}
