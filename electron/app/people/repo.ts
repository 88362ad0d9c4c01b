import type { Connection as DeclaredConnection, Person, PersonSummary } from '../../../shared/domain/people.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface PersonRow {
  id: string;
  name: string;
  role: Person['role'];
  email: string | null;
  phone: string | null;
  hub: string | null;
  active_from: string;
  active_to: string | null;
  capacity: number | null;
  level3_plans: number;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id, name: r.name, role: r.role, email: r.email, phone: r.phone, hub: r.hub, activeFrom: r.active_from,
  activeTo: r.active_to, capacity: r.capacity, level3Plans: r.level3_plans,
});

export function insertPerson(db: Connection, p: Person, at: string): void {
  statement(
    db,
    `INSERT INTO person (id, name, role, email, phone, hub, active_from, active_to, capacity, level3_plans, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.name, p.role, p.email, p.phone, p.hub, p.activeFrom, p.activeTo, p.capacity, p.level3Plans, at, at);
}

export function updatePerson(db: Connection, p: Person, at: string): void {
  statement(
    db,
    `UPDATE person SET name = ?, role = ?, email = ?, phone = ?, hub = ?, active_from = ?, active_to = ?, capacity = ?, level3_plans = ?, updated_at = ?
     WHERE id = ?`,
  ).run(p.name, p.role, p.email, p.phone, p.hub, p.activeFrom, p.activeTo, p.capacity, p.level3Plans, at, p.id);
}

export function selectPerson(db: Connection, id: string): Person | undefined {
  const row = statement(db, 'SELECT * FROM person WHERE id = ?').get(id) as PersonRow | undefined;
  return row ? toPerson(row) : undefined;
}

export function selectPersonByEmail(db: Connection, email: string): Person | undefined {
  const row = statement(db, 'SELECT * FROM person WHERE lower(email) = lower(?)').get(email) as PersonRow | undefined;
  return row ? toPerson(row) : undefined;
}

/** Every person, active or not, with nothing about their connections: for the published SPOC list. */
export function selectEveryPerson(db: Connection): Person[] {
  return (statement(db, 'SELECT * FROM person').all() as PersonRow[]).map(toPerson);
}

export function selectPeople(db: Connection, today: string): PersonSummary[] {
  const rows = statement(
    db,
    `SELECT p.*, (SELECT count(*) FROM declared_connection c WHERE c.person_id = p.id AND (c.to_date IS NULL OR c.to_date >= ?)) AS connections
     FROM person p ORDER BY p.name COLLATE NOCASE`,
  ).all(today) as (PersonRow & { connections: number })[];
  return rows.map((r) => {
    const person = toPerson(r);
    return { ...person, connections: r.connections, active: person.activeFrom <= today && (person.activeTo === null || person.activeTo >= today) };
  });
}

interface ConnectionRow {
  id: string;
  person_id: string;
  person_name: string;
  urn: string;
  school_name: string;
  kind: DeclaredConnection['kind'];
  other_text: string | null;
  from_date: string;
  to_date: string | null;
  recorded_by: string;
  recorded_at: string;
}

const toConnection = (r: ConnectionRow): DeclaredConnection => ({
  id: r.id, personId: r.person_id, personName: r.person_name, urn: r.urn, schoolName: r.school_name, kind: r.kind,
  otherText: r.other_text, from: r.from_date, to: r.to_date, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

const CONNECTION_SELECT = `SELECT c.*, p.name AS person_name, s.name AS school_name
  FROM declared_connection c JOIN person p ON p.id = c.person_id JOIN school s ON s.urn = c.urn`;

export function insertConnection(db: Connection, c: Omit<DeclaredConnection, 'personName' | 'schoolName'>): void {
  statement(
    db,
    `INSERT INTO declared_connection (id, person_id, urn, kind, other_text, from_date, to_date, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.personId, c.urn, c.kind, c.otherText, c.from, c.to, c.recordedBy, c.recordedAt);
}

export function selectConnection(db: Connection, id: string): DeclaredConnection | undefined {
  const row = statement(db, `${CONNECTION_SELECT} WHERE c.id = ?`).get(id) as ConnectionRow | undefined;
  return row ? toConnection(row) : undefined;
}

export function endConnection(db: Connection, id: string, to: string): void {
  statement(db, 'UPDATE declared_connection SET to_date = ? WHERE id = ?').run(to, id);
}

export function selectConnectionsOfPerson(db: Connection, personId: string): DeclaredConnection[] {
  return (statement(db, `${CONNECTION_SELECT} WHERE c.person_id = ? ORDER BY c.from_date DESC`).all(personId) as ConnectionRow[]).map(toConnection);
}

export function selectConnectionsOfSchool(db: Connection, urn: string): DeclaredConnection[] {
  return (statement(db, `${CONNECTION_SELECT} WHERE c.urn = ? ORDER BY c.from_date DESC`).all(urn) as ConnectionRow[]).map(toConnection);
}

/** A connection of the same kind between the same worker and school, still open. */
export function selectOpenDuplicate(db: Connection, personId: string, urn: string, kind: string): DeclaredConnection | undefined {
  const row = statement(db, `${CONNECTION_SELECT} WHERE c.person_id = ? AND c.urn = ? AND c.kind = ? AND c.to_date IS NULL`).get(personId, urn, kind) as
    | ConnectionRow
    | undefined;
  return row ? toConnection(row) : undefined;
}

/** The same connection again: still open, or recorded with the same start date (ended or not). */
export function selectDuplicateConnection(db: Connection, personId: string, urn: string, kind: string, from: string): DeclaredConnection | undefined {
  const row = statement(db, `${CONNECTION_SELECT} WHERE c.person_id = ? AND c.urn = ? AND c.kind = ? AND (c.to_date IS NULL OR c.from_date = ?)`).get(
    personId, urn, kind, from,
  ) as ConnectionRow | undefined;
  return row ? toConnection(row) : undefined;
}
