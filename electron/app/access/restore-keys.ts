/**
 * A restore puts a backup's key back in use, so the database's own access file must hold
 * that key's generation before the backup is renamed into place. Usually it already does
 * (the access file keeps every generation); when the backup came with its own access file
 * from elsewhere, its missing generations are added, sealed only to people who still have
 * access here: a person removed since does not get back in through an old backup's slots.
 */
import { keyringPathFor, readKeyring, readKeyringFile, writeKeyring } from './keyring.ts';

export function keepBackupKeysBeside(dbPath: string, backup: string): void {
  const own = readKeyring(dbPath);
  const backups = readKeyringFile(keyringPathFor(backup));
  if (!backups) return;
  if (!own) {
    writeKeyring(dbPath, backups);
    return;
  }
  const present = new Set(own.people.map((p) => p.id));
  let added = false;
  for (const generation of backups.keys) {
    if (own.keys.some((g) => g.salt === generation.salt)) continue;
    own.keys.push({ ...generation, envelopes: generation.envelopes.filter((e) => present.has(e.personId)) });
    added = true;
  }
  if (added) writeKeyring(dbPath, own);
}
