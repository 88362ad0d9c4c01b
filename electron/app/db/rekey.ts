/**
 * Changing the passphrase without ever putting the only copy at risk. SQLite's own `PRAGMA
 * rekey` rewrites the file page by page in place, so a crash part way left pages under two
 * keys: a file that opens with neither passphrase. Instead:
 *
 *  1. `VACUUM INTO` a temporary file beside the database: a consistent copy, same key.
 *  2. Re-encrypt the copy with the new passphrase (rekey on the copy only) and record the
 *     change in the copy's audit log, so the record and the new key arrive together.
 *  3. Flush it to disk and verify it: opens with the new passphrase, application id,
 *     schema version, integrity_check, every page's HMAC.
 *  4. Close the live connection, and rename the copy over the database (atomic within a
 *     folder), then flush the folder.
 *  5. Reopen with the new passphrase. The lock file stays held throughout.
 *
 * Until the rename the database is the old one, untouched; from the rename it is the new,
 * verified one. A temporary file left by a crash is removed on the next open.
 */
import path from 'node:path';
import { openConnection, rekeyConnection, vacuumInto, verifyKey, type Connection } from './cipher.ts';
import { createPrivateFile, fsyncFile } from './durable.ts';
import { asStorageFailure } from './storage-errors.ts';
import { rekeyTemporaryPath, removeTemporary } from './temporaries.ts';
import { verifyDatabaseFile } from './verify-copy.ts';
import { write, type Audit } from './write.ts';

/** The moments a crash test stops at; each one is after the step named has finished. */
export const REKEY_STEPS = ['copied', 'reencrypted', 'verified', 'closed', 'replaced', 'reopened'] as const;
export type RekeyStep = (typeof REKEY_STEPS)[number];
export type RekeyObserver = (step: RekeyStep) => void;

export interface PreparedRekey {
  temporary: string;
  hmacKey: Buffer;
}

interface PrepareRequest {
  path: string;
  live: Connection;
  current: string;
  next: string;
  actor: string;
  now: () => Date;
  observe: RekeyObserver;
  /** The audit rows the copy gets; a passphrase change by default. */
  record?: ((audit: Audit) => void) | undefined;
}

function reencrypt(file: string, req: PrepareRequest): void {
  const copy = openConnection(file, req.current, { create: false });
  try {
    verifyKey(copy);
    rekeyConnection(copy, req.next);
    const record = req.record ?? ((audit: Audit) => audit('database', null, 'change-passphrase'));
    write({ db: copy, actor: req.actor, now: req.now }, (audit) => record(audit));
  } finally {
    copy.close();
  }
}

/** Steps 1 to 3: a verified copy under the new passphrase, the database itself untouched. */
export function prepareRekey(req: PrepareRequest): PreparedRekey {
  const temporary = rekeyTemporaryPath(req.path);
  removeTemporary(temporary);
  try {
    createPrivateFile(temporary);
    vacuumInto(req.live, temporary);
    req.observe('copied');
    reencrypt(temporary, req);
    fsyncFile(temporary);
    req.observe('reencrypted');
    const verified = verifyDatabaseFile(temporary, req.next, 'The new passphrase did not open the re-encrypted copy, so the passphrase was not changed.');
    req.observe('verified');
    return { temporary, hmacKey: verified.hmacKey };
  } catch (error) {
    removeTemporary(temporary);
    throw asStorageFailure(error, path.dirname(req.path), 'The passphrase has not been changed.');
  }
}
