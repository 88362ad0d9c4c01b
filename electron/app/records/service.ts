/** Writing up a termly visit and recording Early Help Consultations. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { TERM_LABELS, termOn } from '../../../shared/domain/calendar.ts';
import { attendanceWarnings, childReferenceWarnings, KEY_AREA_LABELS, type Consultation, type ConsultationInput, type UpdateConsultationInput, type VisitRecord, type VisitRecordInput, type VisitRecordVersion } from '../../../shared/domain/records.ts';
import { AppError } from '../../../shared/errors.ts';
import { listYears } from '../calendar/service.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requireSchool } from '../schools/service.ts';
import { getTeam } from '../team/service.ts';
import { selectNamedWorkerOn, selectVisit, updateVisit } from '../visits/repo.ts';
import { syncConsultationActions, syncVisitRecordActions } from '../actions/sync.ts';
import { insertConsultation, updateConsultationRow, selectConsultation, selectConsultations, selectSchoolsWithoutNurse, selectVisitRecord, insertVisitRecordVersion, selectVisitRecordVersion, selectVisitRecordVersions } from './repo.ts';
import { localDay, plural } from '../../../shared/format.ts';
import { consultationFindings, describeFindings, unconfirmedFindings, visitRecordFindings } from '../../../shared/domain/child-names.ts';

/** Said back when a record is saved: what may still name a child and is not yet confirmed (a Word record waits for these). */
function nameWarnings(findings: Parameters<typeof describeFindings>[0], confirmed: readonly string[]): string[] {
  const left = unconfirmedFindings(findings, confirmed);
  return left.length ? [`Not yet confirmed, so no Word record can be made: ${describeFindings(left).join('; ')}. Correct each to initials, or confirm it is not a child’s name.`] : [];
}

/** Saves the record of a held visit and marks the visit "record written". Returns any warnings about child references and attendance. */
export function writeVisitRecord(ctx: WriteContext, input: z.output<typeof VisitRecordInput>, forenames?: ReadonlySet<string>): { record: VisitRecord; warnings: string[] } {
  const visit = selectVisit(ctx.db, input.visitId);
  if (!visit) throw new AppError('not_found', 'There is no such visit.');
  if (visit.status !== 'held' && visit.status !== 'record_written') {
    throw new AppError('invalid_input', 'Record the visit as held before writing its record.');
  }
  const at = ctx.now().toISOString();
  write(ctx, (audit) => {
    const version = insertVisitRecordVersion(ctx.db, visit.id, input, ctx.actor, at);
    syncVisitRecordActions(ctx.db, visit.id, visit.urn, input.children, at);
    // A visit held before anyone was named for it is given its school's named worker on the day it was held.
    const heldBy = visit.heldBy ?? (visit.heldOn ? selectNamedWorkerOn(ctx.db, visit.urn, visit.heldOn) : null);
    if (visit.status === 'held') updateVisit(ctx.db, { ...visit, heldBy, status: 'record_written', recordWrittenOn: at.slice(0, 10) }, at);
    else if (heldBy !== visit.heldBy) updateVisit(ctx.db, { ...visit, heldBy }, at);
    audit('visit-record', visit.id, 'write', `version ${version}: ${plural(input.children.length, 'child', 'children')} reviewed`);
  });
  const record = selectVisitRecord(ctx.db, visit.id);
  if (!record) throw new AppError('internal', 'The record was not saved.');
  const names = forenames ? nameWarnings(visitRecordFindings(input, forenames), input.confirmedNotNames) : [];
  return { record, warnings: [...childReferenceWarnings(input.children.map((c) => c.child)), ...names, ...attendanceWarnings(input.children)] };
}

/** The record of a visit: the current one, or an earlier version to read. */
export function visitRecord(db: Connection, visitId: string, version?: number): VisitRecord | null {
  if (version === undefined) return selectVisitRecord(db, visitId) ?? null;
  const found = selectVisitRecordVersion(db, visitId, version);
  if (!found) throw new AppError('not_found', `This visit record has no version ${version}.`);
  return found;
}

/** Who saved each version of a visit's record, and when, newest first. */
export function visitRecordVersions(db: Connection, visitId: string): VisitRecordVersion[] {
  return selectVisitRecordVersions(db, visitId);
}

