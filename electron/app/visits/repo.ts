import type { TermName } from '../../../shared/domain/calendar.ts';
import type { PlannerRow, Visit, VisitStatus } from '../../../shared/domain/visits.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { inScopeSql, servedSql } from '../schools/repo.ts';

interface VisitRow {
  id: string;
  urn: string;
  school_name: string;
  year_label: string;
  term: TermName;
  visit_date: string | null;
  agreed_with: string | null;
  agreed_on: string | null;
  status: VisitStatus;
  pro_forma_sent_on: string | null;
  pro_forma_returned_on: string | null;
  held_on: string | null;
  held_by: string | null;
  held_by_name: string | null;
  held_without_pro_forma: string | null;
  record_written_on: string | null;
  cancelled_reason: string | null;
  cancelled_reason_kind: Visit['cancelledReasonKind'];
  moved_reason: string | null;
}

export type StoredVisit = Omit<Visit, 'deadlines'>;

const toVisit = (r: VisitRow): StoredVisit => ({
  id: r.id, urn: r.urn, schoolName: r.school_name, yearLabel: r.year_label, term: r.term, date: r.visit_date, agreedWith: r.agreed_with,
  agreedOn: r.agreed_on, status: r.status, proFormaSentOn: r.pro_forma_sent_on, proFormaReturnedOn: r.pro_forma_returned_on,
  heldOn: r.held_on, heldBy: r.held_by, heldByName: r.held_by_name, heldWithoutProForma: r.held_without_pro_forma, recordWrittenOn: r.record_written_on, cancelledReason: r.cancelled_reason, cancelledReasonKind: r.cancelled_reason_kind,
  movedReason: r.moved_reason,
});

const SELECT = 'SELECT v.*, s.name AS school_name, p.name AS held_by_name FROM visit v JOIN school s ON s.urn = v.urn LEFT JOIN person p ON p.id = v.held_by';

export function selectVisit(db: Connection, id: string): StoredVisit | undefined {
  const row = statement(db, `${SELECT} WHERE v.id = ?`).get(id) as VisitRow | undefined;
  return row ? toVisit(row) : undefined;
}

export function selectVisitFor(db: Connection, urn: string, yearLabel: string, term: TermName): StoredVisit | undefined {
  const row = statement(db, `${SELECT} WHERE v.urn = ? AND v.year_label = ? AND v.term = ?`).get(urn, yearLabel, term) as VisitRow | undefined;
  return row ? toVisit(row) : undefined;
}

export function selectVisitsOfSchool(db: Connection, urn: string): StoredVisit[] {
  return (statement(db, `${SELECT} WHERE v.urn = ? ORDER BY v.year_label DESC, CASE v.term WHEN 'autumn' THEN 1 WHEN 'spring' THEN 2 ELSE 3 END`).all(urn) as VisitRow[]).map(toVisit);
}

