import type { Contact } from '../../../shared/domain/contacts.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface ContactRow {
  id: string;
  urn: string;
  school_name: string;
  at: string;
  worker_id: string;
  worker_name: string;
  with_whom: string;
  direction: Contact['direction'];
  channel: Contact['channel'];
  summary: string;
  follow_up: string | null;
  follow_up_due: string | null;
  follow_up_done_on: string | null;
  recorded_by: string;
}

const toContact = (r: ContactRow): Contact => ({
  id: r.id, urn: r.urn, schoolName: r.school_name, at: r.at, workerId: r.worker_id, workerName: r.worker_name, withWhom: r.with_whom,
  direction: r.direction, channel: r.channel, summary: r.summary, followUp: r.follow_up, followUpDue: r.follow_up_due,
  followUpDoneOn: r.follow_up_done_on, recordedBy: r.recorded_by,
});

const SELECT = 'SELECT c.*, s.name AS school_name, p.name AS worker_name FROM contact c JOIN school s ON s.urn = c.urn JOIN person p ON p.id = c.worker_id';

export function insertContact(db: Connection, c: Omit<Contact, 'schoolName' | 'workerName'>, recordedAt: string): void {
  statement(
    db,
    `INSERT INTO contact (id, urn, at, worker_id, with_whom, direction, channel, summary, follow_up, follow_up_due, follow_up_done_on, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.urn, c.at, c.workerId, c.withWhom, c.direction, c.channel, c.summary, c.followUp, c.followUpDue, c.followUpDoneOn, c.recordedBy, recordedAt);
}

export function selectContact(db: Connection, id: string): Contact | undefined {
  const row = statement(db, `${SELECT} WHERE c.id = ?`).get(id) as ContactRow | undefined;
  return row ? toContact(row) : undefined;
}

export function selectContactsOfSchool(db: Connection, urn: string): Contact[] {
  return (statement(db, `${SELECT} WHERE c.urn = ? ORDER BY c.at DESC`).all(urn) as ContactRow[]).map(toContact);
}

export function markFollowUpDone(db: Connection, id: string, on: string): void {
  statement(db, 'UPDATE contact SET follow_up_done_on = ? WHERE id = ?').run(on, id);
}

export function reopenFollowUp(db: Connection, id: string): void {
  statement(db, 'UPDATE contact SET follow_up_done_on = NULL WHERE id = ?').run(id);
}
