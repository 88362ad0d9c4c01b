/** The SQL of a subject access search: which records name the child, by case ID or by initials and year group. */
import type { SubjectAccessMatch, SubjectAccessQuery } from '../../../shared/domain/subject-access.ts';
import { statement, type Connection } from '../db/cipher.ts';

/** One child reference (at `path` in the JSON value) matches the query's case ID, or its initials and year group. */
const MATCHES = (value: string, path: string) => `(
  (@caseId IS NOT NULL AND lower(trim(json_extract(${value}, '${path}.caseId'))) = lower(trim(@caseId)))
  OR (@initials IS NOT NULL AND upper(replace(json_extract(${value}, '${path}.initials'), ' ', '')) = upper(replace(@initials, ' ', '')) AND json_extract(${value}, '${path}.yearGroup') = @yearGroup)
)`;

function params(q: SubjectAccessQuery): Record<string, string | null> {
  return { caseId: q.caseId ?? null, initials: q.initials ?? null, yearGroup: q.yearGroup ?? null, urn: q.urn ?? null };
}

/**
 * Every record naming the child, oldest first: a visit record if any of its versions does. Each
 * has the screen that shows it, where there is one (the app's route, as the timeline links).
 */
export function selectSubjectMatches(db: Connection, q: SubjectAccessQuery): SubjectAccessMatch[] {
  const sql = `
    SELECT 'visit_record' AS kind, v.id AS id, substr(coalesce(v.held_on, v.visit_date, min(r.written_at)), 1, 10) AS date, s.name AS school, v.urn AS urn,
           '/visits/' || v.urn || '/' || v.year_label || '/' || v.term || '/record' AS link
      FROM visit_record_version r JOIN visit v ON v.id = r.visit_id JOIN school s ON s.urn = v.urn, json_each(r.data, '$.children') c
     WHERE ${MATCHES('c.value', '$.child')} AND (@urn IS NULL OR v.urn = @urn) GROUP BY v.id
    UNION ALL
    SELECT DISTINCT 'consultation', k.id, k.held_on, s.name, k.urn, NULL
      FROM consultation k JOIN school s ON s.urn = k.urn, json_each(k.data, '$.children') c
     WHERE ${MATCHES('c.value', '$')} AND (@urn IS NULL OR k.urn = @urn)
    UNION ALL
    SELECT DISTINCT 'escalation', e.escalation_id, (SELECT substr(min(f.raised_at), 1, 10) FROM escalation_entry f WHERE f.escalation_id = e.escalation_id), s.name, e.urn,
           '/escalations/' || e.escalation_id
      FROM escalation_entry e JOIN school s ON s.urn = e.urn, json_each(e.children) c
     WHERE ${MATCHES('c.value', '$')} AND (@urn IS NULL OR e.urn = @urn)
    UNION ALL
    SELECT 'contact', t.id, substr(t.at, 1, 10), s.name, t.urn, NULL
      FROM contact t JOIN school s ON s.urn = t.urn
     WHERE (@urn IS NULL OR t.urn = @urn) AND (
       -- Contacts hold no list of children: the case ID, or "AB Y4", as a word of the notes.
       (@caseId IS NOT NULL AND (' ' || lower(t.summary || ' ' || coalesce(t.follow_up, '')) || ' ') GLOB ('*[^a-z0-9]' || lower(trim(@caseId)) || '[^a-z0-9]*'))
       OR (@initials IS NOT NULL AND (' ' || t.summary || ' ' || coalesce(t.follow_up, '') || ' ') GLOB ('*[^A-Za-z]' || upper(@initials) || ' Y' || @yearGroup || '[^0-9]*'))
     )
    ORDER BY date, kind, id`;
  return statement(db, sql).all(params(q)) as SubjectAccessMatch[];
}

export function selectVisitRecordVersionRows(db: Connection, visitId: string): { version: number; data: string; writtenBy: string; writtenAt: string }[] {
  return statement(db, 'SELECT version, data, written_by AS writtenBy, written_at AS writtenAt FROM visit_record_version WHERE visit_id = ? ORDER BY version').all(visitId) as {
    version: number; data: string; writtenBy: string; writtenAt: string;
  }[];
}
