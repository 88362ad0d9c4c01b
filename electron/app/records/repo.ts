import { StoredVisitRecord, type Consultation, type VisitRecord, type VisitRecordVersion } from '../../../shared/domain/records.ts';
import { AppError } from '../../../shared/errors.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { servedSql } from '../schools/repo.ts';

/**
 * A new version of a visit's record: the next number after the newest, and visit_record made
 * the same (the current record is always the newest version). Returns the version's number.
 * Run inside the caller's transaction, so both rows or neither are written.
 */
export function insertVisitRecordVersion(db: Connection, visitId: string, data: unknown, by: string, at: string): number {
  const version = (statement(db, 'SELECT coalesce(max(version), 0) + 1 FROM visit_record_version WHERE visit_id = ?').pluck().get(visitId) as number);
  const json = JSON.stringify(data);
  statement(db, 'INSERT INTO visit_record_version (visit_id, version, data, written_by, written_at) VALUES (?, ?, ?, ?, ?)').run(visitId, version, json, by, at);
  statement(
    db,
    `INSERT INTO visit_record (visit_id, data, written_by, written_at, version) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(visit_id) DO UPDATE SET data = excluded.data, written_by = excluded.written_by, written_at = excluded.written_at, version = excluded.version`,
  ).run(visitId, json, by, at, version);
  return version;
}

interface RecordRow {
  visit_id: string;
  version: number;
  data: string;
  written_by: string;
  written_at: string;
}

/** A stored record checked as it is read: a row that is not a visit record is said to be damaged, never shown in part. */
function toVisitRecord(row: RecordRow): VisitRecord {
  let json: unknown;
  try {
    json = JSON.parse(row.data);
  } catch {
    json = undefined;
  }
  const parsed = StoredVisitRecord.safeParse(json);
  if (!parsed.success) {
    throw new AppError('corrupt_database', `Version ${row.version} of this visit record cannot be read: it is damaged. Restore a backup from before it was written, or write the record again.`, {
      version: row.version,
      issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { ...parsed.data, visitId: row.visit_id, version: row.version, writtenBy: row.written_by, writtenAt: row.written_at };
}

/** The current record of a visit: its newest version. */
export function selectVisitRecord(db: Connection, visitId: string): VisitRecord | undefined {
  const row = statement(db, 'SELECT visit_id, version, data, written_by, written_at FROM visit_record WHERE visit_id = ?').get(visitId) as RecordRow | undefined;
  return row ? toVisitRecord(row) : undefined;
}

/** One version of a visit's record, the current one or an earlier one. */
export function selectVisitRecordVersion(db: Connection, visitId: string, version: number): VisitRecord | undefined {
  const row = statement(db, 'SELECT visit_id, version, data, written_by, written_at FROM visit_record_version WHERE visit_id = ? AND version = ?').get(visitId, version) as RecordRow | undefined;
  return row ? toVisitRecord(row) : undefined;
}

/** Every version of a visit's record, newest first: who saved it and when (the data is read only when a version is opened). */
export function selectVisitRecordVersions(db: Connection, visitId: string): VisitRecordVersion[] {
  return statement(db, 'SELECT version, written_by AS writtenBy, written_at AS writtenAt FROM visit_record_version WHERE visit_id = ? ORDER BY version DESC').all(visitId) as VisitRecordVersion[];
}

interface ConsultationRow {
  id: string;
  urn: string;
  school_name: string;
  with_school_nurse: number;
  data: string;
  recorded_by: string;
}

const toConsultation = (r: ConsultationRow): Consultation => {
  const data = JSON.parse(r.data) as Omit<Consultation, 'id' | 'schoolName' | 'withSchoolNurse' | 'recordedBy' | 'confirmedNotNames'> & { confirmedNotNames?: string[] };
  // Consultations saved before confirmations were asked have none.
  return { ...data, confirmedNotNames: data.confirmedNotNames ?? [], id: r.id, schoolName: r.school_name, withSchoolNurse: r.with_school_nurse === 1, recordedBy: r.recorded_by };
};

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
