/**
 * What a CRX of CreditLens says about itself, checked: the CRX3 signature (crx3.ts), then the manifest inside the
 * archive — its `key` is the very key that signed the file (so the id in the manifest, the id of the file and the id
 * browsers are told to install are one id) and its `version` is a Chrome version string. Used by the sync server's
 * `extension publish` before it stores anything, and by the packaging tests.
 */
import { verifyCrx3 } from './crx3.ts';
import { readZipEntry } from './zip.ts';

export type CrxManifest = {
  name?: string;
  version: string;
  key: string;
  update_url?: string;
  minimum_chrome_version?: string;
};

export type InspectedCrx = { ok: true; id: string; publicKey: Buffer; manifest: CrxManifest } | { ok: false; problems: string[] };

/** 1 to 4 dot-separated integers, each 0–65535 without leading zeros (Chrome's manifest `version`). */
const VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;

export function isChromeVersion(value: string): boolean {
  return VERSION.test(value) && value.split('.').every((part) => Number(part) <= 65_535);
}

/** Chrome's order of versions: part by part, numerically, missing parts being 0 (so 1.2 = 1.2.0). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function inspectCrx(file: Uint8Array): InspectedCrx {
  const crx = verifyCrx3(file);
  if (!crx.ok) return { ok: false, problems: [crx.reason] };
  let raw: unknown;
  try {
    const text = readZipEntry(crx.archive, 'manifest.json');
    if (!text) return { ok: false, problems: ['the archive has no manifest.json'] };
    raw = JSON.parse(text.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`manifest.json cannot be read: ${(error as Error).message}`] };
  }
  const manifest = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const version = asString(manifest.version);
  if (version === undefined || !isChromeVersion(version))
    problems.push(`manifest version ${JSON.stringify(manifest.version)} is not a Chrome version (1 to 4 numbers, e.g. 1.2.3)`);
  const key = asString(manifest.key);
  if (key === undefined) problems.push('manifest has no "key": the build was not made by npm run package');
  else if (!Buffer.from(key, 'base64').equals(crx.publicKey))
    problems.push(`manifest "key" is not the key that signed the file (id ${crx.id})`);
  const updateUrl = asString(manifest.update_url);
  if (manifest.update_url !== undefined && updateUrl === undefined) problems.push('manifest "update_url" is not a string');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    id: crx.id,
    publicKey: crx.publicKey,
    manifest: {
      version: version!,
      key: key!,
      ...(asString(manifest.name) !== undefined ? { name: asString(manifest.name) } : {}),
      ...(updateUrl !== undefined ? { update_url: updateUrl } : {}),
      ...(asString(manifest.minimum_chrome_version) !== undefined
        ? { minimum_chrome_version: asString(manifest.minimum_chrome_version) }
        : {}),
    },
  };
}
