/**
 * The cryptography of key slots, with Node's crypto alone.
 *
 * - A person's passphrase is stretched with scrypt and unlocks their private key (X25519),
 *   sealed with AES-256-GCM: a wrong passphrase fails the GCM tag, never yields a wrong key.
 * - The database key is sealed to each person's public key (X25519 with a fresh key pair per
 *   seal, HKDF-SHA256, AES-256-GCM). Sealing needs only public keys, so a full re-encryption
 *   can give every remaining person the new key without knowing their passphrases.
 */
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import { keyStretchIterations, SQLCIPHER_KDF_ITERATIONS } from '../db/key-stretch.ts';

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export interface ScryptParams {
  /** log2 of scrypt's N. */
  logN: number;
  r: number;
  p: number;
  salt: string;
}

export interface LockedPrivateKey {
  kdf: ScryptParams;
  sealed: Sealed;
}

export interface Envelope {
  /** The sender's one-off public key (X25519, SPKI DER, base64). */
  ephemeral: string;
  sealed: Sealed;
}

/** 2^17 x 8 x 128 bytes = 128 MiB and a few tenths of a second per try: OWASP's scrypt floor. */
const REAL_LOG_N = 17;
/** Tests open hundreds of slots; like key-stretch.ts they may use a cheap stretch, recorded in the slot. */
const TEST_LOG_N = 10;
/** Slots written by an older or a test build are read with their own parameters, within this bound. */
const MAX_LOG_N = 20;

function b64(buffer: Buffer): string {
  return buffer.toString('base64');
}

function seal(key: Buffer, plain: Buffer, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

/** Null when the key is wrong or the sealed bytes were altered (GCM authenticates both). */
function unseal(key: Buffer, sealed: Sealed, context: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function stretch(passphrase: string, kdf: ScryptParams): Buffer {
  if (kdf.logN > MAX_LOG_N || kdf.logN < 1) throw new Error('scrypt cost out of bounds');
  const N = 2 ** kdf.logN;
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 });
}

export interface PersonKeys {
  publicKey: string;
  locked: LockedPrivateKey;
  privateKey: KeyObject;
}

/** A new key pair for a person, its private half locked by their passphrase. */
export function newPersonKeys(passphrase: string, personId: string): PersonKeys {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: b64(publicKey.export({ type: 'spki', format: 'der' })), locked: lockPrivateKey(privateKey, passphrase, personId), privateKey };
}

export function lockPrivateKey(privateKey: KeyObject, passphrase: string, personId: string): LockedPrivateKey {
  const logN = keyStretchIterations() === SQLCIPHER_KDF_ITERATIONS ? REAL_LOG_N : TEST_LOG_N;
  const kdf: ScryptParams = { logN, r: 8, p: 1, salt: b64(randomBytes(16)) };
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return { kdf, sealed: seal(stretch(passphrase, kdf), der, `linkdesk person ${personId}`) };
}

/** The private key, or null when the passphrase is not this person's. */
export function unlockPrivateKey(locked: LockedPrivateKey, passphrase: string, personId: string): KeyObject | null {
  const der = unseal(stretch(passphrase, locked.kdf), locked.sealed, `linkdesk person ${personId}`);
  return der ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) : null;
}

function envelopeKey(shared: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), context, 32));
}

/** Seals `secret` so only the holder of `publicKey`'s private half can open it. */
export function sealTo(publicKey: string, secret: Buffer, context: string): Envelope {
  const recipient = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  return { ephemeral: b64(ephemeral.publicKey.export({ type: 'spki', format: 'der' })), sealed: seal(envelopeKey(shared, context), secret, context) };
}

export function openEnvelope(privateKey: KeyObject, envelope: Envelope, context: string): Buffer | null {
  try {
    const sender = createPublicKey({ key: Buffer.from(envelope.ephemeral, 'base64'), format: 'der', type: 'spki' });
    return unseal(envelopeKey(diffieHellman({ privateKey, publicKey: sender }), context), envelope.sealed, context);
  } catch {
    return null;
  }
}

/** A new random database key, as the text SQLCipher's key pragma is given (see keyring.ts). */
export function newDatabaseKey(): string {
  return randomBytes(32).toString('hex');
}
