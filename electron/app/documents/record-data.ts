/** The data a meeting record template is filled with: every placeholder of shared/domain/documents.ts. */
import { ABSENCE_BAND_LABELS, absenceBandOfAttendance } from '../../../shared/domain/attendance.ts';
import { TERM_LABELS } from '../../../shared/domain/calendar.ts';
import { ATTENDEE_ROLE_LABELS, CHILD_CATEGORY_LABELS, DECISION_LABELS, KEY_AREA_LABELS, KEY_AREAS, versionLabel } from '../../../shared/domain/records.ts';
import type { RecordKind } from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import { localDay } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { selectConsultation, selectVisitRecord } from '../records/repo.ts';
import { getTeam } from '../team/service.ts';
import { requireVisit } from '../visits/service.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A record's dates in full, as a council letter writes them: 24 November 2026. */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d ?? ''} ${MONTHS[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

export interface RecordSource {
  kind: RecordKind;
  urn: string;
  schoolName: string;
  date: string;
  data: Record<string, unknown>;
}

function common(db: Connection, now: Date) {
  const { settings } = getTeam(db);
  return { teamName: settings.teamName, localAuthority: settings.localAuthority, producedOn: longDate(localDay(now)) };
}

export function visitRecordSource(db: Connection, visitId: string, now: Date): RecordSource {
  const visit = requireVisit(db, visitId);
  const record = selectVisitRecord(db, visitId);
  if (!record) throw new AppError('not_found', `The ${TERM_LABELS[visit.term]} visit to ${visit.schoolName} has no record yet: write the visit record first.`);
  const date = visit.heldOn ?? visit.date ?? localDay(now);
  const none = (v: string | null) => v ?? 'None';
  return {
    kind: 'visit_record',
    urn: visit.urn,
    schoolName: visit.schoolName,
    date,
    data: {
      ...common(db, now),
      schoolName: visit.schoolName,
      urn: visit.urn,
      date: longDate(date),
      term: `${TERM_LABELS[visit.term]} ${visit.yearLabel}`,
      writtenBy: record.writtenBy,
      version: versionLabel(record),
      heldBy: visit.heldByName ?? 'Not recorded',
      heldWithoutProForma: visit.heldWithoutProForma ? `Held without a pro forma: ${visit.heldWithoutProForma}` : '',
      nextVisit: record.nextVisitOn ? longDate(record.nextVisitOn) : 'To be agreed',
      schoolAttendees: record.schoolAttendees || 'Not recorded',
      teamAttendees: record.teamAttendees || 'Not recorded',
      exclusionThresholdDays: String(record.exclusionThresholdDays),
      managedMovesInternal: String(record.managedMovesInternal),
      managedMovesExternal: String(record.managedMovesExternal),
      managedMovesAgreed: none(record.managedMovesAgreed),
      alternativeProvision: none(record.alternativeProvision),
      unnotifiedExclusions: none(record.unnotifiedExclusions),
      otherIssues: none(record.otherIssues),
      children: record.children.map((c) => ({
        initials: c.child.initials,
        yearGroup: c.child.yearGroup,
        caseId: c.child.caseId ?? '',
        category: c.attendancePercent === null || c.attendancePercent === undefined
          ? CHILD_CATEGORY_LABELS[c.category]
          : `${CHILD_CATEGORY_LABELS[c.category]}. Attendance ${c.attendancePercent}%: ${ABSENCE_BAND_LABELS[absenceBandOfAttendance(c.attendancePercent)]}`,
        statutoryIntervention: DECISION_LABELS[c.statutoryIntervention],
        earlyHelpReferral: DECISION_LABELS[c.earlyHelpReferral],
      })),
      actions: record.children
        .filter((c) => c.action)
        .map((c) => ({ who: c.who ?? '', what: `${c.child.initials} Y${c.child.yearGroup}: ${c.action ?? ''}`, byWhen: c.byWhen ? longDate(c.byWhen) : '' })),
    },
  };
}

export function consultationSource(db: Connection, id: string, now: Date): RecordSource {
  const c = selectConsultation(db, id);
  if (!c) throw new AppError('not_found', 'There is no such consultation.');
  return {
    kind: 'consultation_record',
    urn: c.urn,
    schoolName: c.schoolName,
    date: c.date,
    data: {
      ...common(db, now),
      schoolName: c.schoolName,
      urn: c.urn,
      date: longDate(c.date),
      writtenBy: c.recordedBy,
      requestedBy: c.requestedBy,
      notesSharedOn: c.notesSharedOn ? longDate(c.notesSharedOn) : 'Not yet',
      attendees: c.attendees.map((a) => ({ name: a.name, role: ATTENDEE_ROLE_LABELS[a.role] })),
      areas: KEY_AREAS.map((a) => ({ title: KEY_AREA_LABELS[a], notes: c.notes[a] || 'Nothing raised' })),
      children: c.children.map((child) => ({ initials: child.initials, yearGroup: child.yearGroup })),
      // The consultation keeps its actions as text: one action per line.
      actions: c.actions
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((what) => ({ who: '', what, byWhen: '' })),
    },
  };
}
