/**
 * SQLCipher's own `cipher_integrity_check`, done here: SQLite3MultipleCiphers (our driver)
 * does not implement that pragma and silently returns nothing. Every page of a SQLCipher 4
 * file ends with an HMAC-SHA512 over its ciphertext, IV and page number; recomputing them
 * from the raw file finds any page altered or damaged, including pages no query reads.
 *
 * Only the HMAC key is kept, derived in the background when the database opens: it proves
 * pages are intact but cannot decrypt them, and the passphrase itself is not kept.
 */
import { createHmac, pbkdf2 } from 'node:crypto';
import fs from 'node:fs';
import { keyStretchIterations } from './key-stretch.ts';

/** SQLCipher 4 defaults (what `legacy=4` selects); the key stretch is key-stretch.ts's. */
const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const HMAC_BYTES = 64;
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

/** Plain-words problems, one per bad page; empty when every page is intact. */
export function verifyPageHmacs(file: string, hmacKey: Buffer): string[] {
  const problems: string[] = [];
  const size = fs.statSync(file).size;
  if (size % PAGE_SIZE !== 0) problems.push(`The file size (${size} bytes) is not a whole number of pages: it has been cut short or added to.`);
  const fd = fs.openSync(file, 'r');
  const page = Buffer.alloc(PAGE_SIZE);
  const pageNumber = Buffer.alloc(4);
  try {
    for (let n = 1; n * PAGE_SIZE <= size; n++) {
      fs.readSync(fd, page, 0, PAGE_SIZE, (n - 1) * PAGE_SIZE);
      pageNumber.writeUInt32LE(n);
      const mac = createHmac('sha512', hmacKey)
        .update(page.subarray(n === 1 ? SALT_BYTES : 0, PAGE_SIZE - HMAC_BYTES))
        .update(pageNumber)
        .digest();
      if (!mac.equals(page.subarray(PAGE_SIZE - HMAC_BYTES))) {
        problems.push(`Page ${n} failed its authentication check: it has been altered or damaged.`);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return problems;
}
