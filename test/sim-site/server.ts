/**
 * The simulated credit sites on one local port, dependency-free (node:http). Requests are routed by their Host
 * header, so a browser started with `--host-resolver-rules="MAP www.gsxt.gov.cn 127.0.0.1:<port>, …"` sees the real
 * host names: www.gsxt.gov.cn (also any unknown host), zj.gsxt.gov.cn, www.creditchina.gov.cn and
 * public.creditchina.gov.cn. /__sim/ on any host lists every demo URL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CREDITCHINA_API_HOST,
  CREDITCHINA_HOST,
  ENTITIES,
  GSXT_HOST,
  PAGES,
  PROVINCIAL_HOST,
  type SimEntity,
  type SimPage,
} from './entities.ts';
import { pageVariant } from './variants.ts';
import { renderCreditChina } from './render/creditchina.ts';
import { renderGsxt2017 } from './render/gsxt-2017.ts';
import { renderGsxt2026 } from './render/gsxt-2026.ts';
import { renderGsxtProvincial } from './render/gsxt-provincial.ts';
import { renderGsxtSearch } from './render/gsxt-search.ts';
import { renderCaptchaPage, renderGsxtHome, renderNotFound, renderSimIndex } from './render/system-pages.ts';
import { allEndpoints, entityOfPage, type SectionEndpoint } from './routes.ts';
import { creditChinaCategoryReply, creditChinaDetailReply, dataTablesPage, PAGE_LENGTH, sectionRows } from './sections.ts';

export interface SimSite {
  port: number;
  origin: string;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY = 1 << 20;

/** Renders any page of the simulated site, as served (`saved: false`) or as a browser saves it after rendering. */
export function renderPage(page: SimPage, options: { saved: boolean }): string {
  switch (page.layout) {
    case 'gsxt-2017':
      return renderGsxt2017(page, options);
    case 'gsxt-2026':
      return renderGsxt2026(page, options);
    case 'gsxt-provincial':
      return renderGsxtProvincial(page);
    case 'gsxt-search':
      return renderGsxtSearch(options.saved ? '示例' : '');
    case 'creditchina':
      return renderCreditChina(page, options);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown, headers: Record<string, string> = {}): void {
  send(res, 200, JSON_TYPE, JSON.stringify(value), headers);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function intParam(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null || value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

type HostGroup = 'gsxt' | 'provincial' | 'creditchina' | 'creditchina-api';

function hostGroup(req: IncomingMessage): { group: HostGroup; host: string } {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (host === PROVINCIAL_HOST) return { group: 'provincial', host };
  if (host === CREDITCHINA_HOST) return { group: 'creditchina', host };
  if (host === CREDITCHINA_API_HOST) return { group: 'creditchina-api', host };
  return { group: 'gsxt', host: GSXT_HOST };
}

function findPage(host: string, decodedPath: string): SimPage | undefined {
  return PAGES.find((p) => p.host === host && p.layout !== 'creditchina' && safeDecode(p.path) === decodedPath);
}

async function sectionReply(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: SectionEndpoint): Promise<void> {
  if (req.method !== 'POST') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { Allow: 'POST' });
    return;
  }
  const body = new URLSearchParams(await readBody(req));
  const entity = entityOfPage(endpoint.page);
  const flag = url.searchParams.get('__sim');
  if (flag === 'captcha' || entity?.behaviour === 'captcha') {
    send(res, 200, HTML, renderCaptchaPage());
    return;
  }
  if (flag === 'ngid' || entity?.behaviour === 'ngid') {
    sendJson(res, { NGIDERRORCODE: '40302', NGIDERRORMSG: '访问受限，请稍后再试' });
    return;
  }
  // Form fields win; the query string is a fallback. Anything else (the firewall's token) is ignored.
  const param = (name: string): string | null => body.get(name) ?? url.searchParams.get(name);
  const draw = intParam(param('draw'), 1, 0, 1_000_000);
  const start = intParam(param('start'), 0, 0, 1_000_000);
  // Up to 100 rows a request, or the page's own page length where it asks for more (bench-200 asks for 200).
  const length = intParam(param('length'), PAGE_LENGTH, 1, Math.max(100, endpoint.page.pageLength ?? PAGE_LENGTH));
  const rows = entity && endpoint.section ? sectionRows(entity, endpoint.section) : [];
  sendJson(res, dataTablesPage(rows, draw, start, length));
}

function creditChinaEntity(params: URLSearchParams): SimEntity | null {
  const code = (params.get('tyshxydm') ?? '').trim().toUpperCase();
  const uuid = (params.get('uuid') ?? '').trim();
  const keyword = (params.get('keyword') ?? '').trim();
  const candidates = Object.values(ENTITIES).filter((e) => e.creditChina);
  return (
    candidates.find((e) => (code !== '' && e.record.entity.uscc === code) || (uuid !== '' && e.creditChina?.uuid === uuid)) ??
    candidates.find((e) => keyword !== '' && (e.record.entity.name === keyword || e.record.entity.uscc === keyword.toUpperCase())) ??
    null
  );
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': typeof origin === 'string' ? origin : '*',
    'Access-Control-Allow-Methods': 'GET, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, X-Requested-With',
    Vary: 'Origin',
  };
}

