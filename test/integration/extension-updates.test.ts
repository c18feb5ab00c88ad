/**
 * Self-hosted extension updates on a real sync server process: `extension publish` as a real command process against
 * the server's DATA_DIR, then what the updater sees over HTTP without a token — update.xml naming the published
 * version and a codebase that serves exactly the published bytes — refusals of versions that are not higher, the
 * audit line, and a publish taking effect without a restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdOf, publicKeyDerOf, writeCrx3 } from '../../packaging/crx/crx3.ts';
import { crxZip } from '../../packaging/crx/zip.ts';
import { startSyncServer, type RunningSyncServer } from '../support/sync-server.ts';

let server: RunningSyncServer;
let work: string;
const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const id = extensionIdOf(publicKeyDerOf(key));

beforeAll(async () => {
  server = await startSyncServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'creditlens-ext-int-'));
}, 60_000);

afterAll(async () => {
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

/** A build as `npm run package` makes it for this server, written to a file. */
function crxFile(version: string): string {
  const manifest = {
    manifest_version: 3,
    name: 'CreditLens',
    version,
    key: publicKeyDerOf(key).toString('base64'),
    update_url: `${server.httpUrl}/extension/update.xml`,
  };
  const file = path.join(work, `creditlens-${version}.crx`);
  fs.writeFileSync(file, writeCrx3(crxZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }]), key));
  return file;
}

const updateXml = async () => {
  const response = await fetch(`${server.httpUrl}/extension/update.xml?x=id%3D${id}%26v%3D0.0.0.0%26uc`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
const attribute = (xml: string, name: string) => new RegExp(`<updatecheck [^>]*${name}="([^"]*)"`).exec(xml)?.[1];

describe('sync server: self-hosted extension updates', () => {
  it('says plainly that nothing is published yet', async () => {
    expect(await updateXml()).toMatchObject({ status: 404, text: expect.stringMatching(/no extension has been published/) });
    expect(await server.cli(['extension', 'status'])).toMatchObject({ code: 1 });
  });

  it('publishes a build; update.xml and the file are public and agree with each other', async () => {
    const file = crxFile('1.0.0');
    const published = await server.cli(['extension', 'publish', file]);
    expect(published).toMatchObject({ code: 0, stdout: '', stderr: expect.stringContaining(`published extension ${id} version 1.0.0`) });

    const xml = await updateXml();
    expect(xml).toMatchObject({ status: 200, type: 'application/xml; charset=utf-8' });
    expect(xml.text).toContain(`<app appid="${id}">`);
    expect(attribute(xml.text, 'version')).toBe('1.0.0');
    const codebase = attribute(xml.text, 'codebase')!;
    expect(codebase).toBe(`${server.httpUrl}/extension/creditlens-1.0.0.crx`);

    const download = await fetch(codebase);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/x-chrome-extension');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(file))).toBe(true);
    expect(attribute(xml.text, 'hash_sha256')).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));

    expect((await server.cli(['extension', 'status'])).stdout).toMatch(
      new RegExp(`^${id}\\t1\\.0\\.0\\tcreditlens-1\\.0\\.0\\.crx\\t\\S+\\t${codebase}\\n$`),
    );
  });

  it('refuses an equal or lower version with exit 1 and keeps serving the published one', async () => {
    for (const version of ['1.0.0', '0.9.9']) {
      const result = await server.cli(['extension', 'publish', crxFile(version)]);
      expect(result).toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`version ${version} is not higher than the published 1.0.0`),
      });
    }
    expect(attribute((await updateXml()).text, 'version')).toBe('1.0.0');
  });

  it('serves a newer build at once, without a restart; older files stay downloadable, unknown ones are 404', async () => {
    expect((await server.cli(['extension', 'publish', crxFile('1.0.1')])).code).toBe(0);
    const xml = (await updateXml()).text;
    expect(attribute(xml, 'version')).toBe('1.0.1');
    expect((await fetch(attribute(xml, 'codebase')!)).status).toBe(200);
    expect((await fetch(`${server.httpUrl}/extension/creditlens-1.0.0.crx`)).status).toBe(200);
    expect((await fetch(`${server.httpUrl}/extension/creditlens-7.0.crx`)).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/extension/creditlens-..%2F..%2Fcreditlens.sqlite.crx`)).status).toBe(404);
  });

  it('records each publish in the audit trail, and refuses what is not a CRX or a usage it does not know', async () => {
    const lines = fs
      .readFileSync(path.join(server.dataDir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const publishes = lines.filter((l) => l.event === 'extension.publish');
    expect(publishes.map((l) => l.version)).toEqual(['1.0.0', '1.0.1']);
    expect(publishes[0]).toMatchObject({
      id,
      file: path.join(work, 'creditlens-1.0.0.crx'),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      by: expect.any(String),
    });

    const notCrx = path.join(work, 'not.crx');
    fs.writeFileSync(notCrx, 'PK\u0003\u0004 a zip is not a crx');
    expect(await server.cli(['extension', 'publish', notCrx])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not a CRX file'),
    });
    expect(await server.cli(['extension', 'publish', path.join(work, 'missing.crx')])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('ENOENT'),
    });
    expect(await server.cli(['extension'])).toMatchObject({ code: 2, stderr: expect.stringContaining('extension publish <file.crx>') });
  });
});
