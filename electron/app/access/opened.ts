/**
 * What opening a database with a person's own passphrase writes: the open itself, in the
 * audit log under their name, and any change of access the keyring holds that the audit log
 * does not yet. A change of access is made in the keyring first (its atomic rename is the
 * moment it happens) and recorded in the audit log straight after; a crash in between is
 * caught up here, so the log never misses one.
 */
import { appendAudit } from '../audit/chain.ts';
import type { WriteContext } from '../db/write.ts';
import { readKeyring, writeKeyring, type AccessEvent, type Keyring } from './keyring.ts';
import { auditedAccessEvents } from './repo.ts';
import { noAccessError, type SlotHolder } from './unlock.ts';

export function accessEventSummary(event: Pick<AccessEvent, 'action' | 'name'>): string {
  return event.action === 'add' ? `Gave access to ${event.name}` : `Removed the access of ${event.name}`;
}

/**
 * A removal with a re-encryption is written to the keyring in two steps (service.ts): its
 * event first, with the person still in, then without them once the database is under the
 * new key. If the database's audit log has the event, the swap happened: finish the removal.
 * If not, it never did: forget the event, and they keep the access they still have.
 */
function settleRemovals(keyring: Keyring, audited: Set<string>): boolean {
  let changed = false;
  for (const event of [...keyring.events]) {
    if (event.action !== 'remove' || !keyring.people.some((p) => p.id === event.personId)) continue;
    changed = true;
    if (audited.has(event.id)) {
      keyring.people = keyring.people.filter((p) => p.id !== event.personId);
      for (const generation of keyring.keys) generation.envelopes = generation.envelopes.filter((e) => e.personId !== event.personId);
    } else {
      keyring.events = keyring.events.filter((e) => e.id !== event.id);
    }
  }
  return changed;
}

export function recordSlotOpen(dbPath: string, ctx: WriteContext, holder: SlotHolder): void {
  const keyring = readKeyring(dbPath);
  const audited = auditedAccessEvents(ctx.db);
  if (keyring && settleRemovals(keyring, audited)) {
    writeKeyring(dbPath, keyring);
    if (!keyring.people.some((p) => p.id === holder.personId)) throw noAccessError(holder.name);
  }
  ctx.db.transaction(() => {
    if (keyring) {
      for (const event of keyring.events) {
        if (audited.has(event.id)) continue;
        appendAudit(ctx.db, { at: event.at, actor: event.by, entity: 'access', entityId: event.id, action: event.action, summary: accessEventSummary(event) });
      }
    }
    appendAudit(ctx.db, { at: ctx.now().toISOString(), actor: holder.name, entity: 'database', entityId: null, action: 'open', summary: null });
  })();
}
