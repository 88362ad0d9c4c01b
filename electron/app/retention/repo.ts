/** The SQL of retention: what is past its period, and the purge's changes. */
import type { Connection } from '../db/cipher.ts';
import { statement } from '../db/cipher.ts';

export interface DueCount {
  count: number;
  oldest: string | null;
}

/** Not yet purged: a visit record or consultation is marked in its JSON, a contact by its blank summary, an escalation by its purge row. */
const DUE_SQL = {
  visit_records: `SELECT count(*) AS count, min(substr(coalesce(v.held_on, v.visit_date), 1, 10)) AS oldest FROM visit_record r JOIN visit v ON v.id = r.visit_id
                   WHERE substr(coalesce(v.held_on, v.visit_date, r.written_at), 1, 10) < ? AND json_extract(r.data, '$.purgedOn') IS NULL`,
  consultations: `SELECT count(*) AS count, min(held_on) AS oldest FROM consultation WHERE held_on < ? AND json_extract(data, '$.purgedOn') IS NULL`,
  contacts: `SELECT count(*) AS count, min(substr(at, 1, 10)) AS oldest FROM contact WHERE substr(at, 1, 10) < ? AND summary <> ''`,
  escalations: `SELECT count(*) AS count, min(substr(e.closed_at, 1, 10)) AS oldest FROM escalation_entry e
                 WHERE e.closed_at IS NOT NULL AND substr(e.closed_at, 1, 10) < ?
                   AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM escalation_purge p WHERE p.escalation_id = e.escalation_id)`,
  documents: `SELECT count(*) AS count, min(substr(created_at, 1, 10)) AS oldest FROM generated_document WHERE substr(created_at, 1, 10) < ?`,
  audit: `SELECT count(*) AS count, min(substr(at, 1, 10)) AS oldest FROM audit_log WHERE substr(at, 1, 10) < ?`,
} as const;

export function selectDue(db: Connection, kind: keyof typeof DUE_SQL, before: string): DueCount {
  return statement(db, DUE_SQL[kind]).get(before) as DueCount;
}

export function selectDueVisitRecords(db: Connection, before: string): { visitId: string; data: string }[] {
  return statement(db, `SELECT r.visit_id AS visitId, r.data FROM visit_record r JOIN visit v ON v.id = r.visit_id
    WHERE substr(coalesce(v.held_on, v.visit_date, r.written_at), 1, 10) < ? AND json_extract(r.data, '$.purgedOn') IS NULL`).all(before) as { visitId: string; data: string }[];
}

export function selectVisitRecordVersionsData(db: Connection, visitId: string): { version: number; data: string }[] {
  return statement(db, 'SELECT version, data FROM visit_record_version WHERE visit_id = ?').all(visitId) as { version: number; data: string }[];
}

export function updateVisitRecordData(db: Connection, visitId: string, data: string): void {
  statement(db, 'UPDATE visit_record SET data = ? WHERE visit_id = ?').run(data, visitId);
}

export function updateVisitRecordVersionData(db: Connection, visitId: string, version: number, data: string): void {
  statement(db, 'UPDATE visit_record_version SET data = ? WHERE visit_id = ? AND version = ?').run(data, visitId, version);
}

export function selectDueConsultations(db: Connection, before: string): { id: string; data: string }[] {
  return statement(db, `SELECT id, data FROM consultation WHERE held_on < ? AND json_extract(data, '$.purgedOn') IS NULL`).all(before) as { id: string; data: string }[];
}

export function updateConsultationData(db: Connection, id: string, data: string): void {
  statement(db, 'UPDATE consultation SET data = ? WHERE id = ?').run(data, id);
}

/** The actions copied from purged sources keep their row (and so the counts) but not their words. */
export function purgeActionsOf(db: Connection, source: 'visit_record' | 'consultation' | 'contact', sourceId: string, removed: string): void {
  statement(db, `UPDATE action SET about = CASE WHEN about IS NULL THEN NULL ELSE ? END, text = CASE WHEN text = '' THEN '' ELSE ? END, who = NULL WHERE source = ? AND source_id = ?`)
    .run(removed, removed, source, sourceId);
}

export function selectDueContacts(db: Connection, before: string): string[] {
  return (statement(db, `SELECT id FROM contact WHERE substr(at, 1, 10) < ? AND summary <> ''`).all(before) as { id: string }[]).map((r) => r.id);
}

export function purgeContact(db: Connection, id: string, removed: string): void {
  statement(db, `UPDATE contact SET summary = '', with_whom = ?, follow_up = CASE WHEN follow_up IS NULL THEN NULL ELSE ? END WHERE id = ?`).run(removed, removed, id);
}

export function selectDueEscalations(db: Connection, before: string): string[] {
  return (statement(db, `SELECT e.escalation_id AS id FROM escalation_entry e
    WHERE e.closed_at IS NOT NULL AND substr(e.closed_at, 1, 10) < ?
      AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM escalation_purge p WHERE p.escalation_id = e.escalation_id)`).all(before) as { id: string }[]).map((r) => r.id);
}

/** The recorded purge first: the log's trigger lets the blanking below through only for an escalation recorded here. */
export function purgeEscalation(db: Connection, escalationId: string, on: string, by: string): void {
  statement(db, 'INSERT INTO escalation_purge (escalation_id, purged_on, purged_by) VALUES (?, ?, ?)').run(escalationId, on, by);
  statement(db, `UPDATE escalation_entry SET children = '[]', summary = '', raised_by = '', manager_informed = NULL, late_reason = NULL,
      referral_route_other = CASE WHEN referral_route_other IS NULL THEN NULL ELSE '' END, referral_reference = NULL, advice = NULL, outcome = NULL, change_note = NULL
    WHERE escalation_id = ?`).run(escalationId);
}
