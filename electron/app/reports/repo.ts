/**
 * The rows a report counts, one period at a time. Every history table is read through an index
 * bounded by the period (a visit's school year and term, a day range), so a report costs what
 * the period holds, not what the team has ever written. Only the columns a count needs are read:
 * no summary, note, child list or name of a school's staff leaves this file, except the visit
 * record's JSON, which the service reads for its counts and drops.
 */
import type { TermName } from '../../../shared/domain/calendar.ts';
import type { CancelledReasonKind, LateReasonKind } from '../../../shared/domain/reason-kinds.ts';
import type { Channel } from '../../../shared/domain/contacts.ts';
import type { Concern } from '../../../shared/domain/escalations.ts';
import type { Response } from '../../../shared/domain/panels.ts';
import type { VisitStatus } from '../../../shared/domain/visits.ts';
import { statement, type Connection } from '../db/cipher.ts';
import { inScopeSql } from '../schools/repo.ts';

export interface ReportSchool {
  urn: string;
  name: string;
  hub: string | null;
  /** The school's named link worker on the period's reference day, or null. */
  namedWorker: string | null;
  inScope: boolean;
  closedOn: string | null;
  openedOn: string | null;
  status: string;
}

/** The register (the present, not the history) with each school's named worker on a day, read by the allocation index per school. */
export function selectReportSchools(db: Connection, day: string): ReportSchool[] {
  const rows = statement(
    db,
    `SELECT s.urn, s.name, s.hub, s.status, s.closed_on AS closedOn, s.opened_on AS openedOn, ${inScopeSql('s')} AS inScope,
       (SELECT a.person_id FROM allocation a WHERE a.urn = s.urn AND a.role = 'named' AND a.from_date <= ? AND (a.to_date IS NULL OR a.to_date >= ?)
         ORDER BY a.from_date DESC LIMIT 1) AS namedWorker
     FROM school s`,
  ).all(day, day) as (Omit<ReportSchool, 'inScope'> & { inScope: number })[];
  return rows.map((r) => ({ ...r, inScope: r.inScope === 1 }));
}

export function selectTeamMembers(db: Connection): { id: string; name: string }[] {
  return statement(db, 'SELECT id, name FROM person ORDER BY name COLLATE NOCASE, id').all() as { id: string; name: string }[];
}

export interface ReportVisit {
  urn: string;
  term: TermName;
  date: string | null;
  agreedOn: string | null;
  status: VisitStatus;
  proFormaSentOn: string | null;
  proFormaReturnedOn: string | null;
  heldOn: string | null;
  heldBy: string | null;
  heldWithoutProForma: number;
  /** Why it was cancelled, from the list (never the words); null before schema 23. */
  cancelledReasonKind: CancelledReasonKind | null;
  /** The current visit record's JSON, read for its counts only. */
  record: string | null;
}

/** The visits of a school year, or of one of its terms (index visit_term). */
export function selectReportVisits(db: Connection, yearLabel: string, term: TermName | null): ReportVisit[] {
  return statement(
    db,
    `SELECT v.urn, v.term, v.visit_date AS date, v.agreed_on AS agreedOn, v.status, v.pro_forma_sent_on AS proFormaSentOn, v.pro_forma_returned_on AS proFormaReturnedOn,
       v.held_on AS heldOn, v.held_by AS heldBy, v.held_without_pro_forma IS NOT NULL AS heldWithoutProForma,
       v.cancelled_reason_kind AS cancelledReasonKind, r.data AS record
     FROM visit v LEFT JOIN visit_record r ON r.visit_id = v.id
     WHERE v.year_label = ? AND (? IS NULL OR v.term = ?)`,
  ).all(yearLabel, term, term) as ReportVisit[];
}

/** Consultations held between two days, inclusive (index consultation_held_on). */
export function selectReportConsultations(db: Connection, from: string, to: string): { urn: string; heldOn: string; withNurse: number }[] {
  return statement(db, 'SELECT urn, held_on AS heldOn, with_school_nurse AS withNurse FROM consultation WHERE held_on BETWEEN ? AND ?').all(from, to) as {
    urn: string; heldOn: string; withNurse: number;
  }[];
}

/** Contacts made on the days from `from` to `to`, inclusive (index contact_day). */
export function selectReportContacts(db: Connection, from: string, to: string): { urn: string; workerId: string; channel: Channel }[] {
  return statement(db, "SELECT urn, worker_id AS workerId, channel FROM contact WHERE substr(at, 1, 10) BETWEEN ? AND ?").all(from, to) as {
    urn: string; workerId: string; channel: Channel;
  }[];
}

export interface ReportEscalation {
  urn: string;
  raisedAt: string;
  concern: Concern;
  managerInformedAt: string | null;
  lateReasonKind: LateReasonKind | null;
  referralMade: 'not_known' | 'yes' | 'no';
  closedAt: string | null;
}

/**
 * The escalations raised on the days from `from` to `to`, as their latest entry says (a
 * correction can move when it was raised, or when the manager was told): the entries raised in
 * the range that no later entry corrects (index escalation_entry_raised_day, then the corrected-once
 * index for each).
 */
export function selectReportEscalations(db: Connection, from: string, to: string): ReportEscalation[] {
  return statement(
    db,
    `SELECT e.urn, e.raised_at AS raisedAt, e.concern, e.manager_informed_at AS managerInformedAt, e.late_reason_kind AS lateReasonKind,
       e.referral_made AS referralMade, e.closed_at AS closedAt
     FROM escalation_entry e
     WHERE substr(e.raised_at, 1, 10) BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM escalation_entry c WHERE c.corrects_id = e.id)`,
  ).all(from, to) as ReportEscalation[];
}

export interface ReportMeeting {
  id: string;
  panelId: string;
  panelName: string;
  area: string;
  cancelled: number;
  hasThemes: number;
  tags: string;
}

/** Panel meetings between two days, inclusive (index panel_meeting_date). */
export function selectReportMeetings(db: Connection, from: string, to: string): ReportMeeting[] {
  return statement(
    db,
    `SELECT m.id, m.panel_id AS panelId, p.name AS panelName, p.area, m.cancelled, coalesce(trim(m.themes), '') <> '' AS hasThemes, m.tags
     FROM panel_meeting m JOIN panel p ON p.id = m.panel_id WHERE m.date BETWEEN ? AND ?`,
  ).all(from, to) as ReportMeeting[];
}

/** Who was expected at, attended or sent apologies to the meetings between two days (by the meeting date index, then each meeting's attendance). */
export function selectReportAttendance(db: Connection, from: string, to: string): { meetingId: string; personId: string; response: Response }[] {
  return statement(
    db,
    `SELECT a.meeting_id AS meetingId, a.person_id AS personId, a.response
     FROM panel_meeting m JOIN panel_attendance a ON a.meeting_id = m.id WHERE m.date BETWEEN ? AND ?`,
  ).all(from, to) as { meetingId: string; personId: string; response: Response }[];
}

export function selectYearsWithTerms(db: Connection): { label: string; name: TermName; startsOn: string; endsOn: string }[] {
  return statement(db, 'SELECT y.label, t.name, t.starts_on AS startsOn, t.ends_on AS endsOn FROM academic_year y JOIN term t ON t.year_id = y.id ORDER BY t.starts_on')
    .all() as { label: string; name: TermName; startsOn: string; endsOn: string }[];
}
