/** Open and unlock; encrypted against plaintext writes and reads with the same library. */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, applyWorkingPragmas, sizePageCache, type Connection } from '../electron/app/db/cipher.ts';
import { createTeamDatabase, openTeamDatabase } from '../electron/app/db/team-db.ts';
import { benchDir, median, ms, printSection, ratio, timeIt, type Results } from './harness.ts';

const PASSPHRASE = 'benchmark passphrase 2026';
const INSERTS = 100_000;
const READS = 10_000;
const RUNS = 5;

function connection(file: string, encrypted: boolean): Connection {
  const db = new Database(file);
  if (encrypted) applyKey(db, PASSPHRASE);
  applyWorkingPragmas(db);
  db.exec('CREATE TABLE IF NOT EXISTS contact (id INTEGER PRIMARY KEY, school_urn TEXT, worker TEXT, summary TEXT, at TEXT)');
  return db;
}

function insertAll(db: Connection): void {
  const insert = db.prepare('INSERT INTO contact (school_urn, worker, summary, at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < INSERTS; i++) {
      insert.run(String(100000 + (i % 25000)), `Worker ${i % 100}`, `Phone call about attendance follow-up number ${i}`, '2026-11-23T10:15:00Z');
    }
  })();
}

function readMany(db: Connection): void {
  const read = db.prepare('SELECT * FROM contact WHERE id = ?');
  let seed = 42;
  for (let i = 0; i < READS; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    read.get(1 + (seed % INSERTS));
  }
}

function measure(encrypted: boolean): { write: number; read: number } {
  const writes: number[] = [];
  const reads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const db = connection(path.join(benchDir(), `${encrypted ? 'enc' : 'plain'}.db`), encrypted);
    writes.push(timeIt(() => insertAll(db)));
    // The cache was sized for an empty file; the app sizes it again when a file has grown (on open, after a big import).
    sizePageCache(db);
    reads.push(timeIt(() => readMany(db)));
    db.close();
  }
  return { write: median(writes), read: median(reads) };
}

export function benchDatabase(): Results {
  const file = path.join(benchDir(), 'team.linkdesk');
  createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Bench', teamName: 'Bench Team', localAuthority: 'Benchshire' }).close();
  const opens: number[] = [];
  for (let i = 0; i < 10; i++) opens.push(timeIt(() => openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Bench' }).close()));

  const plain = measure(false);
  const encrypted = measure(true);
  const writeRatio = encrypted.write / plain.write;
  const readRatio = encrypted.read / plain.read;
  printSection('Team database (median of runs)', [
    { name: 'open and unlock (verify key, lock file, checks)', value: ms(median(opens)), note: '10 runs' },
    { name: `${INSERTS.toLocaleString('en-GB')} inserts, plaintext`, value: ms(plain.write), note: `${RUNS} runs, one transaction` },
    { name: `${INSERTS.toLocaleString('en-GB')} inserts, encrypted`, value: ms(encrypted.write) },
    { name: 'bulk write ratio, encrypted/plaintext', value: ratio(writeRatio), note: `target at most 2x: ${writeRatio <= 2 ? 'met' : 'MISSED'}` },
    { name: `${READS.toLocaleString('en-GB')} point reads, plaintext`, value: ms(plain.read) },
    { name: `${READS.toLocaleString('en-GB')} point reads, encrypted`, value: ms(encrypted.read) },
    { name: 'read ratio, encrypted/plaintext', value: ratio(readRatio), note: `target at most 1.3x: ${readRatio <= 1.3 ? 'met' : 'MISSED'}` },
  ]);
  return { db_open_ms: median(opens), db_write_ratio: writeRatio, db_read_ratio: readRatio };
}
