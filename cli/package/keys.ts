/**
 * The signing key of the packaged extension. The agency's key is a file whose path is in CREDITLENS_CRX_KEY (PEM, RSA,
 * PKCS#8 or PKCS#1 — what `openssl genpkey` and Chrome's own "Pack extension" write); it is never committed and never
 * printed. Without it a development key is generated once at a gitignored path and every use says so on stderr:
 * builds signed with it get a different id from the agency's and must not be deployed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_VARIABLE = 'CREDITLENS_CRX_KEY';

export type SigningKey = { privateKey: crypto.KeyObject; path: string; development: boolean };

/** Reads a PEM RSA private key of at least 2048 bits; throws with a sentence an administrator can act on. */
export function readSigningKey(file: string): crypto.KeyObject {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the signing key ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch (error) {
    throw new Error(
      `${file} is not a PEM private key (make one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out creditlens.pem)`,
      { cause: error },
    );
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new Error(`${file} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; Chromium's extension ids come from RSA keys`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) throw new Error(`${file} is a ${bits}-bit RSA key; use at least 2048 bits`);
  return key;
}

/**
 * The agency's key when CREDITLENS_CRX_KEY names one; else the development key at `devKeyPath`, generated on first
 * use (mode 0600). `warn` receives the warning for the development key.
 */
export function signingKey(env: NodeJS.ProcessEnv, devKeyPath: string, warn: (line: string) => void): SigningKey {
  const configured = env[KEY_VARIABLE];
  if (configured) return { privateKey: readSigningKey(configured), path: path.resolve(configured), development: false };
  let generated = false;
  if (!fs.existsSync(devKeyPath)) {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    fs.mkdirSync(path.dirname(devKeyPath), { recursive: true, mode: 0o700 });
    fs.writeFileSync(devKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    generated = true;
  }
  warn(
    `WARNING: ${KEY_VARIABLE} is not set, so this build is signed with the DEVELOPMENT key ${devKeyPath}${generated ? ' (generated just now)' : ''}.`,
  );
  warn(
    `WARNING: its extension id is not the agency's. Do not deploy it; set ${KEY_VARIABLE}=/path/to/agency-key.pem (README: 无应用商店的安装与更新).`,
  );
  return { privateKey: readSigningKey(devKeyPath), path: devKeyPath, development: true };
}
