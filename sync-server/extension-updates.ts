/**
 * Self-hosted installs and updates of the extension (docs/admin/self-hosted-install.md): the published CRX and the
 * update manifest Chromium's extension updater reads, both public (no token: they are the agency's published
 * artefacts, and the updater sends none). `extension publish` checks a CRX (signature, id, manifest key and version)
 * and stores it in DATA_DIR/extension/; the server reads what is published from there on each request, so a publish
 * takes effect at once without a restart.
 *
 *   GET /extension/update.xml               gupdate XML: app id, version, codebase, hash_sha256, prodversionmin
 *   GET /extension/creditlens-<version>.crx the stored file
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import * as z from 'zod';
import { xmlText } from '#core';
import { compareVersions, inspectCrx, isChromeVersion } from '../packaging/crx/inspect.ts';
import type { AuditEvent } from './audit.ts';

export const EXTENSION_PATH = /^\/extension\/(?:update\.xml|creditlens-([0-9.]+)\.crx)$/;
const UPDATE_FILE = '/extension/update.xml';
const FOLDER = 'extension';
const STATE = 'published.json';

export const Published = z.strictObject({
  id: z.string().regex(/^[a-p]{32}$/),
  version: z.string().refine(isChromeVersion),
  /** The file name in DATA_DIR/extension/. */
  file: z.string().regex(/^creditlens-[0-9.]+\.crx$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  /** Where browsers download it: beside the update URL the build carries. */
  codebase: z.url({ protocol: /^https?$/ }),
  prodversionmin: z.string().optional(),
  publishedAt: z.string(),
});
export type Published = z.infer<typeof Published>;

const folderOf = (dataDir: string): string => path.join(dataDir, FOLDER);

/** What is published, or undefined before the first publish; throws if the record is damaged. */
export function readPublished(dataDir: string): Published | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(folderOf(dataDir), STATE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return Published.parse(JSON.parse(text));
}

