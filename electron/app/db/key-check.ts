/**
 * Checks made on the raw file with a passphrase, outside SQLite, for the two cases SQLite
 * gets wrong:
 *
 * - A crash mid-commit leaves a hot journal. SQLite rolls it back into the file as soon as
 *   it reads, before it knows whether the key is right, so a wrong passphrase used to
 *   rewrite (and truncate) the file. When a journal is there, the passphrase is checked
 *   first against page 1's HMAC, and SQLite only sees the file once it is known to be right.
 * - A file cut short (half-copied to a shared drive) fails SQLite's first read with "corrupt",
 *   the same as real damage. Page 1 decrypted here says how many pages the file should have.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { deriveKeysSync, headerPageCount, PAGE_SIZE, pageIsAuthentic, readPageOne, type PageKeys } from './cipher-integrity.ts';

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const SALT_BYTES = 16;

export function journalPathFor(dbPath: string): string {
  return `${dbPath}-journal`;
}

/**
 * A journal SQLite would roll back: present, not empty, its header not zeroed. (A clean
 * close deletes the journal; exclusive mode zeroes its header after each commit.)
 */
export function hasHotJournal(dbPath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(journalPathFor(dbPath), 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(JOURNAL_MAGIC.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read > 0 && header.subarray(0, read).some((b) => b !== 0);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Page 1 as the journal saved it before the interrupted commit: SQLite's journal is a
 * series of segments, each a header (magic, record count, nonce, initial size, sector
 * size, page size) in its own sector, then records of page number, page, checksum.
 */
export function journalCopyOfPageOne(dbPath: string): Buffer | null {
  let journal: Buffer;
  try {
    journal = fs.readFileSync(journalPathFor(dbPath));
  } catch {
    return null;
  }
  let offset = 0;
  while (offset + 28 <= journal.length && journal.subarray(offset, offset + 8).equals(JOURNAL_MAGIC)) {
    const declared = journal.readUInt32BE(offset + 8);
    const sectorSize = journal.readUInt32BE(offset + 20);
    const pageSize = journal.readUInt32BE(offset + 24);
    if (pageSize !== PAGE_SIZE || sectorSize < 32 || sectorSize > 65536) return null;
    const recordSize = 4 + pageSize + 4;
    offset += sectorSize;
    const records = declared === 0 || declared === 0xffffffff ? Math.floor((journal.length - offset) / recordSize) : declared;
    for (let i = 0; i < records && offset + recordSize <= journal.length; i++, offset += recordSize) {
      if (journal.readUInt32BE(offset) === 1) return journal.subarray(offset + 4, offset + 4 + pageSize);
    }
    offset = Math.ceil(offset / sectorSize) * sectorSize;
  }
  return null;
}

function authenticPageOne(page: Buffer, passphrase: string, cache: Map<string, PageKeys>): PageKeys | null {
  if (page.length !== PAGE_SIZE) return null;
  const salt = page.subarray(0, SALT_BYTES);
  let keys = cache.get(salt.toString('hex'));
  if (!keys) {
    keys = deriveKeysSync(passphrase, salt);
    cache.set(salt.toString('hex'), keys);
  }
  return pageIsAuthentic(page, 1, keys.hmacKey) ? keys : null;
}

/**
 * Whether the passphrase opens this file, decided from the raw bytes only. Page 1 on disk
 * may be half-written by the crash, so the journal's saved copy counts too.
 */
export function passphraseOpensRawFile(dbPath: string, passphrase: string): boolean {
  const cache = new Map<string, PageKeys>();
  if (authenticPageOne(readPageOne(dbPath), passphrase, cache)) return true;
  const saved = journalCopyOfPageOne(dbPath);
  return saved !== null && authenticPageOne(saved, passphrase, cache) !== null;
}

export function wrongPassphraseError(filePath: string): AppError {
  return new AppError('wrong_passphrase', 'The passphrase is wrong. Check Caps Lock and try again.', { path: filePath });
}

export function incompleteError(filePath: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(
    'incomplete_database',
    'This database file is incomplete or damaged: it is shorter than a whole database, as when a copy to or from a shared drive stopped part way. Restore it from a backup (or copy it again from where it came from). The file has not been changed.',
    { path: filePath, ...details },
  );
}

export function corruptError(filePath: string): AppError {
  return new AppError(
    'corrupt_database',
    'The passphrase is right but the database is damaged. Restore it from your latest backup; the damaged file has not been changed.',
    { path: filePath },
  );
}

/**
 * SQLite said "corrupt" at its very first read. With the right passphrase page 1 is
 * authentic, and its header says how long the file should be: shorter on disk means
 * incomplete. Page 1 not authentic means the passphrase is wrong after all (or page 1 itself
 * is damaged, which no check can tell apart).
 */
export function diagnoseFirstReadCorrupt(dbPath: string, passphrase: string): AppError {
  const pageOne = readPageOne(dbPath);
  const keys = authenticPageOne(pageOne, passphrase, new Map());
  if (!keys) return pageOne.length < PAGE_SIZE ? incompleteError(dbPath) : wrongPassphraseError(dbPath);
  const expectedPages = headerPageCount(pageOne, keys.encryptionKey);
  const bytes = fs.statSync(dbPath).size;
  if (expectedPages * PAGE_SIZE > bytes) return incompleteError(dbPath, { bytes, expectedBytes: expectedPages * PAGE_SIZE });
  return corruptError(dbPath);
}
