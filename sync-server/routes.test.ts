import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type Route } from './routes.ts';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(
  routes: Route[],
): Promise<{ get(path: string, method?: string): Promise<{ status: number; body: string }>; problems: string[] }> {
  const problems: string[] = [];
  server = http.createServer(dispatch(routes, (message) => problems.push(message)));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string, method = 'GET') =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  return { get, problems };
}

describe('the route table', () => {
  it('sends each request to the route of its method and path, 404 otherwise, 400 for an address that does not parse', async () => {
    const { get } = await serve([
      { method: 'GET', path: '/healthz', name: 'health', handle: (_req, res) => void res.end('ok') },
      {
        method: 'GET',
        path: /^\/team\/([^/]+)\/report$/,
        name: 'report',
        handle: (_req, res, url) => void res.end(`report ${url.pathname}`),
      },
      { method: 'OPTIONS', path: /^\/team\/([^/]+)\/report$/, name: 'preflight', handle: (_req, res) => void res.writeHead(204).end() },
    ]);
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok' });
    expect(await get('/team/t1/report')).toEqual({ status: 200, body: 'report /team/t1/report' });
    expect((await get('/team/t1/report', 'OPTIONS')).status).toBe(204);
    expect(await get('/healthz', 'POST')).toEqual({ status: 404, body: '404 Not Found\n' });
    expect(await get('/nothing')).toEqual({ status: 404, body: '404 Not Found\n' });
    expect(await get('/team/%ZZ/report')).toEqual({ status: 400, body: '400 Bad Request\n' });
  });

  it('answers 500 when a handler fails, thrown or rejected, and reports it by the route\u2019s name', async () => {
    const { get, problems } = await serve([
      {
        method: 'GET',
        path: '/throws',
        name: 'thrower',
        handle: () => {
          throw new Error('boom');
        },
      },
      { method: 'GET', path: '/rejects', name: 'rejecter', handle: async () => Promise.reject(new Error('later')) },
    ]);
    expect((await get('/throws')).status).toBe(500);
    expect((await get('/rejects')).status).toBe(500);
    expect(problems).toEqual(['thrower failed: Error: boom', 'rejecter failed: Error: later']);
  });
});
