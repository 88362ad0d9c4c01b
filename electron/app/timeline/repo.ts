/**
 * A school's timeline, one query per kind of entry. Each reads only the rows of one page: those
 * of the school before the cursor and inside the date range, newest first, at most `limit`, read
 * in order from the index that starts with the school (contacts, consultations, documents) or
 * from the school's own few rows (allocations, visits; an escalation log has a few a year).
 */
import type { AllocationRole } from '../../../shared/domain/allocations.ts';
import type { CancelledReasonKind } from '../../../shared/domain/reason-kinds.ts';
import type { TermName } from '../../../shared/domain/calendar.ts';
import type { Channel, DIRECTIONS } from '../../../shared/domain/contacts.ts';
import type { Concern } from '../../../shared/domain/escalations.ts';
import type { VisitStatus } from '../../../shared/domain/visits.ts';
import { statement, type Connection } from '../db/cipher.ts';

/** One page's bounds: the school, the date range, the cursor (exclusive) and the size. */
export interface TimelineWindow {
  urn: string;
  /** The first day (inclusive) and the day after the last (exclusive); '0000' and '9999' when open. */
  since: string;
  until: string;
  /** The previous page's last entry; '9999' and '' for the first page. */
  beforeAt: string;
  beforeKey: string;
  limit: number;
}

/**
 * The rows of `table` after the cursor, in the timeline's order. The moment and the key are
 * written as SQL expressions so the bounds apply to the column itself and an index on it serves.
 */
function pageOf<Row>(db: Connection, window: TimelineWindow, sql: { select: string; from: string; where: string; at: string; key: string }): Row[] {
  const text = `SELECT ${sql.key} AS key, ${sql.at} AS at, ${sql.select} FROM ${sql.from}
    WHERE ${sql.where} AND ${sql.at} >= @since AND ${sql.at} < @until
      AND ${sql.at} <= @beforeAt AND (${sql.at} < @beforeAt OR ${sql.key} < @beforeKey)
    ORDER BY ${sql.at} DESC, ${sql.key} DESC LIMIT @limit`;
  return statement(db, text).all(window) as Row[];
}

interface Keyed {
  key: string;
  at: string;
}

export interface AllocationMoment extends Keyed {
  role: AllocationRole;
  person: string;
  reason: string | null;
}

/** Each allocation's start (`ended` false) or, when it has ended, its last day (`ended` true). */
export function selectAllocationMoments(db: Connection, window: TimelineWindow, ended: boolean): AllocationMoment[] {
  const column = ended ? 'a.to_date' : 'a.from_date';
  return pageOf(db, window, {
    select: 'a.role, p.name AS person, a.reason',
    from: 'allocation a JOIN person p ON p.id = a.person_id',
    where: `a.urn = @urn${ended ? ' AND a.to_date IS NOT NULL' : ''}`,
    at: column,
    key: `'allocation:' || a.id || '${ended ? ':to' : ':from'}'`,
  });
}

export interface VisitMoment extends Keyed {
  year_label: string;
  term: TermName;
  status: VisitStatus;
  agreed_with: string | null;
  cancelled_reason: string | null;
  cancelled_reason_kind: CancelledReasonKind | null;
  moved_reason: string | null;
}

/** Visits with a date, on that date (the day agreed, or the day held). */
export function selectVisitMoments(db: Connection, window: TimelineWindow): VisitMoment[] {
  return pageOf(db, window, {
    select: 'v.year_label, v.term, v.status, v.agreed_with, v.cancelled_reason, v.cancelled_reason_kind, v.moved_reason',
    from: 'visit v',
    where: 'v.urn = @urn AND v.visit_date IS NOT NULL',
    at: 'v.visit_date',
    key: "'visit:' || v.id",
  });
}

export interface RecordMoment extends Keyed {
  year_label: string;
  term: TermName;
  written_by: string;
}

/** Visit records, when last written. */
export function selectRecordMoments(db: Connection, window: TimelineWindow): RecordMoment[] {
  return pageOf(db, window, {
    select: 'v.year_label, v.term, r.written_by',
    from: 'visit v JOIN visit_record r ON r.visit_id = v.id',
    where: 'v.urn = @urn',
    at: 'r.written_at',
    key: "'record:' || v.id",
  });
}

export interface ConsultationMoment extends Keyed {
  requested_by: string | null;
  with_school_nurse: number;
  actions: string | null;
}

export function selectConsultationMoments(db: Connection, window: TimelineWindow): ConsultationMoment[] {
  return pageOf(db, window, {
    select: "json_extract(c.data, '$.requestedBy') AS requested_by, c.with_school_nurse, json_extract(c.data, '$.actions') AS actions",
    from: 'consultation c',
    where: 'c.urn = @urn',
    at: 'c.held_on',
    key: "'consultation:' || c.id",
  });
}

export interface ContactMoment extends Keyed {
  id: string;
  worker: string;
  with_whom: string;
  direction: (typeof DIRECTIONS)[number];
  channel: Channel;
  summary: string;
  follow_up: string | null;
  follow_up_due: string | null;
  follow_up_done_on: string | null;
}

export function selectContactMoments(db: Connection, window: TimelineWindow): ContactMoment[] {
  return pageOf(db, window, {
    select: 'c.id, p.name AS worker, c.with_whom, c.direction, c.channel, c.summary, c.follow_up, c.follow_up_due, c.follow_up_done_on',
    from: 'contact c JOIN person p ON p.id = c.worker_id',
    where: 'c.urn = @urn',
    at: 'c.at',
    key: "'contact:' || c.id",
  });
}

export interface EscalationMoment extends Keyed {
  escalation_id: string;
  concern: Concern;
  summary: string;
  outcome: string | null;
}

/**
 * Each escalation as its latest entry says (corrections included): when raised, or (`closed`)
 * when closed. The log is append-only; the latest entry is the one no other entry corrects.
 */
export function selectEscalationMoments(db: Connection, window: TimelineWindow, closed: boolean): EscalationMoment[] {
  return pageOf(db, window, {
    select: 'e.escalation_id, e.concern, e.summary, e.outcome',
    from: 'escalation_entry e',
    where: `e.urn = @urn AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id)${closed ? ' AND e.closed_at IS NOT NULL' : ''}`,
    at: closed ? 'e.closed_at' : 'e.raised_at',
    key: `'escalation:' || e.escalation_id || '${closed ? ':closed' : ':raised'}'`,
  });
}

export interface DocumentMoment extends Keyed {
  kind: 'visit_record' | 'consultation_record' | 'spoc_list';
  path: string;
  created_by: string;
  /** The visit a visit record was made from, to link to it. */
  year_label: string | null;
  term: TermName | null;
}

export function selectDocumentMoments(db: Connection, window: TimelineWindow): DocumentMoment[] {
  return pageOf(db, window, {
    select: 'd.kind, d.path, d.created_by, v.year_label, v.term',
    from: "generated_document d LEFT JOIN visit v ON d.kind = 'visit_record' AND v.id = d.source_id",
    where: 'd.urn = @urn',
    at: 'd.created_at',
    key: "'document:' || d.id",
  });
}

/** The day the school closed, and the day an import found GIAS listing it as closed. */
export function selectClosureMoments(db: Connection, window: TimelineWindow, inGias: boolean): Keyed[] {
  const column = inGias ? 's.closed_in_gias_on' : 's.closed_on';
  return pageOf(db, window, {
    select: 's.urn',
    from: 'school s',
    where: `s.urn = @urn AND ${column} IS NOT NULL`,
    at: column,
    key: `'closure:' || s.urn || '${inGias ? ':gias' : ':closed'}'`,
  });
}
