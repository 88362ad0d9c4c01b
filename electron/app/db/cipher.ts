/**
 * The one place that opens a SQLCipher connection. Every open sets the cipher and the
 * SQLCipher 4 compatibility level before the key, so files stay readable by the standard
 * `sqlcipher` 4 command-line tool with the same passphrase.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { keyStretchIterations, SQLCIPHER_KDF_ITERATIONS } from './key-stretch.ts';

export type Connection = Database.Database;

/** SQL string literal for a pragma value; pragmas cannot take bound parameters. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function applyKey(db: Connection, passphrase: string): void {
  db.pragma(`cipher=${sqlLiteral('sqlcipher')}`);
  db.pragma('legacy=4');
  // Only tests ever change the stretch (key-stretch.ts); the app leaves legacy=4's 256,000.
  const iterations = keyStretchIterations();
  if (iterations !== SQLCIPHER_KDF_ITERATIONS) db.pragma(`kdf_iter=${iterations}`);
  db.pragma(`key=${sqlLiteral(passphrase)}`);
}

/**
 * Pragmas of DESIGN.md: WAL is unsafe on network drives, so the rollback journal it is.
 * Exclusive locking: one LinkDesk has the file at a time anyway (the lock file), and holding
 * the lock lets SQLite keep its decrypted page cache between transactions instead of
 * re-reading and re-decrypting page 1 for every read (3.7x slower reads without it, measured
 * by `npm run bench`). The page cache is sized from the file (sizePageCache).
 */
export function applyWorkingPragmas(db: Connection): void {
  db.pragma('locking_mode=EXCLUSIVE');
  sizePageCache(db);
  db.pragma('foreign_keys=ON');
  db.pragma('temp_store=MEMORY');
  db.pragma('journal_mode=DELETE');
  db.pragma('synchronous=FULL');
}

export function openConnection(path: string, passphrase: string, options: { create: boolean; readonly?: boolean }): Connection {
  const db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  try {
    applyKey(db, passphrase);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The key pragma always "succeeds"; only a read tells whether the key is right. This read
 * touches page 1 alone (the header), so damage further in, even in the schema's own pages,
 * is reported as damage and not mistaken for a wrong passphrase.
 */
export function verifyKey(db: Connection): void {
  db.pragma('user_version', { simple: true });
}

const statementCache = new WeakMap<Connection, Map<string, Database.Statement>>();

/** Prepared statements are cached per connection rather than rebuilt on every call. */
export function statement(db: Connection, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

/**
 * A consistent copy of the whole database into `file` (which must not exist, or be empty),
 * encrypted with this connection's cipher, key and salt, while the connection stays open.
 */
export function vacuumInto(db: Connection, file: string): void {
  db.exec(`VACUUM INTO ${sqlLiteral(file)}`);
}

/** Re-encrypts every page in place: only ever run on a temporary copy (see rekey.ts). */
export function rekeyConnection(db: Connection, passphrase: string): void {
  db.pragma(`rekey=${sqlLiteral(passphrase)}`);
}

/** SQLite's integrity_check of one schema ("main", or an attached copy): ['ok'] when sound. */
export function integrityCheck(db: Connection, schema = 'main'): string[] {
  return (db.pragma(`${schema}.integrity_check`) as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function applicationId(db: Connection, schema = 'main'): number {
  return Number(db.pragma(`${schema}.application_id`, { simple: true }));
}

export function userVersion(db: Connection, schema = 'main'): number {
  return Number(db.pragma(`${schema}.user_version`, { simple: true }));
}

/**
 * Attaches a copy made by `vacuumInto` under `schema`. With no KEY clause the copy is read
 * with this connection's key, which is the copy's too (same key, same salt).
 */
export function attachCopy(db: Connection, file: string, schema: string): void {
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
}

export function detach(db: Connection, schema: string): void {
  db.exec(`DETACH DATABASE ${schema}`);
}

/** Rows changed through this connection since it opened: tells whether there is anything new to back up. */
export function changeCount(db: Connection): number {
  return Number(db.prepare('SELECT total_changes()').pluck().get());
}

const MiB = 1024 * 1024;
/** A small team's file is a few MiB: no need to reserve more. */
export const PAGE_CACHE_FLOOR = 8 * MiB;
/**
 * The screens read through indexes, so their pages are a small part of even a ten-year file;
 * past this the cache only holds decrypted pages nobody asks for again, at the cost of the
 * memory an idle LinkDesk keeps (the cache fills as pages are read and does not shrink).
 */
export const PAGE_CACHE_CAP = 64 * MiB;

/** Cache the whole file and a quarter more for growth, between the floor and the cap. */
export function pageCacheBytes(fileBytes: number): number {
  return Math.min(PAGE_CACHE_CAP, Math.max(PAGE_CACHE_FLOOR, Math.ceil(fileBytes * 1.25)));
}

export function sizePageCache(db: Connection): void {
  const fileBytes = Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
  // A negative cache_size is in KiB rather than pages.
  db.pragma(`cache_size=-${Math.ceil(pageCacheBytes(fileBytes) / 1024)}`);
}

/**
 * Before a big import: the whole cap, whatever the file's size now, so the pages the import
 * adds stay in memory until it commits instead of spilling to the file (encrypted) mid-way.
 */
export function beforeBigImport(db: Connection): void {
  db.pragma(`cache_size=-${PAGE_CACHE_CAP / 1024}`);
}

/**
 * After a big import: the planner's statistics brought up to date (bounded: a sample of each
 * index), the page cache sized for the grown file.
 */
export function afterBigImport(db: Connection): void {
  db.pragma('analysis_limit=400');
  db.pragma('optimize');
  sizePageCache(db);
}
