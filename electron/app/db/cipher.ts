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
 * by `npm run bench`). The 64 MiB cache holds a whole team database.
 */
export function applyWorkingPragmas(db: Connection): void {
  db.pragma('locking_mode=EXCLUSIVE');
  db.pragma('cache_size=-65536');
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
