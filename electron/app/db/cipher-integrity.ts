/**
 * SQLCipher's own `cipher_integrity_check`, done here: SQLite3MultipleCiphers (our driver)
 * does not implement that pragma and silently returns nothing. Every page of a SQLCipher 4
 * file ends with an HMAC-SHA512 over its ciphertext, IV and page number; recomputing them
 * from the raw file finds any page altered or damaged, including pages no query reads.
 *
 * Only the HMAC key is kept, derived in the background when the database opens: it proves
 * pages are intact but cannot decrypt them, and the passphrase itself is not kept.
 */
import { createDecipheriv, createHmac, pbkdf2, pbkdf2Sync } from 'node:crypto';
import fs from 'node:fs';
import { keyStretchIterations } from './key-stretch.ts';

/** SQLCipher 4 defaults (what `legacy=4` selects); the key stretch is key-stretch.ts's. */
export const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
/** Offset of "in-header database size" (pages, big-endian) in SQLite's page 1. */
const HEADER_PAGE_COUNT_OFFSET = 28;
const HMAC_KDF_ITERATIONS = 2;
const HMAC_SALT_MASK = 0x3a;

function pbkdf2Async(secret: string | Buffer, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) => pbkdf2(secret, salt, iterations, 32, 'sha512', (error, key) => (error ? reject(error) : resolve(key))));
}

export function readSalt(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const salt = Buffer.alloc(SALT_BYTES);
    fs.readSync(fd, salt, 0, SALT_BYTES, 0);
    return salt;
  } finally {
    fs.closeSync(fd);
  }
}

export async function deriveHmacKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const encryptionKey = await pbkdf2Async(passphrase, salt, keyStretchIterations());
  return pbkdf2Async(encryptionKey, Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK)), HMAC_KDF_ITERATIONS);
}

export interface PageKeys {
  /** Decrypts pages: as secret as the passphrase, so only kept for the moment it is needed. */
  encryptionKey: Buffer;
  hmacKey: Buffer;
}

/**
 * The same stretch, synchronously: for the rare moments when nothing may run in between (a
 * passphrase change, a restore, checking a passphrase before SQLite may touch a journal).
 */
export function deriveKeysSync(passphrase: string, salt: Buffer): PageKeys {
  const encryptionKey = pbkdf2Sync(passphrase, salt, keyStretchIterations(), 32, 'sha512');
  const hmacKey = pbkdf2Sync(encryptionKey, Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK)), HMAC_KDF_ITERATIONS, 32, 'sha512');
  return { encryptionKey, hmacKey };
}

/** True when a page's HMAC is right for this key: the key is the file's, and the page is whole. */
export function pageIsAuthentic(page: Buffer, pageNumber: number, hmacKey: Buffer): boolean {
  if (page.length !== PAGE_SIZE) return false;
  const number = Buffer.alloc(4);
  number.writeUInt32LE(pageNumber);
  const mac = createHmac('sha512', hmacKey)
    .update(page.subarray(pageNumber === 1 ? SALT_BYTES : 0, PAGE_SIZE - HMAC_BYTES))
    .update(number)
    .digest();
  return mac.equals(page.subarray(PAGE_SIZE - HMAC_BYTES));
}

/**
 * How many pages the database says it has: SQLite's header field, read from page 1
 * decrypted here (AES-256-CBC, the IV stored in the page's reserved bytes).
 */
export function headerPageCount(pageOne: Buffer, encryptionKey: Buffer): number {
  const end = PAGE_SIZE - IV_BYTES - HMAC_BYTES;
  const iv = pageOne.subarray(end, end + IV_BYTES);
  const decipher = createDecipheriv('aes-256-cbc', encryptionKey, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(pageOne.subarray(SALT_BYTES, end)), decipher.final()]);
  return plain.readUInt32BE(HEADER_PAGE_COUNT_OFFSET - SALT_BYTES);
}

/** The first page of a file as it is on disk (shorter when the file is). */
export function readPageOne(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const page = Buffer.alloc(PAGE_SIZE);
    const read = fs.readSync(fd, page, 0, PAGE_SIZE, 0);
    return page.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Plain-words problems, one per bad page; empty when every page is intact. */
export function verifyPageHmacs(file: string, hmacKey: Buffer): string[] {
  const problems: string[] = [];
  const size = fs.statSync(file).size;
  if (size % PAGE_SIZE !== 0) problems.push(`The file size (${size} bytes) is not a whole number of pages: it has been cut short or added to.`);
  const fd = fs.openSync(file, 'r');
  const page = Buffer.alloc(PAGE_SIZE);
  try {
    for (let n = 1; n * PAGE_SIZE <= size; n++) {
      fs.readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE);
      if (!pageIsAuthentic(page, n, hmacKey)) {
        problems.push(`Page ${n} failed its authentication check: it has been altered or damaged.`);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return problems;
}
