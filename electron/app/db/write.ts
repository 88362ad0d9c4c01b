/**
 * Every write goes through `write`: one transaction that also appends its audit rows, so a
 * change and the record of who made it land together or not at all.
 */
import { insertAudit } from '../audit/repo.ts';
import type { Connection } from './cipher.ts';

export interface WriteContext {
  db: Connection;
  actor: string;
  now: () => Date;
}

export type Audit = (entity: string, entityId: string | null, action: string, summary?: string) => void;

export function write<T>(ctx: WriteContext, work: (audit: Audit) => T): T {
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const audit: Audit = (entity, entityId, action, summary) =>
      insertAudit(ctx.db, { at, actor: ctx.actor, entity, entityId, action, summary: summary ?? null });
    return work(audit);
  })();
}
