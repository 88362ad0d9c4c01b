import type { Consultation, VisitRecord } from '../../../shared/domain/records.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { servedSql } from '../schools/repo.ts';

export function upsertVisitRecord(db: Connection, visitId: string, data: unknown, by: string, at: string): void {
  statement(
    db,
    `INSERT INTO visit_record (visit_id, data, written_by, written_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(visit_id) DO UPDATE SET data = excluded.data, written_by = excluded.written_by, written_at = excluded.written_at`,
  ).run(visitId, JSON.stringify(data), by, at);
}

export function selectVisitRecord(db: Connection, visitId: string): VisitRecord | undefined {
  const row = statement(db, 'SELECT data, written_by, written_at FROM visit_record WHERE visit_id = ?').get(visitId) as
    | { data: string; written_by: string; written_at: string }
    | undefined;
  return row ? { ...(JSON.parse(row.data) as Omit<VisitRecord, 'writtenBy' | 'writtenAt'>), writtenBy: row.written_by, writtenAt: row.written_at } : undefined;
}

interface ConsultationRow {
  id: string;
  urn: string;
  school_name: string;
  with_school_nurse: number;
  data: string;
  recorded_by: string;
}

const toConsultation = (r: ConsultationRow): Consultation => ({
  ...(JSON.parse(r.data) as Omit<Consultation, 'id' | 'schoolName' | 'withSchoolNurse' | 'recordedBy'>),
  id: r.id, schoolName: r.school_name, withSchoolNurse: r.with_school_nurse === 1, recordedBy: r.recorded_by,
});

const SELECT = 'SELECT c.*, s.name AS school_name FROM consultation c JOIN school s ON s.urn = c.urn';

export function insertConsultation(db: Connection, c: { id: string; urn: string; date: string; withSchoolNurse: boolean; data: unknown; by: string; at: string }): void {
  statement(db, 'INSERT INTO consultation (id, urn, held_on, with_school_nurse, data, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    c.id, c.urn, c.date, c.withSchoolNurse ? 1 : 0, JSON.stringify(c.data), c.by, c.at,
  );
}

export function updateConsultationRow(db: Connection, c: { id: string; date: string; withSchoolNurse: boolean; data: unknown }): void {
  statement(db, 'UPDATE consultation SET held_on = ?, with_school_nurse = ?, data = ? WHERE id = ?').run(c.date, c.withSchoolNurse ? 1 : 0, JSON.stringify(c.data), c.id);
}

export function selectConsultations(db: Connection, urn?: string): Consultation[] {
  const rows = (urn ? statement(db, `${SELECT} WHERE c.urn = ? ORDER BY c.held_on DESC`).all(urn) : statement(db, `${SELECT} ORDER BY c.held_on DESC`).all()) as ConsultationRow[];
  return rows.map(toConsultation);
}

/** Open schools in the team's scope, of the given categories, with no consultation including the school nurse team between two dates. */
export function selectSchoolsWithoutNurse(db: Connection, from: string, to: string, categories: readonly string[]): { urn: string; name: string }[] {
  return statement(
    db,
    `SELECT s.urn, s.name FROM school s
      WHERE ${servedSql('s')} AND s.category IN (SELECT value FROM json_each(?)) AND NOT EXISTS (
       SELECT 1 FROM consultation c WHERE c.urn = s.urn AND c.with_school_nurse = 1 AND c.held_on BETWEEN ? AND ?)
     ORDER BY s.name COLLATE NOCASE`,
  ).all(JSON.stringify(categories), from, to) as { urn: string; name: string }[];
}

export function selectConsultation(db: Connection, id: string): Consultation | undefined {
  const row = statement(db, `${SELECT} WHERE c.id = ?`).get(id) as ConsultationRow | undefined;
  return row ? toConsultation(row) : undefined;
}