/** The rules a consultation meets whether recorded or updated: the schema has checked the rest. */
function checkConsultation(ctx: WriteContext, input: z.output<typeof ConsultationInput>): void {
  requireSchool(ctx.db, input.urn);
  // The field's message says it whole: it is what the form's summary of problems shows.
  if (input.date > localDay(ctx.now())) throw new AppError('invalid_input', 'A consultation cannot be recorded before it happens.', { issues: [{ path: 'date', message: 'A consultation cannot be recorded before it happens' }] });
  if (input.notesSharedOn && input.notesSharedOn < input.date) {
    throw new AppError('invalid_input', 'The notes cannot be shared before the consultation.', { issues: [{ path: 'notesSharedOn', message: 'The notes cannot be shared before the consultation' }] });
  }
}

export function recordConsultation(ctx: WriteContext, input: z.output<typeof ConsultationInput>, forenames?: ReadonlySet<string>): { consultation: Consultation; warnings: string[] } {
  checkConsultation(ctx, input);
  const id = randomUUID();
  const withSchoolNurse = input.attendees.some((a) => a.role === 'school_nurse');
  write(ctx, (audit) => {
    const at = ctx.now().toISOString();
    insertConsultation(ctx.db, { id, urn: input.urn, date: input.date, withSchoolNurse, data: input, by: ctx.actor, at });
    syncConsultationActions(ctx.db, { id, urn: input.urn, date: input.date, actions: input.actions }, at);
    audit('consultation', id, 'record', withSchoolNurse ? 'with the school nurse team' : undefined);
  });
  const consultation = selectConsultation(ctx.db, id);
  if (!consultation) throw new AppError('internal', 'The consultation was not saved.');
  return { consultation, warnings: [...childReferenceWarnings(input.children), ...(forenames ? nameWarnings(consultationFindings(input, forenames, KEY_AREA_LABELS), input.confirmedNotNames) : [])] };
}

/**
 * Changes a saved consultation (to add when the notes were shared, an attendee, an action, or to
 * put a note right), in one transaction with its audit row. The audit names the fields that
 * changed, never what they say. A consultation stays with its school: the Word records already
 * made of it are filed in that school's folder.
 */
export function updateConsultation(ctx: WriteContext, input: z.output<typeof UpdateConsultationInput>, forenames?: ReadonlySet<string>): { consultation: Consultation; warnings: string[] } {
  const { id, ...fields } = input;
  const before = selectConsultation(ctx.db, id);
  if (!before) throw new AppError('not_found', 'There is no such consultation.');
  if (fields.urn !== before.urn) {
    throw new AppError('invalid_input', `This consultation was with ${before.schoolName}; it cannot move to another school. Record the consultation again with the right school.`, {
      issues: [{ path: 'urn', message: 'A consultation stays with its school' }],
    });
  }
  checkConsultation(ctx, fields);
  const was: Record<string, unknown> = { urn: before.urn, date: before.date, requestedBy: before.requestedBy, attendees: before.attendees, notes: before.notes, children: before.children, actions: before.actions, notesSharedOn: before.notesSharedOn, confirmedNotNames: before.confirmedNotNames };
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(was[k]));
  if (changed.length > 0) {
    const withSchoolNurse = fields.attendees.some((a) => a.role === 'school_nurse');
    write(ctx, (audit) => {
      updateConsultationRow(ctx.db, { id, date: fields.date, withSchoolNurse, data: fields });
      syncConsultationActions(ctx.db, { id, urn: fields.urn, date: fields.date, actions: fields.actions }, ctx.now().toISOString());
      audit('consultation', id, 'update', `Changed: ${changed.join(', ')}`);
    });
  }
  const consultation = selectConsultation(ctx.db, id);
  if (!consultation) throw new AppError('internal', 'The consultation was not saved.');
  return { consultation, warnings: [...childReferenceWarnings(fields.children), ...(forenames ? nameWarnings(consultationFindings(fields, forenames, KEY_AREA_LABELS), fields.confirmedNotNames) : [])] };
}

export function consultations(db: Connection, urn?: string): Consultation[] {
  return selectConsultations(db, urn);
}

/**
 * Open schools with no consultation with the school nurse team in the term of `today`: only
 * schools of the categories the team names (the 5-19 team does not serve nurseries or colleges).
 */
export function schoolsWithoutNurseThisTerm(db: Connection, today: string): { term: string | null; schools: { urn: string; name: string }[] } {
  const current = termOn(listYears(db), today);
  if (!current) return { term: null, schools: [] };
  return { term: `${TERM_LABELS[current.term.name]} ${current.year}`, schools: selectSchoolsWithoutNurse(db, current.term.startsOn, current.term.endsOn, getTeam(db).settings.schoolNurseCategories) };
}
