/**
 * Checks made on the raw file before any key is tried, so the common mistakes (wrong file,
 * a folder, a plain SQLite file, an empty file, a file cut short) get their own message.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { PAGE_SIZE } from './cipher-integrity.ts';
import { incompleteError } from './key-check.ts';

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Shortest sample from which "looks encrypted" means anything. */
const MIN_SAMPLE = 512;
/** Files that look random at the start but are not databases: zip (.xlsx, .docx), gzip, PDF, images, 7z, rar, old Office. */
const KNOWN_MAGIC = ['504b0304', '1f8b', '25504446', '89504e47', 'ffd8ff', '47494638', '377abcaf', '52617221', 'd0cf11e0'];

/**
 * Whether the bytes look like ciphertext (what a SQLCipher file is from its first byte):
 * close to 8 bits of entropy per byte, and not the signature of a compressed format.
 */
export function looksEncrypted(sample: Buffer): boolean {
  if (sample.length < MIN_SAMPLE) return false;
  const hex = sample.subarray(0, 4).toString('hex');
  if (KNOWN_MAGIC.some((magic) => hex.startsWith(magic))) return false;
  const counts = new Array<number>(256).fill(0);
  for (const byte of sample) counts[byte] = (counts[byte] ?? 0) + 1;
  let entropy = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const p = count / sample.length;
    entropy -= p * Math.log2(p);
  }
  // Random bytes give 7.6 bits over 512 bytes and 7.95 over 4096; text gives under 5.
  return entropy > (sample.length >= PAGE_SIZE ? 7.8 : 7.5);
}

export function assertLooksLikeTeamDatabase(path: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    throw new AppError('file_not_found', `There is no file at ${path}. Check the folder and the file name.`, { path });
  }
  if (stat.isDirectory()) {
    throw new AppError('file_not_found', `${path} is a folder, not a team database file.`, { path });
  }
  if (stat.size === 0) {
    throw new AppError('not_linkdesk_database', 'This file is empty, so it is not a LinkDesk team database.', { path });
  }
  const start = Buffer.alloc(Math.min(stat.size, PAGE_SIZE));
  const fd = fs.openSync(path, 'r');
  try {
    fs.readSync(fd, start, 0, start.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (start.subarray(0, 16).equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError(
      'not_linkdesk_database',
      'This is an unencrypted SQLite database, not a LinkDesk team database (those are always encrypted).',
      { path },
    );
  }
  // A SQLCipher file looks random from its first byte; one that does not is another kind of file.
  if (!looksEncrypted(start)) {
    throw new AppError(
      'not_linkdesk_database',
      'This file is not a LinkDesk team database (those are encrypted, and this one is not), or it is badly damaged. If it should be one, restore it from a backup.',
      { path, bytes: stat.size },
    );
  }
  // A team database is whole 4096-byte pages: an encrypted file that is not was cut short.
  if (stat.size % PAGE_SIZE !== 0) throw incompleteError(path, { bytes: stat.size });
}

export function assertWritable(path: string): void {
  try {
    fs.accessSync(path, fs.constants.W_OK);
  } catch {
    throw new AppError(
      'read_only_location',
      'This database file is read-only, so LinkDesk cannot open it safely. Copy it to a folder you can write to, or ask IT for write access.',
      { path },
    );
  }
}
