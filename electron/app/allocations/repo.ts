import type { AllocationPeriod, AllocationRole, BoardRow, ConnectionFacts, WorkerFacts } from '../../../shared/domain/allocations.ts';
import type { SchoolCategory, SchoolStatus } from '../../../shared/domain/schools.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { inScopeSql } from '../schools/repo.ts';

interface PeriodRow {
  id: string;
  urn: string;
  school_name: string;
  role: AllocationRole;
  person_id: string;
  person_name: string;
  from_date: string;
  to_date: string | null;
  allocated_by: string;
  allocated_at: string;
  reason: string | null;
  override_reason: string | null;
  county_agreed_on: string | null;
  county_agreed_by: string | null;
}

const toPeriod = (r: PeriodRow): AllocationPeriod => ({
  id: r.id, urn: r.urn, schoolName: r.school_name, role: r.role, personId: r.person_id, personName: r.person_name,
  from: r.from_date, to: r.to_date, allocatedBy: r.allocated_by, allocatedAt: r.allocated_at, reason: r.reason,
  overrideReason: r.override_reason, countyAgreedOn: r.county_agreed_on, countyAgreedBy: r.county_agreed_by,
});

const PERIOD_SELECT = `SELECT a.*, s.name AS school_name, p.name AS person_name
  FROM allocation a JOIN school s ON s.urn = a.urn JOIN person p ON p.id = a.person_id`;

