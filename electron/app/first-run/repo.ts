import type { Connection } from '../db/cipher.ts';
import { statement } from '../db/cipher.ts';

export interface SetUpCounts {
  openSchools: number;
  /** Open schools with no current (or scheduled) named link worker. */
  withoutNamed: number;
  /** People who have not left. */
  people: number;
  /** Declared connections still current. */
  connections: number;
  /** The first school year with a term still to end, if one is entered. */
  schoolYear: string | null;
}

/** Everything the first-run checklist asks, in one read: counts over small tables and the current allocations' index. */
export function selectSetUpCounts(db: Connection, today: string): SetUpCounts {
  return statement(
    db,
    `SELECT
       (SELECT count(*) FROM school WHERE status <> 'closed') AS openSchools,
       (SELECT count(*) FROM school s WHERE s.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a.urn = s.urn AND a.role = 'named' AND a.to_date IS NULL)) AS withoutNamed,
       (SELECT count(*) FROM person WHERE active_to IS NULL OR active_to >= $today) AS people,
       (SELECT count(*) FROM declared_connection WHERE to_date IS NULL OR to_date >= $today) AS connections,
       (SELECT min(y.label) FROM academic_year y JOIN term t ON t.year_id = y.id WHERE t.ends_on >= $today) AS schoolYear`,
  ).get({ today }) as SetUpCounts;
}

/** The kinds of meeting record that use a template the team loaded (none means LinkDesk's own for all). */
export function selectOwnTemplateKinds(db: Connection): string[] {
  return (statement(db, 'SELECT kind FROM document_template WHERE active = 1 ORDER BY kind').all() as { kind: string }[]).map((r) => r.kind);
}