function creditChinaApi(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const cors = corsHeaders(req);
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  const params = url.searchParams;
  if (params.get('__sim') === 'captcha') {
    sendJson(res, { status: 40001, message: '请输入验证码', data: null }, cors);
    return;
  }
  const entity = creditChinaEntity(params);
  switch (url.pathname) {
    case '/private-api/getTyshxydmDetailsContent':
      sendJson(res, entity ? creditChinaDetailReply(entity) : { status: 0, message: '未查询到相关信息', data: null }, cors);
      return;
    case '/private-api/typeSourceSearch': {
      const page = intParam(params.get('page'), 1, 1, 10_000);
      const pageSize = intParam(params.get('pageSize'), 10, 1, 100);
      sendJson(res, creditChinaCategoryReply(entity, params.get('type') ?? '', page, pageSize), cors);
      return;
    }
    case '/private-api/catalogSearchHome': {
      const list = entity
        ? [
            {
              accurate_entity_name: entity.record.entity.name,
              accurate_entity_name_query: entity.record.entity.name,
              accurate_entity_code: entity.record.entity.uscc ?? '',
              uuid: entity.creditChina?.uuid ?? '',
              recid: entity.creditChina?.recid ?? '',
              entityType: '1',
            },
          ]
        : [];
      sendJson(res, { status: 1, message: '成功', data: { page: 1, total: list.length, totalSize: list.length ? 1 : 0, list } }, cors);
      return;
    }
    default:
      send(res, 404, JSON_TYPE, JSON.stringify({ status: 404, message: 'Not Found' }), cors);
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, port: number, endpoints: Map<string, SectionEndpoint>): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const path = safeDecode(url.pathname);
  const { group, host } = hostGroup(req);

  if (path === '/__sim' || path === '/__sim/') {
    send(res, 200, HTML, renderSimIndex(port));
    return;
  }
  if (path === '/__sim/truth.json') {
    sendJson(res, Object.fromEntries(Object.values(ENTITIES).map((e) => [e.key, e.record])));
    return;
  }

  if (group === 'creditchina-api') {
    creditChinaApi(req, res, url);
    return;
  }
  if (group === 'creditchina') {
    if (path === '/xinyongxinxixiangqing/xyDetail.html') {
      const entity = creditChinaEntity(url.searchParams);
      const page = PAGES.find((p) => p.layout === 'creditchina' && p.entityKey === entity?.key);
      if (page) {
        send(res, 200, HTML, renderPage(page, { saved: false }));
        return;
      }
    } else if (path === '/' || path === '/index.html') {
      const links = PAGES.filter((p) => p.layout === 'creditchina')
        .map((p) => `<li><a href="${p.path}">${p.name}</a></li>`)
        .join('');
      send(
        res,
        200,
        HTML,
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信用中国</title></head><body><h1>信用中国（模拟）</h1><ul>${links}</ul></body></html>\n`,
      );
      return;
    }
    send(res, 404, HTML, renderNotFound());
    return;
  }

  const page = findPage(group === 'provincial' ? PROVINCIAL_HOST : host, path);
  if (page && (req.method === 'GET' || req.method === 'HEAD')) {
    const captcha = url.searchParams.get('__sim') === 'captcha';
    send(res, 200, HTML, captcha ? renderCaptchaPage() : pageVariant(renderPage(page, { saved: false }), url.searchParams.get('__sim')));
    return;
  }
  if (group === 'gsxt') {
    const endpoint = endpoints.get(path);
    if (endpoint) {
      await sectionReply(req, res, url, endpoint);
      return;
    }
    if (path === '/corp-query-search-1.html') {
      const word = req.method === 'POST' ? new URLSearchParams(await readBody(req)).get('searchword') : url.searchParams.get('searchword');
      send(res, 200, HTML, renderGsxtSearch(word ?? ''));
      return;
    }
  }
  if (path === '/' || path === '/index.html') {
    send(res, 200, HTML, renderGsxtHome());
    return;
  }
  send(res, 404, HTML, renderNotFound());
}

export async function startSimSite(options: { port?: number } = {}): Promise<SimSite> {
  const endpoints = allEndpoints();
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res, port, endpoints).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