export function insertVisit(db: Connection, v: StoredVisit, at: string): void {
  statement(
    db,
    `INSERT INTO visit (id, urn, year_label, term, visit_date, agreed_with, agreed_on, status, moved_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.id, v.urn, v.yearLabel, v.term, v.date, v.agreedWith, v.agreedOn, v.status, v.movedReason, at, at);
}

export function updateVisit(db: Connection, v: StoredVisit, at: string): void {
  statement(
    db,
    `UPDATE visit SET visit_date = ?, agreed_with = ?, agreed_on = ?, status = ?, pro_forma_sent_on = ?, pro_forma_returned_on = ?, held_on = ?,
       held_by = ?, held_without_pro_forma = ?, record_written_on = ?, cancelled_reason = ?, cancelled_reason_kind = ?, moved_reason = ?, updated_at = ? WHERE id = ?`,
  ).run(v.date, v.agreedWith, v.agreedOn, v.status, v.proFormaSentOn, v.proFormaReturnedOn, v.heldOn, v.heldBy, v.heldWithoutProForma, v.recordWrittenOn, v.cancelledReason, v.cancelledReasonKind, v.movedReason, at, v.id);
}

/** Every open school in the team's scope with its visits of one school year and its link workers on `today`. */
export function selectPlanner(db: Connection, yearLabel: string, today: string): PlannerRow[] {
  const rows = statement(
    db,
    `SELECT s.urn, s.name, s.hub, v.id, v.term, v.visit_date AS date, v.status,
       n.person_id AS spoc_id, np.name AS spoc_name, c.person_id AS secondary_id, cp.name AS secondary_name
     FROM school s LEFT JOIN visit v ON v.urn = s.urn AND v.year_label = $year
     LEFT JOIN allocation n ON n.urn = s.urn AND n.role = 'named' AND n.from_date <= $day AND (n.to_date IS NULL OR n.to_date >= $day)
     LEFT JOIN person np ON np.id = n.person_id
     LEFT JOIN allocation c ON c.urn = s.urn AND c.role = 'secondary' AND c.from_date <= $day AND (c.to_date IS NULL OR c.to_date >= $day)
     LEFT JOIN person cp ON cp.id = c.person_id
     WHERE ${servedSql('s')} ORDER BY s.name COLLATE NOCASE`,
  ).all({ year: yearLabel, day: today }) as {
    urn: string; name: string; hub: string | null; id: string | null; term: TermName | null; date: string | null; status: VisitStatus | null;
    spoc_id: string | null; spoc_name: string | null; secondary_id: string | null; secondary_name: string | null;
  }[];
  const worker = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  const byUrn = new Map<string, PlannerRow>();
  for (const r of rows) {
    const row = byUrn.get(r.urn) ?? { urn: r.urn, name: r.name, hub: r.hub, spoc: worker(r.spoc_id, r.spoc_name), secondary: worker(r.secondary_id, r.secondary_name), visits: {} };
    if (r.id && r.term && r.status) row.visits[r.term] = { id: r.id, date: r.date, status: r.status };
    byUrn.set(r.urn, row);
  }
  return [...byUrn.values()];
}

/** Visits with an agreed date in a range (not only proposed, not cancelled), for the calendar export. */
export function selectDatedVisits(db: Connection, from: string, to: string): (StoredVisit & { updatedAt: string })[] {
  return (
    statement(db, `${SELECT} WHERE v.visit_date IS NOT NULL AND v.status NOT IN ('cancelled', 'to_be_agreed') AND v.visit_date >= ? AND v.visit_date <= ? ORDER BY v.visit_date`).all(from, to) as (VisitRow & {
      updated_at: string;
    })[]
  ).map((r) => ({ ...toVisit(r), updatedAt: r.updated_at }));
}

/** Visits in some statuses at schools in the team's scope (the dashboard's). */
export function selectVisitsWithStatus(db: Connection, statuses: VisitStatus[]): StoredVisit[] {
  return (
    statement(db, `${SELECT} WHERE v.status IN (${statuses.map(() => '?').join(', ')}) AND ${inScopeSql('s')} ORDER BY v.visit_date`).all(...statuses) as VisitRow[]
  ).map(toVisit);
}

/**
 * The schools the planner lists (open, in scope) whose visit of one term has no date yet:
 * none planned, or one still to be agreed. Read school by school through the planner's index.
 */
export function selectVisitsToAgree(db: Connection, yearLabel: string, term: TermName): { urn: string; name: string; status: VisitStatus | null }[] {
  return statement(
    db,
    `SELECT s.urn, s.name, v.status FROM school s LEFT JOIN visit v ON v.urn = s.urn AND v.year_label = ? AND v.term = ?
     WHERE ${servedSql('s')} AND (v.id IS NULL OR v.status = 'to_be_agreed') ORDER BY s.name COLLATE NOCASE`,
  ).all(yearLabel, term) as { urn: string; name: string; status: VisitStatus | null }[];
}

/** The school's named link worker on a day (the allocation in force then), or null: who is taken to have held a visit nobody was named for. */
export function selectNamedWorkerOn(db: Connection, urn: string, day: string): string | null {
  const id = statement(
    db,
    "SELECT person_id FROM allocation WHERE urn = ? AND role = 'named' AND from_date <= ? AND (to_date IS NULL OR to_date >= ?) ORDER BY from_date DESC LIMIT 1",
  ).pluck().get(urn, day, day) as string | undefined;
  return id ?? null;
}
