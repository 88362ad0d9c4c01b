/**
 * Every write goes through `write`: one transaction that also appends its audit rows, so a
 * change and the record of who made it land together or not at all. Inside the transaction
 * the last audit row cannot change under us, so each new row chains to it (audit/chain.ts).
 */
import { appendAudit } from '../audit/chain.ts';
import type { Connection } from './cipher.ts';

export interface WriteContext {
  db: Connection;
  actor: string;
  now: () => Date;
}

export type Audit = (entity: string, entityId: string | null, action: string, summary?: string) => void;

/** `work` also gets the instant its audit rows carry, for rows that record when they were written. */
export function write<T>(ctx: WriteContext, work: (audit: Audit, at: string) => T): T {
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const audit: Audit = (entity, entityId, action, summary) =>
      appendAudit(ctx.db, { at, actor: ctx.actor, entity, entityId, action, summary: summary ?? null });
    return work(audit, at);
  })();
}
