/**
 * The CRX3 file format, as Chromium reads it (components/crx_file/crx3.proto and crx_verifier.cc): written with
 * node:crypto and a few lines of protobuf, and verified the same way Chromium does before it installs a file.
 *
 *   "Cr24" | uint32 LE 3 | uint32 LE header length | CrxFileHeader (protobuf) | zip archive
 *
 *   CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; repeated AsymmetricKeyProof sha256_with_ecdsa = 3;
 *                   bytes signed_header_data = 10000 }            // SignedData { bytes crx_id = 1 }
 *   AsymmetricKeyProof { bytes public_key = 1 (DER SubjectPublicKeyInfo); bytes signature = 2 }
 *
 * Each signature covers "CRX3 SignedData\x00" | uint32 LE length of signed_header_data | signed_header_data | archive.
 * crx_id is the first 16 bytes of SHA-256 of the public key; the extension id is those bytes in hex written with the
 * letters a–p. The id therefore depends only on the key, which is what makes it stable across builds.
 */
import crypto from 'node:crypto';

const MAGIC = Buffer.from('Cr24', 'latin1');
const VERSION = 3;
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'latin1');
/** Chromium refuses larger headers (crx_verifier.cc kMaxHeaderSize). */
const MAX_HEADER_BYTES = 1 << 18;

const FIELD = { rsaProof: 2, ecdsaProof: 3, signedHeaderData: 10000, publicKey: 1, signature: 2, crxId: 1 } as const;

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (wire type 2). */
function bytesField(field: number, value: Uint8Array): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);
}

type Field = { field: number; wire: number; value: Buffer | number };

/** The fields of a protobuf message; throws on anything malformed. Unknown fields are returned too (callers skip them). */
function decodeMessage(message: Buffer): Field[] {
  const fields: Field[] = [];
  let at = 0;
  const readVarint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (at >= message.length) throw new Error('truncated protobuf varint');
      const byte = message[at++]!;
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error('protobuf varint too long');
  };
  while (at < message.length) {
    const key = readVarint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) fields.push({ field, wire, value: readVarint() });
    else if (wire === 2) {
      const length = readVarint();
      if (at + length > message.length) throw new Error('truncated protobuf field');
      fields.push({ field, wire, value: message.subarray(at, at + length) });
      at += length;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at + size > message.length) throw new Error('truncated protobuf field');
      at += size;
      fields.push({ field, wire, value: 0 });
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
  return fields;
}

const bytesOf = (fields: Field[], field: number): Buffer[] =>
  fields.filter((f) => f.field === field && f.wire === 2).map((f) => f.value as Buffer);

/** The 16-byte crx_id of a public key (DER SubjectPublicKeyInfo). */
export function crxIdOf(publicKeyDer: Uint8Array): Buffer {
  return crypto.createHash('sha256').update(publicKeyDer).digest().subarray(0, 16);
}

