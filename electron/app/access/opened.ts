/**
 * What opening a database with a person's own passphrase writes: the open itself, in the
 * audit log under their name, and any change of access the keyring holds that the audit log
 * does not yet. A change of access is made in the keyring first (its atomic rename is the
 * moment it happens) and recorded in the audit log straight after; a crash in between is
 * caught up here, so the log never misses one.
 */
import { appendAudit } from '../audit/chain.ts';
import type { WriteContext } from '../db/write.ts';
import { readKeyring, type AccessEvent } from './keyring.ts';
import { auditedAccessEvents } from './repo.ts';
import type { SlotHolder } from './unlock.ts';

export function accessEventSummary(event: Pick<AccessEvent, 'action' | 'name'>): string {
  return event.action === 'add' ? `Gave access to ${event.name}` : `Removed the access of ${event.name}`;
}

export function recordSlotOpen(dbPath: string, ctx: WriteContext, holder: SlotHolder): void {
  const keyring = readKeyring(dbPath);
  ctx.db.transaction(() => {
    if (keyring) {
      const audited = auditedAccessEvents(ctx.db);
      for (const event of keyring.events) {
        if (audited.has(event.id)) continue;
        appendAudit(ctx.db, { at: event.at, actor: event.by, entity: 'access', entityId: event.id, action: event.action, summary: accessEventSummary(event) });
      }
    }
    appendAudit(ctx.db, { at: ctx.now().toISOString(), actor: holder.name, entity: 'database', entityId: null, action: 'open', summary: null });
  })();
}
