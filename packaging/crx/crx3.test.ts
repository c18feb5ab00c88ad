import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crxIdOf, extensionIdOf, publicKeyDerOf, verifyCrx3, writeCrx3 } from './crx3.ts';
import { crxZip } from './zip.ts';

const keyA = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const keyB = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const archive = crxZip([{ name: 'manifest.json', data: Buffer.from('{"manifest_version":3,"name":"x","version":"1.0"}') }]);

/** A protobuf bytes field, for crafting headers the writer would never make. */
const field = (n: number, value: Buffer): Buffer => {
  const varint = (v: number): Buffer => {
    const out: number[] = [];
    for (; v > 0x7f; v = Math.floor(v / 128)) out.push((v & 0x7f) | 0x80);
    return Buffer.from([...out, v]);
  };
  return Buffer.concat([varint(n * 8 + 2), varint(value.length), value]);
};

/** A CRX whose signed data names `idKey`'s id but whose only proof is made by `signer`. */
function crxClaimingAnotherId(idKey: crypto.KeyObject, signer: crypto.KeyObject): Buffer {
  const signedHeaderData = field(1, crxIdOf(publicKeyDerOf(idKey)));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(signedHeaderData.length);
  const signature = crypto.sign(
    'sha256',
    Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), length, signedHeaderData, archive]),
    signer,
  );
  const header = Buffer.concat([
    field(2, Buffer.concat([field(1, publicKeyDerOf(signer)), field(2, signature)])),
    field(10000, signedHeaderData),
  ]);
  const prefix = Buffer.alloc(12);
  prefix.write('Cr24', 0, 'latin1');
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, archive]);
}

describe('CRX3', () => {
  it('writes a file whose header signature verifies against its public key, with the id of that key', () => {
    const crx = writeCrx3(archive, keyA);
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const verified = verifyCrx3(crx);
    expect(verified).toMatchObject({ ok: true, id: extensionIdOf(publicKeyDerOf(keyA)) });
    if (!verified.ok) return;
    expect(verified.id).toMatch(/^[a-p]{32}$/);
    expect(verified.publicKey.equals(publicKeyDerOf(keyA))).toBe(true);
    expect(verified.archive.equals(archive)).toBe(true);
  });

  it('gives the same id for the same key in every build, and another id for another key', () => {
    const first = verifyCrx3(writeCrx3(archive, keyA));
    const second = verifyCrx3(writeCrx3(crxZip([{ name: 'manifest.json', data: Buffer.from('{}') }]), keyA));
    const other = verifyCrx3(writeCrx3(archive, keyB));
    expect(first.ok && second.ok && other.ok).toBe(true);
    if (!first.ok || !second.ok || !other.ok) return;
    expect(second.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });

  it('maps the hash to letters a–p as Chromium does', () => {
    const der = publicKeyDerOf(keyA);
    const hex = crypto.createHash('sha256').update(der).digest('hex').slice(0, 32);
    expect(extensionIdOf(der)).toBe(hex.replace(/./g, (c) => 'abcdefghijklmnop'[parseInt(c, 16)]!));
  });

  it('rejects a file whose archive was changed after signing', () => {
    const crx = writeCrx3(archive, keyA);
    const tampered = Buffer.from(crx);
    tampered[tampered.length - 30]! ^= 0x01;
    expect(verifyCrx3(tampered)).toEqual({ ok: false, reason: 'CRX rsa signature does not verify against its public key' });
  });

  it('rejects a file whose signature was changed', () => {
    const crx = writeCrx3(archive, keyA);
    const tampered = Buffer.from(crx);
    // The signature is the last 256 bytes of the first proof, which precede the signed header data (3 + 2 + 16 bytes).
    tampered[12 + crx.readUInt32LE(8) - 21 - 10]! ^= 0xff;
    expect(verifyCrx3(tampered)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not verify/) });
  });

  it('rejects a file that claims the id of a key that did not sign it', () => {
    expect(verifyCrx3(crxClaimingAnotherId(keyA, keyB))).toEqual({
      ok: false,
      reason: 'no RSA proof in the CRX is made by the key its crx_id names',
    });
    expect(verifyCrx3(crxClaimingAnotherId(keyA, keyA)).ok).toBe(true);
  });

  it('rejects what is not a CRX3 file, without throwing', () => {
    const crx = writeCrx3(archive, keyA);
    expect(verifyCrx3(archive)).toMatchObject({ ok: false, reason: expect.stringMatching(/magic/) });
    const crx2 = Buffer.from(crx);
    crx2.writeUInt32LE(2, 4);
    expect(verifyCrx3(crx2)).toMatchObject({ ok: false, reason: expect.stringMatching(/only CRX3/) });
    const long = Buffer.from(crx);
    long.writeUInt32LE(crx.length, 8);
    expect(verifyCrx3(long)).toMatchObject({ ok: false, reason: expect.stringMatching(/out of bounds/) });
    expect(verifyCrx3(crx.subarray(0, 40))).toMatchObject({ ok: false });
    const garbled = Buffer.from(crx);
    garbled.fill(0xff, 12, 40);
    expect(verifyCrx3(garbled)).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed|signed header/) });
  });

  it('refuses to sign with a key that is not RSA', () => {
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => writeCrx3(archive, ec)).toThrow(/RSA/);
  });
});