/** The extension id Chromium shows (32 letters a–p) for a crx_id or a public key. */
export function extensionIdOf(publicKeyDer: Uint8Array): string {
  return [...crxIdOf(publicKeyDer).toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The public key of a private key, as DER SubjectPublicKeyInfo (what the manifest's `key` carries, in base64). */
export function publicKeyDerOf(privateKey: crypto.KeyObject): Buffer {
  return crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

function signedPayload(signedHeaderData: Buffer, archive: Uint8Array): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length, 0);
  return [SIGNATURE_CONTEXT, length, signedHeaderData, Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength)];
}

/** A CRX3 file of a zip archive, signed with an RSA private key (SHA-256, PKCS#1 v1.5, as Chromium expects). */
export function writeCrx3(archive: Uint8Array, privateKey: crypto.KeyObject): Buffer {
  if (privateKey.asymmetricKeyType !== 'rsa')
    throw new Error(`the signing key must be an RSA key, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  const publicKey = publicKeyDerOf(privateKey);
  const signedHeaderData = bytesField(FIELD.crxId, crxIdOf(publicKey));
  const signer = crypto.createSign('sha256');
  for (const part of signedPayload(signedHeaderData, archive)) signer.update(part);
  const signature = signer.sign({ key: privateKey, padding: crypto.constants.RSA_PKCS1_PADDING });
  const proof = Buffer.concat([bytesField(FIELD.publicKey, publicKey), bytesField(FIELD.signature, signature)]);
  const header = Buffer.concat([bytesField(FIELD.rsaProof, proof), bytesField(FIELD.signedHeaderData, signedHeaderData)]);
  const prefix = Buffer.alloc(12);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(VERSION, 4);
  prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, archive]);
}

export type VerifiedCrx = {
  ok: true;
  /** The extension id (a–p) the file declares and proves. */
  id: string;
  /** The key that proves the id: DER SubjectPublicKeyInfo. */
  publicKey: Buffer;
  /** The zip archive. */
  archive: Buffer;
};
export type CrxResult = VerifiedCrx | { ok: false; reason: string };

/**
 * Verifies a CRX3 file as Chromium does: magic and version, a header within bounds, signed header data naming a
 * crx_id, every proof's signature valid over the signed data and the archive, and one RSA proof whose key hashes to
 * that crx_id. Never throws: a damaged file is a reason.
 */
export function verifyCrx3(file: Uint8Array): CrxResult {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 12 || !bytes.subarray(0, 4).equals(MAGIC)) return { ok: false, reason: 'not a CRX file (no "Cr24" magic)' };
  const version = bytes.readUInt32LE(4);
  if (version !== VERSION) return { ok: false, reason: `CRX version ${version}; only CRX3 is accepted` };
  const headerLength = bytes.readUInt32LE(8);
  if (headerLength > MAX_HEADER_BYTES || 12 + headerLength > bytes.length)
    return { ok: false, reason: 'CRX header length is out of bounds' };
  const archive = bytes.subarray(12 + headerLength);
  let header: Field[];
  let signedData: Field[];
  try {
    header = decodeMessage(bytes.subarray(12, 12 + headerLength));
    const signedHeaderData = bytesOf(header, FIELD.signedHeaderData);
    if (signedHeaderData.length !== 1) return { ok: false, reason: 'CRX header has no signed header data' };
    signedData = decodeMessage(signedHeaderData[0]!);
  } catch (error) {
    return { ok: false, reason: `CRX header is malformed: ${(error as Error).message}` };
  }
  const signedHeaderData = bytesOf(header, FIELD.signedHeaderData)[0]!;
  const crxId = bytesOf(signedData, FIELD.crxId);
  if (crxId.length !== 1 || crxId[0]!.length !== 16) return { ok: false, reason: 'CRX signed data has no 16-byte crx_id' };
  const payload = signedPayload(signedHeaderData, archive);
  let idKey: Buffer | undefined;
  for (const [field, algorithm] of [
    [FIELD.rsaProof, 'rsa'],
    [FIELD.ecdsaProof, 'ecdsa'],
  ] as const) {
    for (const proof of bytesOf(header, field)) {
      let publicKey: Buffer;
      let signature: Buffer;
      let valid: boolean;
      try {
        const parts = decodeMessage(proof);
        publicKey = bytesOf(parts, FIELD.publicKey)[0] ?? Buffer.alloc(0);
        signature = bytesOf(parts, FIELD.signature)[0] ?? Buffer.alloc(0);
        const key = crypto.createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
        const verifier = crypto.createVerify('sha256');
        for (const part of payload) verifier.update(part);
        valid = verifier.verify(algorithm === 'rsa' ? { key, padding: crypto.constants.RSA_PKCS1_PADDING } : key, signature);
      } catch (error) {
        return { ok: false, reason: `CRX ${algorithm} proof is malformed: ${(error as Error).message}` };
      }
      if (!valid) return { ok: false, reason: `CRX ${algorithm} signature does not verify against its public key` };
      if (algorithm === 'rsa' && crxIdOf(publicKey).equals(crxId[0]!)) idKey = publicKey;
    }
  }
  if (!idKey) return { ok: false, reason: 'no RSA proof in the CRX is made by the key its crx_id names' };
  return { ok: true, id: extensionIdOf(idKey), publicKey: idKey, archive };
}