/** The update manifest (gupdate, protocol 2.0) for the published build. */
export function updateXml(published: Published): string {
  const attributes = [
    `codebase="${xmlText(published.codebase)}"`,
    `version="${xmlText(published.version)}"`,
    `hash_sha256="${published.sha256}"`,
    ...(published.prodversionmin ? [`prodversionmin="${xmlText(published.prodversionmin)}"`] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">',
    `  <app appid="${published.id}">`,
    `    <updatecheck ${attributes.join(' ')}/>`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** Answers a GET whose path matches EXTENSION_PATH. */
export function serveExtensionUpdates(res: http.ServerResponse, pathname: string, dataDir: string): void {
  const text = (status: number, body: string) =>
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end(body);
  let published: Published | undefined;
  try {
    published = readPublished(dataDir);
  } catch (error) {
    return void text(500, `the record of the published extension is damaged: ${(error as Error).message}\n`);
  }
  if (!published) return void text(404, 'no extension has been published on this server (sync-server extension publish <file.crx>)\n');
  if (pathname === UPDATE_FILE) {
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-cache' }).end(updateXml(published));
    return;
  }
  const version = EXTENSION_PATH.exec(pathname)?.[1] ?? '';
  const file = path.join(folderOf(dataDir), `creditlens-${version}.crx`);
  if (!isChromeVersion(version) || !fs.existsSync(file)) return void text(404, `no published build of version ${version}\n`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    // Removed or unreadable since the check: an answer, never an exception out of the request handler.
    return void text(500, `could not read the build of version ${version}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
  }
  res
    .writeHead(200, {
      'content-type': 'application/x-chrome-extension',
      'content-length': String(bytes.length),
      // A version's file never changes (a version is published once).
      'cache-control': 'public, max-age=31536000, immutable',
    })
    .end(bytes);
}

export type PublishResult = { ok: true; published: Published; previous?: Published } | { ok: false; problems: string[] };

/**
 * Checks a CRX and makes it the published build: its signature verifies against its own key, the manifest carries
 * that key and a version, the build knows where this server's update.xml is, it is the same extension (id) as
 * what is published already, and its version is higher. Nothing is written unless all of that holds.
 */
export function publishExtension(dataDir: string, crx: Buffer, now: Date): PublishResult {
  const inspected = inspectCrx(crx);
  if (!inspected.ok) return inspected;
  const { id, manifest } = inspected;
  const problems: string[] = [];
  if (!manifest.update_url)
    problems.push(
      'the build has no update_url, so browsers would never update it: package it with CREDITLENS_UPDATE_URL set to this server',
    );
  else if (!manifest.update_url.endsWith(UPDATE_FILE))
    problems.push(`the build's update_url ${manifest.update_url} is not a sync server's ${UPDATE_FILE}`);
  let previous: Published | undefined;
  try {
    previous = readPublished(dataDir);
  } catch (error) {
    problems.push(`the record of the published build (${path.join(folderOf(dataDir), STATE)}) is damaged: ${(error as Error).message}`);
  }
  if (previous && previous.id !== id) {
    problems.push(
      `this CRX is extension ${id}, but ${previous.id} is published: it was signed with another key (browsers would treat it as a different extension)`,
    );
  }
  if (previous && compareVersions(manifest.version, previous.version) <= 0) {
    problems.push(
      `version ${manifest.version} is not higher than the published ${previous.version}: raise "version" in package.json and package again`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const fileName = `creditlens-${manifest.version}.crx`;
  // Parsed like any stored record: a build whose update_url yields no http(s) address for the file would otherwise be
  // recorded, and every update check would then answer "damaged".
  const record = Published.safeParse({
    id,
    version: manifest.version,
    file: fileName,
    sha256: crypto.createHash('sha256').update(crx).digest('hex'),
    bytes: crx.length,
    codebase: manifest.update_url!.slice(0, -'update.xml'.length) + fileName,
    ...(manifest.minimum_chrome_version ? { prodversionmin: manifest.minimum_chrome_version } : {}),
    publishedAt: now.toISOString(),
  });
  if (!record.success) {
    return {
      ok: false,
      problems: record.error.issues.map((issue) => `the build would be recorded with an invalid ${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const published = record.data;
  const folder = folderOf(dataDir);
  fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
  // The file first, then the record that points at it, each written whole and renamed into place.
  writeAtomically(path.join(folder, fileName), crx);
  writeAtomically(path.join(folder, STATE), `${JSON.stringify(published, null, 2)}\n`);
  return { ok: true, published, ...(previous ? { previous } : {}) };
}

function writeAtomically(file: string, data: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data, { mode: 0o644 });
  fs.renameSync(temporary, file);
}

export const EXTENSION_USAGE = `  sync-server extension publish <file.crx> | extension status`;

/**
 * `sync-server extension publish <file.crx>` (exit 0 published, 1 refused, 2 usage) and `extension status` (the
 * published build as `id version file publishedAt codebase`, tab-separated, on stdout; exit 1 when none).
 */
export async function extensionCommand(
  sub: string | undefined,
  args: string[],
  context: {
    dataDir: string;
    io: { out(line: string): void; err(line: string): void };
    audit(event: AuditEvent): Promise<void>;
    by: string;
    now: Date;
  },
): Promise<number> {
  const { io } = context;
  if (sub === 'status' && args.length === 0) {
    const published = readPublished(context.dataDir);
    if (!published) {
      io.err('no extension has been published on this server');
      return 1;
    }
    io.out(`${published.id}\t${published.version}\t${published.file}\t${published.publishedAt}\t${published.codebase}`);
    return 0;
  }
  if (sub !== 'publish' || args.length !== 1) {
    io.err(`usage:\n${EXTENSION_USAGE}`);
    return 2;
  }
  const file = path.resolve(args[0]!);
  let crx: Buffer;
  try {
    crx = fs.readFileSync(file);
  } catch (error) {
    io.err(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }
  const result = publishExtension(context.dataDir, crx, context.now);
  if (!result.ok) {
    for (const problem of result.problems) io.err(`not published: ${problem}`);
    return 1;
  }
  const { published, previous } = result;
  await context.audit({
    event: 'extension.publish',
    id: published.id,
    version: published.version,
    sha256: published.sha256,
    file,
    by: context.by,
  });
  io.err(
    `published extension ${published.id} version ${published.version}${previous ? ` (was ${previous.version})` : ''}: ${published.codebase}`,
  );
  io.err(
    `browsers with update URL ${published.codebase.replace(/creditlens-[0-9.]+\.crx$/, 'update.xml')} install or update to it at their next check (Chrome: every few hours)`,
  );
  return 0;
}