export function insertPeriod(db: Connection, p: Omit<AllocationPeriod, 'schoolName' | 'personName'>): void {
  statement(
    db,
    `INSERT INTO allocation (id, urn, role, person_id, from_date, to_date, allocated_by, allocated_at, reason, override_reason, county_agreed_on, county_agreed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.urn, p.role, p.personId, p.from, p.to, p.allocatedBy, p.allocatedAt, p.reason, p.overrideReason, p.countyAgreedOn, p.countyAgreedBy);
}

export function closePeriod(db: Connection, id: string, to: string): void {
  statement(db, 'UPDATE allocation SET to_date = ? WHERE id = ?').run(to, id);
}

/** A same-day correction: the period that started on this date gets its worker (and its reasons) replaced. */
export function replaceWorker(
  db: Connection,
  id: string,
  p: Pick<AllocationPeriod, 'personId' | 'allocatedBy' | 'allocatedAt' | 'reason' | 'overrideReason' | 'countyAgreedOn' | 'countyAgreedBy'>,
): void {
  statement(
    db,
    'UPDATE allocation SET person_id = ?, allocated_by = ?, allocated_at = ?, reason = ?, override_reason = ?, county_agreed_on = ?, county_agreed_by = ? WHERE id = ?',
  ).run(p.personId, p.allocatedBy, p.allocatedAt, p.reason, p.overrideReason, p.countyAgreedOn, p.countyAgreedBy, id);
}

/** When a school closes its open periods end with it (never before they began). */
export function endOpenPeriodsOfSchool(db: Connection, urn: string, lastDay: string): number {
  return statement(db, 'UPDATE allocation SET to_date = max(from_date, ?) WHERE urn = ? AND to_date IS NULL').run(lastDay, urn).changes;
}

/** A worker's latest annual declaration, read through the index on (person_id, declared_on). */
const LAST_DECLARED = '(SELECT max(declared_on) FROM declaration d WHERE d.person_id = person.id) AS lastDeclaredOn';

export function selectWorkerFacts(db: Connection): (WorkerFacts & { role: string; email: string | null })[] {
  return statement(db, `SELECT id, name, role, email, hub, active_from AS activeFrom, active_to AS activeTo, capacity, ${LAST_DECLARED} FROM person`).all() as (WorkerFacts & {
    role: string;
    email: string | null;
  })[];
}

export function selectSchoolFacts(db: Connection): { urn: string; name: string; category: SchoolCategory; hub: string | null; pupils: number | null; status: SchoolStatus }[] {
  return statement(db, 'SELECT urn, name, category, hub, pupils, status FROM school').all() as {
    urn: string; name: string; category: SchoolCategory; hub: string | null; pupils: number | null; status: SchoolStatus;
  }[];
}

export function selectConnectionFacts(db: Connection): (ConnectionFacts & { urn: string })[] {
  return statement(db, 'SELECT person_id AS personId, urn, kind, other_text AS otherText, from_date AS "from", to_date AS "to" FROM declared_connection').all() as (ConnectionFacts & {
    urn: string;
  })[];
}

const inList = "(SELECT value FROM json_each(?))";

/** The facts of some schools only: what one allocation check judges. */
export function selectSchoolFactsOf(db: Connection, urns: string[]): ReturnType<typeof selectSchoolFacts> {
  return statement(db, `SELECT urn, name, category, hub, pupils, status FROM school WHERE urn IN ${inList}`).all(JSON.stringify(urns)) as ReturnType<typeof selectSchoolFacts>;
}

export function selectWorkerFactsOf(db: Connection, ids: string[]): ReturnType<typeof selectWorkerFacts> {
  return statement(db, `SELECT id, name, role, email, hub, active_from AS activeFrom, active_to AS activeTo, capacity, ${LAST_DECLARED} FROM person WHERE id IN ${inList}`).all(JSON.stringify(ids)) as ReturnType<
    typeof selectWorkerFacts
  >;
}

export function selectConnectionFactsOf(db: Connection, urns: string[]): ReturnType<typeof selectConnectionFacts> {
  return statement(
    db,
    `SELECT person_id AS personId, urn, kind, other_text AS otherText, from_date AS "from", to_date AS "to" FROM declared_connection WHERE urn IN ${inList}`,
  ).all(JSON.stringify(urns)) as ReturnType<typeof selectConnectionFacts>;
}

/** The current named worker of some schools (the latest period, scheduled or not). */
export function selectCurrentNamedOf(db: Connection, urns: string[]): Map<string, string> {
  const rows = statement(db, `SELECT urn, person_id FROM allocation WHERE role = 'named' AND to_date IS NULL AND urn IN ${inList}`).all(JSON.stringify(urns)) as { urn: string; person_id: string }[];
  return new Map(rows.map((r) => [r.urn, r.person_id]));
}

export interface NamedLoad {
  personId: string;
  activeFrom: string;
  activeTo: string | null;
  schools: number;
  pupils: number;
}

/** Each worker's current named schools and their pupils, open schools only, counted by SQL from the current periods. */
export function selectNamedLoads(db: Connection): NamedLoad[] {
  return statement(
    db,
    `SELECT a.person_id AS personId, p.active_from AS activeFrom, p.active_to AS activeTo, count(*) AS schools, coalesce(sum(s.pupils), 0) AS pupils
       FROM allocation a JOIN school s ON s.urn = a.urn JOIN person p ON p.id = a.person_id
      WHERE a.role = 'named' AND a.to_date IS NULL AND s.status <> 'closed'
      GROUP BY a.person_id`,
  ).all() as NamedLoad[];
}

/** The periods in force on a date (a change scheduled for later is not yet in force). */
export function selectPeriodsOn(db: Connection, isoDate: string): AllocationPeriod[] {
  return (statement(db, `${PERIOD_SELECT} WHERE a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?)`).all(isoDate, isoDate) as PeriodRow[]).map(toPeriod);
}

export function selectCurrentPeriods(db: Connection): AllocationPeriod[] {
  return (statement(db, `${PERIOD_SELECT} WHERE a.to_date IS NULL`).all() as PeriodRow[]).map(toPeriod);
}

export function selectCurrentPeriod(db: Connection, urn: string, role: AllocationRole): AllocationPeriod | undefined {
  const row = statement(db, `${PERIOD_SELECT} WHERE a.urn = ? AND a.role = ? AND a.to_date IS NULL`).get(urn, role) as PeriodRow | undefined;
  return row ? toPeriod(row) : undefined;
}

export function selectSchoolHistory(db: Connection, urn: string): AllocationPeriod[] {
  return (statement(db, `${PERIOD_SELECT} WHERE a.urn = ? ORDER BY a.from_date DESC, a.role`).all(urn) as PeriodRow[]).map(toPeriod);
}

export function selectWorkerHistory(db: Connection, personId: string): AllocationPeriod[] {
  return (statement(db, `${PERIOD_SELECT} WHERE a.person_id = ? ORDER BY a.from_date DESC, s.name`).all(personId) as PeriodRow[]).map(toPeriod);
}

/** Who held each role at a school on a date (both ends of a period count). */
export function selectOnDate(db: Connection, urn: string, isoDate: string): AllocationPeriod[] {
  return (
    statement(db, `${PERIOD_SELECT} WHERE a.urn = ? AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?) ORDER BY a.role`).all(urn, isoDate, isoDate) as PeriodRow[]
  ).map(toPeriod);
}

interface BoardSqlRow {
  urn: string;
  name: string;
  category: SchoolCategory;
  hub: string | null;
  pupils: number | null;
  named_id: string | null;
  named_name: string | null;
  named_from: string | null;
  secondary_id: string | null;
  secondary_name: string | null;
  secondary_from: string | null;
  in_scope: number;
}

/** Every open school with its workers on a date; unallocated first, then by name. */
export function selectBoard(db: Connection, isoDate: string): BoardRow[] {
  const rows = statement(
    db,
    `SELECT s.urn, s.name, s.category, s.hub, s.pupils, ${inScopeSql('s')} AS in_scope,
       n.person_id AS named_id, np.name AS named_name, n.from_date AS named_from,
       c.person_id AS secondary_id, cp.name AS secondary_name, c.from_date AS secondary_from
     FROM school s
     LEFT JOIN allocation n ON n.urn = s.urn AND n.role = 'named' AND n.from_date <= $day AND (n.to_date IS NULL OR n.to_date >= $day)
     LEFT JOIN person np ON np.id = n.person_id
     LEFT JOIN allocation c ON c.urn = s.urn AND c.role = 'secondary' AND c.from_date <= $day AND (c.to_date IS NULL OR c.to_date >= $day)
     LEFT JOIN person cp ON cp.id = c.person_id
     WHERE s.status <> 'closed'
     ORDER BY (n.person_id IS NOT NULL AND c.person_id IS NOT NULL), s.name COLLATE NOCASE`,
  ).all({ day: isoDate }) as BoardSqlRow[];
  const worker = (id: string | null, name: string | null, from: string | null) => (id && name && from ? { id, name, from } : null);
  return rows.map((r) => ({
    urn: r.urn, name: r.name, category: r.category, hub: r.hub, pupils: r.pupils, inScope: r.in_scope === 1,
    named: worker(r.named_id, r.named_name, r.named_from),
    secondary: worker(r.secondary_id, r.secondary_name, r.secondary_from),
  }));
}
