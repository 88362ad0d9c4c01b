/**
 * Retention: what is past the team's period (the review), and the purge a person confirms. The
 * purge removes children's references and free text, never rows, so every count a report makes
 * (visits held, children reviewed and their decisions, consultations, contacts, escalations by
 * concern) is the same afterwards. It is one transaction with its audit rows: a crash leaves all
 * of it or none. For the escalation log this is the only change its triggers allow
 * (migration 0021), and each escalation purged has its own audit row in the hash chain.
 */
import { localDay } from '../../../shared/format.ts';
import {
  PURGEABLE_KINDS, PURGED_REFERENCE, RETENTION_KINDS, RETENTION_LABELS, yearsBefore,
  type PurgeableKind, type RetentionPurgeResult, type RetentionReview,
} from '../../../shared/domain/retention.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { getTeam } from '../team/service.ts';
import {
  purgeActionsOf, purgeContact, purgeEscalation, selectDue, selectDueConsultations, selectDueContacts, selectDueEscalations, selectDueVisitRecords,
  selectVisitRecordVersionsData, updateConsultationData, updateVisitRecordData, updateVisitRecordVersionData,
} from './repo.ts';

export function retentionReview(db: Connection, now: Date): RetentionReview {
  const asOf = localDay(now);
  const years = getTeam(db).settings.retentionYears;
  return {
    asOf,
    due: RETENTION_KINDS.map((kind) => {
      const before = yearsBefore(asOf, years[kind]);
      const { count, oldest } = selectDue(db, kind, before);
      return { kind, label: RETENTION_LABELS[kind], years: years[kind], before, count, oldest: count > 0 ? oldest : null, purgeable: (PURGEABLE_KINDS as readonly string[]).includes(kind) };
    }),
  };
}

/** Words give way to the marker, so "was anything written here" still reads true; absent stays absent. */
const removed = (text: unknown): string | null => (typeof text === 'string' && text.trim() !== '' ? PURGED_REFERENCE : null);

type Json = Record<string, unknown>;

function purgedVisitRecord(json: string, on: string): string {
  const r = JSON.parse(json) as Json & { children?: Json[] };
  return JSON.stringify({
    ...r,
    schoolAttendees: removed(r.schoolAttendees) ?? '',
    teamAttendees: removed(r.teamAttendees) ?? '',
    children: (r.children ?? []).map((c) => ({ ...c, child: { ...(c.child as Json), initials: PURGED_REFERENCE, caseId: null }, action: removed(c.action), who: removed(c.who) })),
    managedMovesAgreed: removed(r.managedMovesAgreed),
    alternativeProvision: removed(r.alternativeProvision),
    unnotifiedExclusions: removed(r.unnotifiedExclusions),
    otherIssues: removed(r.otherIssues),
    confirmedNotNames: [],
    purgedOn: on,
  });
}

function purgedConsultation(json: string, on: string): string {
  const c = JSON.parse(json) as Json & { children?: Json[]; attendees?: Json[]; notes?: Json };
  return JSON.stringify({
    ...c,
    requestedBy: removed(c.requestedBy) ?? '',
    attendees: (c.attendees ?? []).map((a) => ({ ...a, name: PURGED_REFERENCE })),
    notes: Object.fromEntries(Object.entries(c.notes ?? {}).map(([area, text]) => [area, removed(text) ?? ''])),
    children: (c.children ?? []).map((child) => ({ ...child, initials: PURGED_REFERENCE, caseId: null })),
    actions: removed(c.actions) ?? '',
    confirmedNotNames: [],
    purgedOn: on,
  });
}

/** Purges every purgeable kind past its period, in one transaction; the person confirming is the write's actor. */
export function purgeRetention(ctx: WriteContext): RetentionPurgeResult {
  const review = retentionReview(ctx.db, ctx.now());
  const before = (kind: PurgeableKind) => review.due.find((d) => d.kind === kind)?.before ?? review.asOf;
  const on = review.asOf;
  const purged = write(ctx, (audit) => {
    const counts: Record<PurgeableKind, number> = { visit_records: 0, consultations: 0, contacts: 0, escalations: 0 };
    for (const { visitId, data } of selectDueVisitRecords(ctx.db, before('visit_records'))) {
      updateVisitRecordData(ctx.db, visitId, purgedVisitRecord(data, on));
      for (const v of selectVisitRecordVersionsData(ctx.db, visitId)) updateVisitRecordVersionData(ctx.db, visitId, v.version, purgedVisitRecord(v.data, on));
      purgeActionsOf(ctx.db, 'visit_record', visitId, PURGED_REFERENCE);
      counts.visit_records++;
    }
    for (const { id, data } of selectDueConsultations(ctx.db, before('consultations'))) {
      updateConsultationData(ctx.db, id, purgedConsultation(data, on));
      purgeActionsOf(ctx.db, 'consultation', id, PURGED_REFERENCE);
      counts.consultations++;
    }
    for (const id of selectDueContacts(ctx.db, before('contacts'))) {
      purgeContact(ctx.db, id, PURGED_REFERENCE);
      purgeActionsOf(ctx.db, 'contact', id, PURGED_REFERENCE);
      counts.contacts++;
    }
    for (const id of selectDueEscalations(ctx.db, before('escalations'))) {
      purgeEscalation(ctx.db, id, on, ctx.actor);
      // One row per escalation: the check finds a purge with no audit row as tampering.
      audit('escalation', id, 'purge', 'retention: children and free text removed');
      counts.escalations++;
    }
    audit('retention', null, 'purge', PURGEABLE_KINDS.map((k) => `${RETENTION_LABELS[k]}: ${counts[k]}`).join('; '));
    return counts;
  });
  return { asOf: on, purged: PURGEABLE_KINDS.map((kind) => ({ kind, count: purged[kind] })) };
}
