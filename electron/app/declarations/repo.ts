import type { Declaration } from '../../../shared/domain/declarations.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface DeclarationRow {
  id: string;
  person_id: string;
  declared_on: string;
  nothing_to_declare: number;
  recorded_by: string;
  recorded_at: string;
}

const toDeclaration = (r: DeclarationRow): Declaration => ({
  id: r.id, personId: r.person_id, declaredOn: r.declared_on, nothingToDeclare: r.nothing_to_declare === 1, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

export function insertDeclaration(db: Connection, d: Declaration): void {
  statement(db, 'INSERT INTO declaration (id, person_id, declared_on, nothing_to_declare, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    d.id, d.personId, d.declaredOn, d.nothingToDeclare ? 1 : 0, d.recordedBy, d.recordedAt,
  );
}

/** Newest first; two on one day in the order they were recorded. */
export function selectDeclarationsOf(db: Connection, personId: string): Declaration[] {
  return (statement(db, 'SELECT * FROM declaration WHERE person_id = ? ORDER BY declared_on DESC, recorded_at DESC').all(personId) as DeclarationRow[]).map(toDeclaration);
}

export function selectDeclarationMonth(db: Connection, personId: string): number | null {
  const row = statement(db, 'SELECT declaration_month AS month FROM person WHERE id = ?').get(personId) as { month: number | null } | undefined;
  return row?.month ?? null;
}

export function updateDeclarationMonth(db: Connection, personId: string, month: number | null): void {
  statement(db, 'UPDATE person SET declaration_month = ? WHERE id = ?').run(month, personId);
}

export interface DeclarationStanding {
  personId: string;
  name: string;
  month: number | null;
  lastDeclaredOn: string | null;
}

/** Every worker active on the day with their own month and latest declaration, one indexed look-up each. */
export function selectActiveStandings(db: Connection, day: string): DeclarationStanding[] {
  return statement(
    db,
    `SELECT p.id AS personId, p.name, p.declaration_month AS month,
       (SELECT max(d.declared_on) FROM declaration d WHERE d.person_id = p.id) AS lastDeclaredOn
     FROM person p WHERE p.active_from <= ? AND (p.active_to IS NULL OR p.active_to >= ?)
     ORDER BY p.name COLLATE NOCASE`,
  ).all(day, day) as DeclarationStanding[];
}
