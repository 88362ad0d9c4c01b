/** The escalation log's table is append-only: this module only inserts and reads. */
import type { EscalationEntry } from '../../../shared/domain/escalations.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface EntryRow {
  id: string;
  escalation_id: string;
  corrects_id: string | null;
  version: number;
  raised_at: string;
  raised_by: string;
  urn: string;
  school_name: string;
  children: string;
  concern: EscalationEntry['concern'];
  summary: string;
  manager_informed_at: string | null;
  manager_informed: string | null;
  late_reason: string | null;
  late_reason_kind: EscalationEntry['lateReasonKind'];
  referral_made: EscalationEntry['referralMade'];
  referral_route: EscalationEntry['referralRoute'];
  referral_route_other: string | null;
  referral_at: string | null;
  referral_reference: string | null;
  advice: string | null;
  outcome: string | null;
  closed_at: string | null;
  change_note: string | null;
  recorded_by: string;
  recorded_at: string;
}

const toEntry = (r: EntryRow): EscalationEntry => ({
  id: r.id, escalationId: r.escalation_id, corrects: r.corrects_id, version: r.version, raisedAt: r.raised_at, raisedBy: r.raised_by,
  urn: r.urn, schoolName: r.school_name, children: JSON.parse(r.children) as EscalationEntry['children'], concern: r.concern, summary: r.summary,
  managerInformedAt: r.manager_informed_at, managerInformed: r.manager_informed, lateReason: r.late_reason, lateReasonKind: r.late_reason_kind, referralMade: r.referral_made,
  referralRoute: r.referral_route, referralRouteOther: r.referral_route_other,
  referralAt: r.referral_at, referralReference: r.referral_reference, advice: r.advice, outcome: r.outcome, closedAt: r.closed_at,
  changeNote: r.change_note, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

const SELECT = 'SELECT e.*, s.name AS school_name FROM escalation_entry e JOIN school s ON s.urn = e.urn';

export function insertEntry(db: Connection, e: Omit<EscalationEntry, 'schoolName'>): void {
  statement(
    db,
    `INSERT INTO escalation_entry (id, escalation_id, corrects_id, version, raised_at, raised_by, urn, children, concern, summary,
       manager_informed_at, manager_informed, late_reason, referral_made, referral_route, referral_route_other, referral_at, referral_reference,
       advice, outcome, closed_at, change_note, recorded_by, recorded_at, late_reason_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id, e.escalationId, e.corrects, e.version, e.raisedAt, e.raisedBy, e.urn, JSON.stringify(e.children), e.concern, e.summary,
    e.managerInformedAt, e.managerInformed, e.lateReason, e.referralMade, e.referralRoute, e.referralRouteOther, e.referralAt, e.referralReference,
    e.advice, e.outcome, e.closedAt, e.changeNote, e.recordedBy, e.recordedAt, e.lateReasonKind,
  );
}

export function selectEntry(db: Connection, id: string): EscalationEntry | undefined {
  const row = statement(db, `${SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  return row ? toEntry(row) : undefined;
}

export function selectHistory(db: Connection, escalationId: string): EscalationEntry[] {
  return (statement(db, `${SELECT} WHERE e.escalation_id = ? ORDER BY e.version`).all(escalationId) as EntryRow[]).map(toEntry);
}

/** The latest entry of every escalation: the one nothing corrects. */
export function selectLatestEntries(db: Connection): EscalationEntry[] {
  return (
    statement(db, `${SELECT} WHERE NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id) ORDER BY e.raised_at DESC`).all() as EntryRow[]
  ).map(toEntry);
}

/** The latest entry of every open escalation, through the table the insert trigger keeps. */
export function selectOpenLatestEntries(db: Connection): EscalationEntry[] {
  return (
    statement(db, 'SELECT e.*, s.name AS school_name FROM escalation_open o JOIN escalation_entry e ON e.id = o.entry_id JOIN school s ON s.urn = e.urn ORDER BY e.raised_at DESC').all() as EntryRow[]
  ).map(toEntry);
}

export function isCorrected(db: Connection, id: string): boolean {
  return statement(db, 'SELECT 1 FROM escalation_entry WHERE corrects_id = ?').get(id) !== undefined;
}

/**
 * Every entry (as raised and each correction, oldest first) of the escalations whose latest
 * entry says they were raised from `from` up to the start of `until` (wall times compare as
 * text), at a school of `hub` when one is given: the printable log of a period.
 */
export function selectEntriesRaisedBetween(db: Connection, from: string, until: string, hub: string | null): EscalationEntry[] {
  return (
    statement(
      db,
      `${SELECT} WHERE e.escalation_id IN (
         SELECT l.escalation_id FROM escalation_entry l JOIN school ls ON ls.urn = l.urn
         WHERE NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = l.id)
           AND l.raised_at >= ? AND l.raised_at < ? AND (? IS NULL OR ls.hub = ?))
       ORDER BY e.escalation_id, e.version`,
    ).all(from, until, hub, hub) as EntryRow[]
  ).map(toEntry);
}
