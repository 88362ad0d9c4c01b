/** What the planner reads beyond the allocation facts: where schools and bases are, and which schools are served. */
import { statement, type Connection } from '../db/cipher.ts';
import { inScopeSql } from '../schools/repo.ts';

export interface PlannerSchoolRow {
  urn: string;
  easting: number | null;
  northing: number | null;
  enhanced: boolean;
  inScope: boolean;
}

export interface PlannerWorkerRow {
  id: string;
  level3Plans: number;
  baseUrn: string | null;
  baseEasting: number | null;
  baseNorthing: number | null;
}

export function selectPlannerSchools(db: Connection): PlannerSchoolRow[] {
  const rows = statement(
    db,
    `SELECT urn, easting, northing, enhanced_support IS NOT NULL AS enhanced, ${inScopeSql('s')} AS in_scope FROM school s`,
  ).all() as { urn: string; easting: number | null; northing: number | null; enhanced: number; in_scope: number }[];
  return rows.map((r) => ({ urn: r.urn, easting: r.easting, northing: r.northing, enhanced: r.enhanced === 1, inScope: r.in_scope === 1 }));
}

/** A base at a school is where that school is; a base entered by hand is its own point. */
export function selectPlannerWorkers(db: Connection): PlannerWorkerRow[] {
  return statement(
    db,
    `SELECT p.id, p.level3_plans AS level3Plans, p.base_urn AS baseUrn,
            coalesce(b.easting, p.base_easting) AS baseEasting, coalesce(b.northing, p.base_northing) AS baseNorthing
       FROM person p LEFT JOIN school b ON b.urn = p.base_urn`,
  ).all() as PlannerWorkerRow[];
}

export function updateWorkerBase(db: Connection, personId: string, base: { urn: string | null; easting: number | null; northing: number | null }, at: string): number {
  return statement(db, 'UPDATE person SET base_urn = ?, base_easting = ?, base_northing = ?, updated_at = ? WHERE id = ?').run(base.urn, base.easting, base.northing, at, personId).changes;
}

/** A school's place on the British National Grid, as GIAS gives it (for schools added by hand, and the demo). */
export function updateSchoolPoint(db: Connection, urn: string, easting: number | null, northing: number | null): number {
  return statement(db, 'UPDATE school SET easting = ?, northing = ? WHERE urn = ?').run(easting, northing, urn).changes;
}
