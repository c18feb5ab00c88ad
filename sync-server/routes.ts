/**
 * The HTTP routes, as a table: method, path pattern and handler. The request's address is parsed once (a path whose
 * percent-escapes do not decode is a 400 on every route, never an exception), a handler that fails answers 500 and is
 * reported, and anything else is a 404.
 */
import type http from 'node:http';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void | Promise<void>;
export type Route = { method: 'GET' | 'POST' | 'OPTIONS'; path: RegExp | string; name: string; handle: Handler };

/** The request's address; null when it is not one (`//`, `/\\` …, or `/team/%ZZ`). */
export function urlOf(req: http.IncomingMessage): URL | null {
  try {
    const url = new URL(req.url ?? '/', 'http://server');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

const matches = (route: Route, method: string | undefined, path: string) =>
  route.method === method && (typeof route.path === 'string' ? route.path === path : route.path.test(path));

export function dispatch(routes: readonly Route[], problem: (message: string) => void): http.RequestListener {
  return (req, res) => {
    const url = urlOf(req);
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('400 Bad Request\n');
      return;
    }
    const route = routes.find((candidate) => matches(candidate, req.method, url.pathname));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found\n');
      return;
    }
    const failed = (error: unknown) => {
      problem(`${route.name} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    };
    try {
      void Promise.resolve(route.handle(req, res, url)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
