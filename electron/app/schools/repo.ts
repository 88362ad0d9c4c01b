import { SCHOOL_CATEGORIES, schoolSearchText, type EnhancedSupport, type School, type SchoolQuery, type SchoolSummary } from '../../../shared/domain/schools.ts';
import { searchPattern, searchTerms } from '../../../shared/domain/search.ts';
import { statement, type Connection } from '../db/cipher.ts';

const EVERY_CATEGORY = JSON.stringify(SCHOOL_CATEGORIES);

/**
 * Whether the team serves a school, as SQL over a `school` row's alias: the school's own choice
 * (`in_scope`), else whether its category is one the team serves (setting `categoriesInScope`,
 * every category while unset). The setting is read by an uncorrelated subquery, which SQLite
 * evaluates once per statement, so it costs nothing per school.
 */
export function inScopeSql(alias: string): string {
  if (!/^\w+$/.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return `coalesce(${alias}.in_scope, ${alias}.category IN (SELECT value FROM json_each(coalesce((SELECT value FROM setting WHERE key = 'categoriesInScope'), '${EVERY_CATEGORY}'))))`;
}

/** The schools the planner and the dashboard look after: not closed, and in the team's scope. */
export function servedSql(alias: string): string {
  return `${alias}.status <> 'closed' AND ${inScopeSql(alias)}`;
}

/** The fields a GIAS import owns, with their columns. Team-held fields are never in here. */
export const GIAS_COLUMNS = {
  name: 'name',
  establishmentType: 'establishment_type',
  phase: 'phase',
  category: 'category',
  status: 'status',
  laCode: 'la_code',
  laName: 'la_name',
  street: 'street',
  locality: 'locality',
  address3: 'address3',
  town: 'town',
  county: 'county',
  postcode: 'postcode',
  phone: 'phone',
  website: 'website',
  headTeacher: 'head_teacher',
  pupils: 'pupils',
  easting: 'easting',
  northing: 'northing',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
} as const satisfies Partial<Record<keyof School, string>>;
export type GiasField = keyof typeof GIAS_COLUMNS;
export type GiasFacts = { urn: string } & Pick<School, GiasField>;
export const GIAS_FIELDS = Object.keys(GIAS_COLUMNS) as GiasField[];

interface SchoolRow {
  urn: string;
  name: string;
  establishment_type: string;
  phase: string;
  category: School['category'];
  status: School['status'];
  la_code: string;
  la_name: string;
  street: string | null;
  locality: string | null;
  address3: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
  phone: string | null;
  website: string | null;
  head_teacher: string | null;
  pupils: number | null;
  easting: number | null;
  northing: number | null;
  opened_on: string | null;
  closed_on: string | null;
  closed_in_gias_on: string | null;
  source: School['source'];
  gias_imported_at: string | null;
  hub: string | null;
  dsl_name: string | null;
  dsl_email: string | null;
  main_contact: string | null;
  notes: string | null;
  enhanced_support: string | null;
  in_scope: number | null;
  in_scope_now: number;
}

function toSchool(r: SchoolRow): School {
  return {
    urn: r.urn, name: r.name, establishmentType: r.establishment_type, phase: r.phase, category: r.category, status: r.status,
    laCode: r.la_code, laName: r.la_name, street: r.street, locality: r.locality, address3: r.address3, town: r.town,
    county: r.county, postcode: r.postcode, phone: r.phone, website: r.website, headTeacher: r.head_teacher, pupils: r.pupils,
    easting: r.easting, northing: r.northing, openedOn: r.opened_on, closedOn: r.closed_on, closedInGiasOn: r.closed_in_gias_on,
    source: r.source, giasImportedAt: r.gias_imported_at, hub: r.hub, dslName: r.dsl_name, dslEmail: r.dsl_email,
    mainContact: r.main_contact, notes: r.notes,
    enhancedSupport: r.enhanced_support ? (JSON.parse(r.enhanced_support) as EnhancedSupport) : null,
    inScope: r.in_scope_now === 1, inScopeChoice: r.in_scope === null ? null : r.in_scope === 1,
  };
}

export function selectSchool(db: Connection, urn: string): School | undefined {
  const row = statement(db, `SELECT *, ${inScopeSql('school')} AS in_scope_now FROM school WHERE urn = ?`).get(urn) as SchoolRow | undefined;
  return row ? toSchool(row) : undefined;
}

const GIAS_FACT_COLUMNS = GIAS_FIELDS.map((f) => `${GIAS_COLUMNS[f]} AS ${f}`).join(', ');

/** The GIAS facts held for these URNs (a batch of an import's rows), by URN. */
export function selectGiasFactsOf(db: Connection, urns: string[]): Map<string, GiasFacts> {
  const rows = statement(db, `SELECT urn, ${GIAS_FACT_COLUMNS} FROM school WHERE urn IN (SELECT value FROM json_each(?))`).all(JSON.stringify(urns)) as GiasFacts[];
  return new Map(rows.map((r) => [r.urn, r]));
}

const INSERT_COLUMNS = ['urn', ...GIAS_FIELDS.map((f) => GIAS_COLUMNS[f]), 'source', 'gias_imported_at', 'search_text', 'created_at', 'updated_at'];
/** One constant string: the statement cache finds it without hashing a new string every time. */
const INSERT_SCHOOL = `INSERT INTO school (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;

/** Adds a school; called once per school of a national import, so the values are listed, not spread. */
export function insertSchool(db: Connection, f: GiasFacts, source: School['source'], at: string): void {
  statement(db, INSERT_SCHOOL).run(
    f.urn, f.name, f.establishmentType, f.phase, f.category, f.status, f.laCode, f.laName, f.street, f.locality, f.address3, f.town, f.county,
    f.postcode, f.phone, f.website, f.headTeacher, f.pupils, f.easting, f.northing, f.openedOn, f.closedOn,
    source, source === 'gias' ? at : null, schoolSearchText(f), at, at,
  );
}

/**
 * The search index's insert trigger, as migration 0013 created it (a test holds the two the
 * same). FTS5 writes its pending terms out as a new segment at the end of every statement, and
 * GIAS names and postcodes give thousands of distinct trigrams, so indexing a national import
 * row by row (or a hundred rows a statement) cost more than all the rest of the import; in one
 * statement it costs about a quarter of it. A bulk add therefore drops the trigger inside its transaction, adds the schools
 * and indexes them in one statement, and creates the trigger again, all before it commits.
 */
export const SCHOOL_SEARCH_INSERT_TRIGGER = `CREATE TRIGGER school_search_insert AFTER INSERT ON school
        BEGIN
          INSERT INTO school_search (rowid, text) VALUES (CAST(NEW.urn AS INTEGER), '  ' || replace(NEW.search_text, ' ', '  '));
        END`;

/**
 * Stops indexing added schools until `indexForSearch`; call inside the transaction that adds
 * them. Returns the highest rowid before them: every school added after it has a higher one
 * (SQLite gives a new row the highest rowid plus one).
 */
export function pauseSearchIndexing(db: Connection): number {
  db.exec('DROP TRIGGER IF EXISTS school_search_insert');
  return statement(db, 'SELECT coalesce(max(rowid), 0) FROM school').pluck().get() as number;
}

/**
 * Indexes the schools added since `pauseSearchIndexing`, in one statement and in order of URN
 * (FTS5 also writes out its pending terms whenever a rowid goes back), then indexes as before.
 */
export function indexForSearch(db: Connection, addedAfterRowid: number): void {
  statement(db, `INSERT INTO school_search (rowid, text)
    SELECT CAST(urn AS INTEGER), '  ' || replace(search_text, ' ', '  ') FROM school WHERE rowid > ? ORDER BY urn`).run(addedAfterRowid);
  db.exec(SCHOOL_SEARCH_INSERT_TRIGGER);
}

export function updateGiasFacts(db: Connection, facts: GiasFacts, at: string, closedInGiasOn: string | null): void {
  const sets = GIAS_FIELDS.map((f) => `${GIAS_COLUMNS[f]} = ?`).join(', ');
  statement(
    db,
    `UPDATE school SET ${sets}, source = 'gias', gias_imported_at = ?, closed_in_gias_on = coalesce(?, closed_in_gias_on), search_text = ?, updated_at = ? WHERE urn = ?`,
  ).run(...GIAS_FIELDS.map((f) => facts[f]), at, closedInGiasOn, schoolSearchText(facts), at, facts.urn);
}

export interface TeamHeldRow {
  hub: string | null;
  dslName: string | null;
  dslEmail: string | null;
  mainContact: string | null;
  notes: string | null;
}

export function updateTeamHeld(db: Connection, urn: string, f: TeamHeldRow, at: string): void {
  statement(db, 'UPDATE school SET hub = ?, dsl_name = ?, dsl_email = ?, main_contact = ?, notes = ?, updated_at = ? WHERE urn = ?').run(
    f.hub, f.dslName, f.dslEmail, f.mainContact, f.notes, at, urn,
  );
}

export function updateEnhancedSupport(db: Connection, urn: string, value: EnhancedSupport | null, at: string): void {
  statement(db, 'UPDATE school SET enhanced_support = ?, updated_at = ? WHERE urn = ?').run(value ? JSON.stringify(value) : null, at, urn);
}

export function updateStatus(db: Connection, urn: string, status: School['status'], closedOn: string | null, at: string): void {
  statement(db, 'UPDATE school SET status = ?, closed_on = ?, updated_at = ? WHERE urn = ?').run(status, closedOn, at, urn);
}

export function updateInScope(db: Connection, urn: string, inScope: boolean | null, at: string): void {
  statement(db, 'UPDATE school SET in_scope = ?, updated_at = ? WHERE urn = ?').run(inScope === null ? null : Number(inScope), at, urn);
}

export function clearClosedInGias(db: Connection, urn: string, at: string): void {
  statement(db, 'UPDATE school SET closed_in_gias_on = NULL, updated_at = ? WHERE urn = ?').run(at, urn);
}

const SORT_COLUMNS = { name: 's.name COLLATE NOCASE', urn: 's.urn', town: 's.town COLLATE NOCASE', pupils: 's.pupils', category: 's.category' } as const;

/**
 * Each typed word narrows the search, folded as the index is (shared/domain/search.ts: case,
 * accents, apostrophes, hyphens, "Saint"). Three letters or more match anywhere in the name,
 * URN, town or postcode; one or two match the start of a word ("st" finds St Mary’s, "n1" a
 * postcode). The index (migration 0013) holds the text with two spaces before every word, so
 * a word's start is a trigram too: "  a" for one letter, " st" for two.
 */
function searchClauses(search: string): { where: string[]; params: string[] } {
  const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const terms = searchTerms(search).map((alternatives) => {
    const phrases = alternatives.map((a) => phrase(searchPattern(a)));
    return phrases.length === 1 ? phrases.join('') : `(${phrases.join(' OR ')})`;
  });
  if (terms.length === 0) return { where: [], params: [] };
  return { where: ["s.urn IN (SELECT printf('%06d', rowid) FROM school_search WHERE school_search MATCH ?)"], params: [terms.join(' AND ')] };
}

/** One page of the schools matching, in the order asked, and how many match in all. */
export function searchSchools(db: Connection, q: Required<Omit<SchoolQuery, 'hub'>> & { hub?: string | undefined }): { rows: SchoolSummary[]; total: number } {
  const { where, params } = searchClauses(q.search) as { where: string[]; params: unknown[] };
  if (q.categories.length) {
    where.push(`s.category IN (${q.categories.map(() => '?').join(', ')})`);
    params.push(...q.categories);
  }
  if (q.statuses.length) {
    where.push(`s.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.hub !== undefined) {
    where.push(q.hub === '' ? 's.hub IS NULL' : 's.hub = ?');
    if (q.hub !== '') params.push(q.hub);
  }
  if (q.enhancedOnly) where.push('s.enhanced_support IS NOT NULL');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = `${SORT_COLUMNS[q.sort]} ${q.descending ? 'DESC' : 'ASC'}, s.urn`;
  const rows = statement(
    db,
    `SELECT s.urn, s.name, s.category, s.status, s.town, s.postcode, s.hub, s.pupils, s.closed_in_gias_on AS closedInGiasOn, s.enhanced_support IS NOT NULL AS enhanced,
       ${inScopeSql('s')} AS inScope
     FROM school s ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
  ).all(...params, q.limit, q.offset) as (Omit<SchoolSummary, 'enhanced' | 'inScope'> & { enhanced: number; inScope: number })[];
  const total = statement(db, `SELECT count(*) FROM school s ${clause}`).pluck().get(...params) as number;
  return { rows: rows.map((r) => ({ ...r, enhanced: r.enhanced === 1, inScope: r.inScope === 1 })), total };
}

export function selectHubs(db: Connection): string[] {
  return statement(db, "SELECT DISTINCT hub FROM school WHERE hub IS NOT NULL AND hub <> '' ORDER BY hub").pluck().all() as string[];
}

/** The team-held columns that can be set on many schools at once. */
const BULK_COLUMNS = { hub: 'hub', dslName: 'dsl_name', dslEmail: 'dsl_email' } as const;
export type BulkColumns = Partial<Record<keyof typeof BULK_COLUMNS, string | null>>;

/** Sets only the fields given, leaving the school's other team-held fields as they are. */
export function updateTeamHeldSome(db: Connection, urn: string, fields: BulkColumns, at: string): void {
  const names = (Object.keys(BULK_COLUMNS) as (keyof typeof BULK_COLUMNS)[]).filter((f) => fields[f] !== undefined);
  if (names.length === 0) return;
  const sets = names.map((f) => `${BULK_COLUMNS[f]} = ?`).join(', ');
  statement(db, `UPDATE school SET ${sets}, updated_at = ? WHERE urn = ?`).run(...names.map((f) => fields[f] ?? null), at, urn);
}
